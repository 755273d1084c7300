import Foundation
import CIECore

/// A minimal JSON writer that keeps keys in the order SPEC.md shows them.
struct JSONWriter {
    static func string(_ s: String) -> String { jsonQuoted(s) }

    static func number(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "null" }
        return Display.exact(d)
    }

    static func object(_ pairs: [(String, String?)]) -> String {
        "{" + pairs.compactMap { k, v in v.map { "\(string(k)): \($0)" } }.joined(separator: ", ") + "}"
    }
}

/// SPEC.md's JSON: one object with policy, year, results and summary.
public struct JSONFormatter: ReportFormatter {
    public init() {}
    public var id: String { "json" }
    public var extensions: [String] { ["json"] }
    public var summary: LocalizedText { LocalizedText(zh: "JSON（SPEC.md 的结果格式）", en: "JSON (SPEC.md's results)") }

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        switch report {
        case .check(let c): return check(c, o)
        case .review(let r): return review(r, o)
        case .listing(let l): return listing(l)
        case .policy(let p):
            // The check and each review as their own commands write them, indented one level, with the source.
            func nested(_ text: String) -> String {
                text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
            }
            var source = "null"
            if let s = p.check.source {
                let files = s.files.map { f in
                    JSONWriter.object([("path", JSONWriter.string(f.path)), ("values", String(f.values)),
                                       ("first_year", f.years.map { String($0.lowerBound) } ?? "null"), ("last_year", f.years.map { String($0.upperBound) } ?? "null")])
                }
                source = JSONWriter.object([("generated", JSONWriter.string(s.generated)), ("version", JSONWriter.string(s.version)),
                                            ("files", "[" + files.joined(separator: ", ") + "]")])
            }
            let failed = p.failedReviews.map { JSONWriter.object([("reviewer", JSONWriter.string($0.name(o.language))), ("error", JSONWriter.string($0.why(o.language)))]) }
            return "{\n  \"policy\": \(policy(p.check.policy)),\n  \"year\": \(p.check.year),\n  \"source\": \(source),\n"
                + "  \"check\": \(nested(check(p.check, o))),\n  \"reviews\": [" + p.reviews.map { "\n  " + nested(review($0, o)) }.joined(separator: ",")
                + (p.reviews.isEmpty ? "" : "\n  ") + "],\n  \"failed_reviews\": [" + failed.joined(separator: ", ") + "]\n}\n"
        }
    }

    /// A list: an array of objects keyed by the list's keys; a coded column as `key` (the id) and `key_label`.
    func listing(_ l: Listing) -> String {
        let coded = l.codedColumns
        let objects = l.rows.map { row in
            "  " + JSONWriter.object(zip(l.keys, row).enumerated().filter { !l.tableOnly.contains($0.offset) }.flatMap { i, pair -> [(String, String)] in
                coded.contains(i) ? [(pair.0, JSONWriter.string(pair.1.id)), (pair.0 + "_label", pair.1.json)] : [(pair.0, pair.1.json)]
            })
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
    }

    func policy(_ p: PolicyInfo) -> String {
        JSONWriter.object([("id", JSONWriter.string(p.id)), ("document", JSONWriter.string(p.document)), ("status", JSONWriter.string(p.status.rawValue))])
    }

    func check(_ report: CheckReport, _ o: FormatOptions) -> String {
        let results = report.rows.map { r -> String in
            let x = r.result
            return "    " + JSONWriter.object([
                ("target", JSONWriter.string(r.target)),
                ("region", JSONWriter.object([("code", JSONWriter.string(r.regionCode)), ("name", JSONWriter.string(r.regionName))])),
                ("scope", JSONWriter.string(x.scope.rawValue)),
                ("status", JSONWriter.string(x.status.rawValue)),
                ("observed", JSONWriter.number(x.observed)),
                ("required", JSONWriter.string(x.required(o.language))),
                ("unit", JSONWriter.string(x.unit.rawValue)),
                ("deadline", x.deadline.map(String.init) ?? "null"),
                ("strength", JSONWriter.string(x.strength.rawValue)),
                ("detail", JSONWriter.string(x.detail(o.language))),
                ("gap", x.gap.map { JSONWriter.number($0) }),
                ("progress", x.progress.map { JSONWriter.number($0) }),
            ])
        }
        let summary = JSONWriter.object(Status.allCases.map { ($0.rawValue, String(report.summary[$0])) })
        return "{\n  \"policy\": \(policy(report.policy)),\n  \"year\": \(report.year),\n  \"results\": [\n"
            + results.joined(separator: ",\n") + (results.isEmpty ? "" : "\n") + "  ],\n  \"summary\": \(summary)"
            + (report.notes.isEmpty ? "" : ",\n  \"notes\": [" + report.notes.map { JSONWriter.string($0(o.language)) }.joined(separator: ", ") + "]")
            + "\n}\n"
    }

    func review(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let rows = report.rows.map { r -> String in
            "    " + JSONWriter.object([
                ("region", JSONWriter.object([("code", JSONWriter.string(r.regionCode)), ("name", JSONWriter.string(r.regionName))])),
                ("verdict", r.row.verdict.map(JSONWriter.string)),
                ("score", r.row.score.map { JSONWriter.number($0) }),
                ("rank", r.row.rank.map(String.init)),
                ("amount", r.row.amount.map { JSONWriter.number($0) }),
                ("zone", r.row.group.map { JSONWriter.string($0(o.language)) }),
                ("rank_range", r.row.rankRange.map { "[\($0.lowerBound), \($0.upperBound)]" }),
                ("selected_share", r.row.selectedShare.map { JSONWriter.number($0) }),
                ("detail", r.row.detail.map { JSONWriter.string($0(o.language)) }),
            ])
        }
        let reviewer = JSONWriter.object([("id", JSONWriter.string(report.review.reviewerID)), ("name", JSONWriter.string(report.review.reviewerName(o.language)))])
        return "{\n  \"policy\": \(policy(report.policy)),\n  \"reviewer\": \(reviewer),\n  \"year\": \(report.review.year),\n"
            + "  \"method\": \(JSONWriter.string(report.review.method(o.language))),\n  \"rows\": [\n"
            + rows.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n") + "  ]\n}\n"
    }
}

