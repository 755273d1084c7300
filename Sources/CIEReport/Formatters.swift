import Foundation
import CIECore

/// A minimal JSON writer that keeps keys in the order SPEC.md shows them.
struct JSONWriter {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

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

    func policy(_ p: PolicyInfo) -> String {
        JSONWriter.object([("id", JSONWriter.string(p.id)), ("document", JSONWriter.string(p.document)), ("status", JSONWriter.string(p.status.rawValue))])
    }

    public func format(_ report: CheckReport, _ o: FormatOptions) -> String {
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

    public func format(_ report: ReviewReport, _ o: FormatOptions) -> String {
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

/// CSV that opens correctly in Excel: CRLF line ends, RFC 4180 quoting; a file gets a UTF-8 BOM when it is written
/// (`Session.emit`), standard output none.
public struct CSVFormatter: ReportFormatter {
    public init() {}
    public var id: String { "csv" }
    public var extensions: [String] { ["csv"] }

    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public func format(_ report: CheckReport, _ o: FormatOptions) -> String {
        // Each coded column (status, scope, strength) comes with its label beside it: the id for scripts, the label for people.
        let header = o.language == .zh
            ? ["目标", "代码", "地区", "范围", "范围代码", "状态", "状态代码", "观测值", "要求", "单位", "期限", "强度", "强度代码", "差距", "进度比", "说明"]
            : ["target", "region_code", "region", "scope_label", "scope", "status_label", "status", "observed", "required", "unit", "deadline",
               "strength_label", "strength", "gap", "progress", "detail"]
        let rows = report.rows.map { r -> [String] in
            let x = r.result
            return [r.target, r.regionCode, r.regionName, x.scope.label(o.language), x.scope.rawValue, x.status.label(o.language), x.status.rawValue,
                    x.observed.map(Display.exact) ?? "", x.required(o.language), x.unit.rawValue, x.deadline.map(String.init) ?? "",
                    x.strength.label(o.language), x.strength.rawValue, x.gap.map(Display.exact) ?? "", x.progress.map(Display.exact) ?? "", x.detail(o.language)]
        }
        return CSVFormatter.document([header] + rows)
    }

    public func format(_ report: ReviewReport, _ o: FormatOptions) -> String {
        // Stable columns for spreadsheets and scripts: zone and stability are always present (empty when not computed).
        let header = o.language == .zh
            ? ["代码", "地区", "区域", "结论", "结论代码", "得分", "名次", "最好名次", "最差名次", "入选率", "金额(万元)", "说明"]
            : ["region_code", "region", "zone", "verdict_label", "verdict", "score", "rank", "rank_best", "rank_worst", "selected_share", "amount", "detail"]
        let rows = report.rows.map { r -> [String] in
            let x = r.row
            let zone: String = x.group?(o.language) ?? ""
            let best: String = x.rankRange.map { String($0.lowerBound) } ?? ""
            let worst: String = x.rankRange.map { String($0.upperBound) } ?? ""
            return [r.regionCode, r.regionName, zone, report.verdictLabel(x.verdict, o.language), x.verdict ?? "", x.score.map(Display.exact) ?? "",
                    x.rank.map(String.init) ?? "", best, worst, x.selectedShare.map(Display.exact) ?? "", x.amount.map(Display.exact) ?? "",
                    x.detail?(o.language) ?? ""]
        }
        return CSVFormatter.document([header] + rows)
    }
}

/// A GitHub-flavoured Markdown table.
public struct MarkdownFormatter: ReportFormatter {
    public init() {}
    public var id: String { "markdown" }
    public var extensions: [String] { ["md", "markdown"] }

    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        (["| " + header.map(cell).joined(separator: " | ") + " |", "|" + header.map { _ in " --- |" }.joined()]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    public func format(_ report: CheckReport, _ o: FormatOptions) -> String {
        let zh = o.language == .zh
        let title = "# \(report.policy.name(o.language)) — \(report.policy.documentLabel(o.language))（\(report.year)）"
        let header = zh ? ["目标", "地区", "代码", "状态", "观测值", "要求", "单位", "说明"] : ["target", "region", "code", "status", "observed", "required", "unit", "detail"]
        let rows = report.rows.map { r in
            [r.target, r.regionName, r.regionCode, r.result.status.label(o.language), Cells.observed(r.result), r.result.required(o.language),
             r.result.unit.label(o.language), r.result.detail(o.language)]
        }
        return title + "\n\n" + MarkdownFormatter.table(header, rows) + "\n\n" + Cells.summaryLine(report, o.language).replacingOccurrences(of: "\n", with: "\n\n") + "\n"
    }

    public func format(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let (header, rows, _) = Cells.reviewTable(report, o.language)
        return "# \(report.review.reviewerName(o.language)) — \(report.policy.documentLabel(o.language))（\(report.review.year)）\n\n"
            + report.review.method(o.language) + "\n\n" + MarkdownFormatter.table(header, rows) + "\n\n"
            + Cells.summaryLine(report, o.language).replacingOccurrences(of: "\n", with: "\n\n") + "\n"
    }
}

/// A self-contained HTML page.
public struct HTMLFormatter: ReportFormatter {
    public init() {}
    public var id: String { "html" }
    public var extensions: [String] { ["html", "htm"] }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The page: a title, paragraphs of introduction (a line each), the table.
    static func page(_ title: String, _ intro: [String], _ header: [String], _ rows: [[String]], classes: [String], language: Language) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\"><title>\(escape(title))</title>\n"
        s += "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
        s += ".met{color:#070}.not_met,.error{color:#b00}.on_track{color:#077}.off_track{color:#a60}.no_data{color:#707}.not_applicable{color:#888}</style>\n"
        s += "</head><body>\n<h1>\(escape(title))</h1>\n" + intro.map { "<p>" + escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>\n" }.joined() + "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for (row, cls) in zip(rows, classes) {
            s += "<tr class=\"\(cls)\">" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return s + "</table>\n</body></html>\n"
    }

    public func format(_ report: CheckReport, _ o: FormatOptions) -> String {
        let zh = o.language == .zh
        let header = zh ? ["目标", "地区", "代码", "状态", "观测值", "要求", "单位", "说明"] : ["target", "region", "code", "status", "observed", "required", "unit", "detail"]
        let rows = report.rows.map { r in
            [r.target, r.regionName, r.regionCode, r.result.status.label(o.language), Cells.observed(r.result), r.result.required(o.language),
             r.result.unit.label(o.language), r.result.detail(o.language)]
        }
        return HTMLFormatter.page("\(report.policy.name(o.language)) \(report.policy.documentLabel(o.language)) \(report.year)", [Cells.summaryLine(report, o.language)],
                                  header, rows, classes: report.rows.map { $0.result.status.rawValue }, language: o.language)
    }

    public func format(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let (header, rows, _) = Cells.reviewTable(report, o.language)
        return HTMLFormatter.page("\(report.review.reviewerName(o.language)) \(report.policy.documentLabel(o.language)) \(report.review.year)",
                                  [Cells.summaryLine(report, o.language), report.review.method(o.language)], header, rows,
                                  classes: report.rows.map { $0.row.verdict ?? "" }, language: o.language)
    }
}

/// JUnit XML for CI dashboards: a test case per result. A binding or striving result not met or off track fails, with
/// observed against required; an encouraged one is skipped as advice; no data and not applicable are skipped with
/// their reason; an error errs.
public struct JUnitFormatter: ReportFormatter {
    public init() {}
    public var id: String { "junit" }
    public var extensions: [String] { ["xml"] }

    public func format(_ report: CheckReport, _ o: FormatOptions) -> String {
        let e = HTMLFormatter.escape
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
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuite name=\"\(e(report.policy.id)) \(report.year)\" tests=\"\(report.rows.count)\" failures=\"\(failures)\" errors=\"\(report.summary[.error])\" skipped=\"\(skipped)\">\n"
            + cases + "</testsuite>\n"
    }

    public func format(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let e = HTMLFormatter.escape
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"\(e(report.policy.id)) \(e(report.review.reviewerID))\" tests=\"\(report.rows.count)\">\n"
        for r in report.rows {
            s += "  <testcase classname=\"\(e(report.review.reviewerID))\" name=\"\(e(r.regionCode)) \(e(r.regionName))\"><system-out>\(e(report.verdictLabel(r.row.verdict, o.language)))</system-out></testcase>\n"
        }
        return s + "</testsuite>\n"
    }
}