/// CSV that opens correctly in Excel on Chinese Windows: CRLF line ends, RFC 4180 quoting, plain numbers; a file
/// starts with a UTF-8 byte order mark (else Excel reads it as GBK), standard output has none (a script that collects
/// several blocks would get one each).
public struct CSVFormatter: ReportFormatter {
    public init() {}
    public var id: String { "csv" }
    public var extensions: [String] { ["csv"] }
    public var summary: LocalizedText { LocalizedText(zh: "CSV（Excel 可直接打开）", en: "CSV (opens in Excel)") }

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        switch report {
        case .check(let c): return check(c, o)
        case .review(let r): return review(r, o)
        case .listing(let l): return listing(l, o.language)
        case .policy:
            throw FormatError(zh: "报告含多张表，CSV 只能放一张：写成 .xlsx、.html、.md 或 .json", en: "a report holds several tables and a CSV file one: write it as .xlsx, .html, .md or .json")
        }
    }

    public func file(_ report: Report, _ o: FormatOptions) throws -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(try text(report, o).utf8)
    }

    func listing(_ l: Listing, _ language: Language) -> String { CSVFormatter.document(Records.listing(l, language)) }

    func check(_ report: CheckReport, _ o: FormatOptions) -> String { CSVFormatter.document(Records.check(report, o.language)) }

    func review(_ report: ReviewReport, _ o: FormatOptions) -> String { CSVFormatter.document(Records.review(report, o.language)) }

    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM`; a leading tab or return
    /// too): written with a leading `'`, which Excel and LibreOffice show as text (OWASP's CSV injection advice).
    /// Numbers are numbers, never texts, so `-0.25` is untouched.
    static func inert(_ t: String) -> String {
        guard let c = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(c) else { return t }
        return "'" + t
    }

    /// Records as CSV: numbers at full precision, nothing as an empty field, texts inert (`inert`).
    static func document(_ records: [[SheetCell]]) -> String {
        records.map { row in
            row.map { c in
                switch c {
                case .text(let t): field(inert(t))
                case .number(let v): Display.exact(v)
                case .empty: ""
                }
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}

/// The records of CSV files and workbook sheets, header first: one definition of the columns for both, so a sheet of
/// the workbook holds the same rows as the CSV file.
enum Records {
    static func text(_ s: String) -> SheetCell { s.isEmpty ? .empty : .text(s) }
    static func number(_ v: Double?) -> SheetCell { v.map { $0.isFinite ? .number($0) : .empty } ?? .empty }

    /// A check: each coded column (status, scope, strength) with its label beside it: the id for scripts, the label
    /// for people.
    static func check(_ report: CheckReport, _ l: Language) -> [[SheetCell]] {
        let header = l == .zh
            ? ["目标", "代码", "地区", "范围", "范围代码", "状态", "状态代码", "观测值", "要求", "单位", "期限", "强度", "强度代码", "差距", "进度比", "说明"]
            : ["target", "region_code", "region", "scope_label", "scope", "status_label", "status", "observed", "required", "unit", "deadline",
               "strength_label", "strength", "gap", "progress", "detail"]
        return [header.map(SheetCell.text)] + report.rows.map { r -> [SheetCell] in
            let x = r.result
            return [text(r.target), text(r.regionCode), text(r.regionName), text(x.scope.label(l)), text(x.scope.rawValue), text(x.status.label(l)), text(x.status.rawValue),
                    number(x.observed), text(x.required(l)), text(x.unit.rawValue), number(x.deadline.map(Double.init)),
                    text(x.strength.label(l)), text(x.strength.rawValue), number(x.gap), number(x.progress), text(x.detail(l))]
        }
    }

    /// A review: stable columns for spreadsheets and scripts; zone and stability are always present (empty when not
    /// computed).
    static func review(_ report: ReviewReport, _ l: Language) -> [[SheetCell]] {
        let header = l == .zh
            ? ["代码", "地区", "区域", "结论", "结论代码", "得分", "名次", "最好名次", "最差名次", "入选率", "金额(万元)", "说明"]
            : ["region_code", "region", "zone", "verdict_label", "verdict", "score", "rank", "rank_best", "rank_worst", "selected_share", "amount", "detail"]
        return [header.map(SheetCell.text)] + report.rows.map { r -> [SheetCell] in
            let x = r.row
            return [text(r.regionCode), text(r.regionName), text(x.group?(l) ?? ""), text(report.verdictLabel(x.verdict, l)), text(x.verdict ?? ""),
                    number(x.score), number(x.rank.map(Double.init)), number(x.rankRange.map { Double($0.lowerBound) }), number(x.rankRange.map { Double($0.upperBound) }),
                    number(x.selectedShare), number(x.amount), text(x.detail?(l) ?? "")]
        }
    }

    /// A list without its pictures; a coded column as its label then its id (状态, 状态代码 as `check` writes them).
    static func listing(_ list: Listing, _ l: Language) -> [[SheetCell]] {
        let coded = list.codedColumns
        let columns = list.dataColumns
        let head = columns.flatMap { i -> [String] in
            guard coded.contains(i) else { return [list.header[i]] }
            return l == .zh ? [list.header[i], list.header[i] + "代码"] : [list.keys[i] + "_label", list.keys[i]]
        }
        return [head.map(SheetCell.text)] + list.rows.map { row in
            columns.flatMap { i -> [SheetCell] in
                let c = row[i]
                let cell: SheetCell = if case .number(let v, _) = c { number(v) } else { text(c.csv) }
                return coded.contains(i) ? [cell, text(c.id)] : [cell]
            }
        }
    }

    /// The policy's targets: what each quotes of the document.
    static func targets(_ p: PolicyInfo, _ l: Language) -> [[SheetCell]] {
        let header = l == .zh ? ["目标", "名称", "条款", "强度", "强度代码", "期限", "基期", "要求", "原文"]
            : ["target", "title", "clause", "strength_label", "strength", "deadline", "baseline", "required", "original"]
        return [header.map(SheetCell.text)] + p.targets.map { t in
            [text(t.id), text(t.title(l)), text(t.clause), text(t.strength.label(l)), text(t.strength.rawValue), number(t.deadline.map(Double.init)),
             number(t.baseline.map(Double.init)), text(t.requirement(l)), text(t.original)]
        }
    }
}

/// Markdown that renders on GitHub and GitLab: a heading, the summary, GFM tables (a `|` escaped, a line break as
/// `<br>`).
public struct MarkdownFormatter: ReportFormatter {
    public init() {}
    public var id: String { "markdown" }
    public var extensions: [String] { ["md", "markdown"] }
    public var summary: LocalizedText { LocalizedText(zh: "Markdown 表格（GitHub、GitLab 可显示）", en: "Markdown tables (GitHub, GitLab)") }

    /// Text as Markdown shows it literally: its markup characters escaped (so a name cannot start a list, a link or
    /// HTML), a line break as `<br>`.
    static func inline(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~": out += "\\" + String(c)
            case "\r\n", "\n", "\r": out += "<br>"
            default: out.append(c)
            }
        }
        return out
    }

    static func cell(_ s: String) -> String { inline(s) }

    /// A table; `right`: the columns aligned right (numbers).
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        (["| " + header.map(cell).joined(separator: " | ") + " |", "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined()]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    /// The summary's lines as paragraphs.
    static func paragraphs(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\n\n") }

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        switch report {
        case .check(let c): return "# " + MarkdownFormatter.inline(Cells.title(c, o.language)) + "\n\n" + check(c, o)
        case .review(let r): return "# " + MarkdownFormatter.inline(Cells.title(r, o.language)) + "\n\n" + review(r, o)
        case .listing(let l):
            let columns = l.keys.indices.filter { !l.tableOnly.contains($0) }
            return (l.title.map { "## \(MarkdownFormatter.inline($0))\n\n" } ?? "")
                + MarkdownFormatter.table(columns.map { l.header[$0] }, l.rows.map { row in columns.map { row[$0].shown } },
                                          right: Set(columns.enumerated().filter { l.rightAligned.contains($0.element) }.map(\.offset)))
                + "\n" + (l.footer.map { "\n\(MarkdownFormatter.inline($0))\n" } ?? "")
        case .policy(let p):
            let zh = o.language == .zh
            var s = "# " + MarkdownFormatter.inline(Cells.title(p.check, o.language)) + "\n\n"
            if let source = p.check.source { s += Cells.sourceLines(source, o.language).map { "- " + MarkdownFormatter.cell($0) }.joined(separator: "\n") + "\n\n" }
            s += "## " + (zh ? "达标检查" : "Check") + "\n\n" + check(p.check, o)
            for r in p.reviews { s += "\n## " + MarkdownFormatter.inline(r.review.reviewerName(o.language)) + "\n\n" + review(r, o) }
            for f in p.failedReviews { s += "\n## " + MarkdownFormatter.inline(f.name(o.language)) + "\n\n" + MarkdownFormatter.inline(f.why(o.language)) + "\n" }
            let targets = p.check.policy.targets.map { t in
                [t.id, t.title(o.language), t.clause, t.strength.label(o.language), t.deadline.map(String.init) ?? (zh ? "每年" : "yearly"), t.requirement(o.language), t.original]
            }
            s += "\n## " + (zh ? "目标" : "Targets") + "\n\n"
                + MarkdownFormatter.table(zh ? ["目标", "名称", "条款", "强度", "期限", "要求", "原文"] : ["target", "title", "clause", "strength", "deadline", "required", "original"], targets) + "\n"
            return s
        }
    }

    func check(_ report: CheckReport, _ o: FormatOptions) -> String {
        let zh = o.language == .zh
        let header = zh ? ["目标", "地区", "代码", "状态", "观测值", "要求", "单位", "强度", "说明"]
            : ["target", "region", "code", "status", "observed", "required", "unit", "strength", "detail"]
        let rows = report.rows.map { r in
            [r.target, r.regionName, r.regionCode, r.result.status.label(o.language), Cells.observed(r.result), r.result.required(o.language),
             r.result.unit.label(o.language), r.result.strength.label(o.language), r.result.detail(o.language)]
        }
        return (report.policy.status == .draft ? Cells.draftNote(o.language) + "\n\n" : "")
            + MarkdownFormatter.paragraphs(MarkdownFormatter.inline(Cells.summaryLine(report, o.language)).replacingOccurrences(of: "<br>", with: "\n")) + "\n\n" + MarkdownFormatter.table(header, rows, right: [4]) + "\n"
    }

    func review(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let (header, rows, numeric) = Cells.reviewTable(report, o.language)
        return MarkdownFormatter.paragraphs(MarkdownFormatter.inline(Cells.summaryLine(report, o.language)).replacingOccurrences(of: "<br>", with: "\n"))
            + "\n\n" + (o.language == .zh ? "方法：" : "Method: ") + MarkdownFormatter.inline(report.review.method(o.language)) + "\n\n" + MarkdownFormatter.table(header, rows, right: numeric) + "\n"
    }
}

/// JUnit XML for CI dashboards: a test case per target × unit. A binding or striving result not met or off track
/// fails, with observed against required; an encouraged one is skipped as advice; no data and not applicable are
/// skipped with their reason; an error errs. A review is a suite of its units; a report, the check's suite and each
/// review's in one `<testsuites>`. A list has no tests.
public struct JUnitFormatter: ReportFormatter {
    public init() {}
    public var id: String { "junit" }
    public var extensions: [String] { ["xml"] }
    public var summary: LocalizedText { LocalizedText(zh: "JUnit XML（CI 面板）", en: "JUnit XML (CI dashboards)") }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        switch report {
        case .check(let c): return JUnitFormatter.declaration + check(c, o)
        case .review(let r): return JUnitFormatter.declaration + review(r, o)
        case .listing:
            throw FormatError(zh: "列表没有 JUnit 形式：用 \(Formatters.all.filter { $0.id != "junit" }.map(\.id).joined(separator: "、"))",
                              en: "a list has no JUnit form: use \(Formatters.all.filter { $0.id != "junit" }.map(\.id).joined(separator: ", "))")
        case .policy(let p):
            let e = XML.escape
            return JUnitFormatter.declaration + "<testsuites name=\"\(e(p.check.policy.id)) \(p.check.year)\">\n"
                + check(p.check, o) + p.reviews.map { review($0, o) }.joined()
                + p.failedReviews.map { f in
                    "<testsuite name=\"\(e(p.check.policy.id)) \(e(f.name(o.language)))\" tests=\"1\" errors=\"1\">\n  <testcase classname=\"\(e(f.name(o.language)))\" name=\"\(e(f.name(o.language)))\">"
                        + "<error message=\"\(e(f.why(o.language)))\"/></testcase>\n</testsuite>\n"
                }.joined() + "</testsuites>\n"
        }
    }

    func check(_ report: CheckReport, _ o: FormatOptions) -> String {
        let e = XML.escape
        let zh = o.language == .zh
        var failures = 0, skipped = 0
        var cases = ""
        for r in report.rows {
            let x = r.result
            cases += "  <testcase classname=\"\(e(r.target))\" name=\"\(e(r.regionCode)) \(e(r.regionName))\">"
            let observed = Cells.observed(x) + (x.unit == .none ? "" : " " + x.unit.label(o.language))
            switch x.status {
            case .notMet where x.strength.counts, .offTrack where x.strength.counts:
                failures += 1
                let message = zh ? "\(x.status.label.zh)：观测值 \(observed)，要求 \(x.required.zh)" : "\(x.status.label.en): observed \(observed), required \(x.required.en)"
                cases += "<failure message=\"\(e(message))\">\(e(x.detail(o.language)))</failure>"
            case .notMet, .offTrack:
                skipped += 1
                let message = zh ? "鼓励性目标\(x.status.label.zh)：建议，不算不合规（观测值 \(observed)，要求 \(x.required.zh)）"
                    : "encouraged target \(x.status.label.en): advice, not a compliance failure (observed \(observed), required \(x.required.en))"
                cases += "<skipped message=\"\(e(message))\"/>"
            case .error:
                cases += "<error message=\"\(e(x.status.label(o.language)))\">\(e(x.detail(o.language)))</error>"
            case .noData, .notApplicable:
                skipped += 1
                cases += "<skipped message=\"\(e(x.status.label(o.language) + (x.detail(o.language).isEmpty ? "" : (zh ? "：" : ": ") + x.detail(o.language))))\"/>"
            case .met, .onTrack: break
            }
            cases += "</testcase>\n"
        }
        return "<testsuite name=\"\(e(report.policy.id)) \(report.year)\" tests=\"\(report.rows.count)\" failures=\"\(failures)\" errors=\"\(report.rows.filter { $0.result.status == .error }.count)\" skipped=\"\(skipped)\">\n"
            + cases + "</testsuite>\n"
    }

    /// A review: a unit whose verdict is bad news (不合规, 否决) fails, with its detail; the others pass with their verdict.
    func review(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let e = XML.escape
        var cases = "", failures = 0
        for r in report.rows {
            let verdict = e(report.verdictLabel(r.row.verdict, o.language))
            cases += "  <testcase classname=\"\(e(report.review.reviewerID))\" name=\"\(e(r.regionCode)) \(e(r.regionName))\">"
            if report.tone(of: r.row.verdict) == "bad" {
                failures += 1
                cases += "<failure message=\"\(verdict)\">\(e(r.row.detail?(o.language) ?? ""))</failure>"
            } else {
                cases += "<system-out>\(verdict)</system-out>"
            }
            cases += "</testcase>\n"
        }
        return "<testsuite name=\"\(e(report.policy.id)) \(e(report.review.reviewerID))\" tests=\"\(report.rows.count)\" failures=\"\(failures)\">\n" + cases + "</testsuite>\n"
    }
}

/// Escaping for XML and HTML text and attributes.
enum XML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Characters XML 1.0 forbids (control characters other than tab, newline and return) are dropped.
            case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": continue
            case "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
