import CIECore

/// A self-contained HTML page (Great Expectations' Data Docs, InSpec's html2 reporter): a run header, the summary,
/// a heatmap of units × targets, a section per target with its clause, sentence and charts, the reviewers, and
/// tables that sort and filter when JavaScript is on. Inline CSS and SVG only: no network, no script needed to read
/// it, and it prints on A4.
public struct HTMLFormatter: ReportFormatter {
    public init() {}
    public var id: String { "html" }
    public var extensions: [String] { ["html", "htm"] }
    public var summary: LocalizedText { LocalizedText(zh: "HTML 报告（图表，单个文件）", en: "an HTML report (charts, one file)") }

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        var page = HTMLPage(language: o.language)
        switch report {
        case .check(let c):
            page.header(Cells.title(c, o.language), c.policy, year: c.year, yearNote: c.yearNote, source: c.source)
            page.check(c)
        case .review(let r):
            page.header(Cells.title(r, o.language), r.policy, year: r.review.year, yearNote: r.yearNote, source: r.source)
            page.review(r, level: 2)
        case .listing(let l):
            page.title = l.title ?? "cie"
            page.body += "<h1>\(XML.escape(l.title ?? "cie"))</h1>\n"
            page.table(l.dataColumns.map { l.header[$0] }, l.rows.map { row in l.dataColumns.map { HTMLPage.TableCell(row[$0], numeric: l.rightAligned.contains($0)) } })
            if let footer = l.footer { page.body += "<p class=\"note\">\(XML.escape(footer))</p>\n" }
        case .policy(let p):
            page.header(Cells.title(p.check, o.language), p.check.policy, year: p.check.year, yearNote: p.check.yearNote, source: p.check.source)
            page.check(p.check)
            let zh = o.language == .zh
            if !p.reviews.isEmpty || !p.failedReviews.isEmpty {
                page.body += "<section id=\"reviews\"><h2>\(zh ? "审查" : "Reviews")</h2>\n"
                for r in p.reviews { page.review(r, level: 3) }
                for f in p.failedReviews {
                    page.body += "<section class=\"review\"><h3>\(XML.escape(f.name(o.language)))</h3><p class=\"error\">\(XML.escape(f.why(o.language)))</p></section>\n"
                }
                page.body += "</section>\n"
            }
        }
        return page.document()
    }
}

/// The page being written: its head, its body and the pieces the sections share.
struct HTMLPage {
    let language: Language
    var title = ""
    var body = ""
    var zh: Bool { language == .zh }

    init(language: Language) { self.language = language }

    func document() -> String {
        "<!DOCTYPE html>\n<html lang=\"\(zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(XML.escape(title))</title>\n"
            + "<style>\n\(HTMLPage.css)</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n"
            + "<script>\n\(HTMLPage.script(language))</script>\n</body>\n</html>\n"
    }

    // MARK: - Header and summary

    mutating func header(_ heading: String, _ policy: PolicyInfo, year: Int, yearNote: LocalizedText?, source: ReportSource?) {
        title = heading
        body += "<header>\n<h1>\(XML.escape(heading))</h1>\n"
        body += "<p class=\"doc\">\(XML.escape(policy.title.isEmpty ? policy.name(language) : "《\(policy.title)》"))"
        if policy.status == .draft { body += " <span class=\"badge draft\">\(zh ? "征求意见稿" : "draft for comment")</span>" }
        body += "</p>\n<dl class=\"meta\">\n"
        body += "<dt>\(zh ? "政策" : "Policy")</dt><dd>\(XML.escape(policy.name(language))) · \(XML.escape(policy.document)) · <code>\(XML.escape(policy.id))</code></dd>\n"
        // The note names the year and why ("2020 年：青海省有数据的最近一年").
        body += "<dt>\(zh ? "评估年份" : "Year")</dt><dd>\(yearNote.map { XML.escape($0(language)) } ?? String(year))</dd>\n"
        if let source {
            body += "<dt>\(zh ? "数据" : "Data")</dt><dd><ul class=\"files\">"
            for f in source.files {
                let years = f.years.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
                body += "<li><code>\(XML.escape(f.path))</code> · \(XML.escape(f.kind(language))) · "
                    + (zh ? "\(formatCount(f.values)) 个数值" : "\(formatCount(f.values)) values") + (years.map { " · \($0)" } ?? "") + "</li>"
            }
            body += "</ul></dd>\n<dt>\(zh ? "生成" : "Generated")</dt><dd>\(XML.escape(source.generated)) · cie \(XML.escape(source.version))</dd>\n"
        }
        body += "</dl>\n</header>\n"
    }

    mutating func check(_ c: CheckReport) {
        let targets = c.targetsShown
        summary(c)
        if !c.rows.isEmpty {
            body += "<section id=\"heatmap\"><h2>\(zh ? "各单位各目标" : "Units × targets")</h2>\n"
            body += "<p class=\"note\">\(zh ? "每格一个结果，颜色为状态；悬停可见观测值、要求与说明。" : "One cell a result, coloured by status; hover for observed, required and detail.")</p>\n"
            body += Charts.heatmap(c, targets: targets, language) + legend() + "</section>\n"
        }
        body += "<section id=\"targets\"><h2>\(zh ? "目标" : "Targets")</h2>\n"
        for t in targets { target(t, c) }
        body += "</section>\n"
        body += "<section id=\"results\"><h2>\(zh ? "全部结果" : "All results")</h2>\n"
        let header = zh ? ["目标", "地区", "代码", "状态", "观测值", "要求", "单位", "强度", "期限", "说明"]
            : ["target", "region", "code", "status", "observed", "required", "unit", "strength", "deadline", "detail"]
        table(header, c.rows.map { r in
            let x = r.result
            return [.init(r.target, nowrap: true), .init(r.regionName, nowrap: true), .init(r.regionCode, nowrap: true), statusCell(x),
                    .init(Cells.observed(x), value: x.observed), .init(x.required(language), nowrap: true), .init(x.unit.label(language), nowrap: true),
                    .init(x.strength.label(language), nowrap: true), .init(x.deadline.map(String.init) ?? (zh ? "每年" : "yearly"), nowrap: true),
                    .init(x.detail(language))]
        })
        let notes = ([c.filterNote, c.limitNote].compactMap { $0 } + c.notes).map { $0(language) }
        for n in notes { body += "<p class=\"note\">\(XML.escape(n))</p>\n" }
        body += "</section>\n"
    }

    /// Counts by status, by strength × status, and per unit whether it is compliant.
    mutating func summary(_ c: CheckReport) {
        body += "<section id=\"summary\"><h2>\(zh ? "概况" : "Summary")</h2>\n<div class=\"cards\">"
        body += "<div class=\"card\"><b>\(c.summary.total)</b><span>\(zh ? "结果" : "results")</span></div>"
        for s in Status.allCases where c.summary[s] > 0 {
            body += "<div class=\"card \(s.rawValue)\"><b>\(c.summary[s])</b><span>\(XML.escape(s.label(language)))</span></div>"
        }
        body += "</div>\n"
        let statuses = Status.allCases.filter { c.summary[$0] > 0 }
        let strengths = Strength.allCases.filter { c.byStrength[$0] != nil }
        if !statuses.isEmpty {
            body += "<table class=\"counts\"><thead><tr><th>\(zh ? "强度" : "strength")</th>" + statuses.map { "<th>\(XML.escape($0.label(language)))</th>" }.joined() + "</tr></thead><tbody>\n"
            for s in strengths {
                body += "<tr><th>\(XML.escape(s.label(language)))</th>" + statuses.map { st in
                    "<td class=\"num\">\(c.byStrength[s]?[st] ?? 0)</td>"
                }.joined() + "</tr>\n"
            }
            body += "</tbody></table>\n"
        }
        // A unit is compliant when none of its binding or striving results fails or lacks data (encouraged ones are advice).
        var order: [String] = []
        var byUnit: [String: (name: String, rows: [TargetResult])] = [:]
        // Only when every result is shown (a --top list would judge units on part of their results).
        for r in c.rows where r.result.scope == .county && c.limitNote == nil {
            if byUnit[r.regionCode] == nil { order.append(r.regionCode); byUnit[r.regionCode] = (r.regionName, []) }
            byUnit[r.regionCode]!.rows.append(r.result)
        }
        if !order.isEmpty {
            var failing: [(String, String, Int)] = [], lacking: [(String, String, Int)] = []
            var compliant = 0
            for code in order {
                let (name, results) = byUnit[code]!
                let counted = results.filter(\.strength.counts)
                let failures = counted.filter(\.status.isFailure).count
                let missing = counted.filter { $0.status == .noData || $0.status == .error }.count
                if failures > 0 { failing.append((code, name, failures)) } else if missing > 0 { lacking.append((code, name, missing)) } else { compliant += 1 }
            }
            body += "<p>" + (zh ? "\(order.count) 个县级单位：<span class=\"st met\">全部达标或进展顺利 \(compliant)</span> <span class=\"st not_met\">有未达标或进展滞后 \(failing.count)</span> <span class=\"st no_data\">缺数据 \(lacking.count)</span>（只计约束性与力争目标）"
                : "\(order.count) county-level units: <span class=\"st met\">all met or on track \(compliant)</span> <span class=\"st not_met\">some not met or off track \(failing.count)</span> <span class=\"st no_data\">lacking data \(lacking.count)</span> (binding and striving targets only)") + "</p>\n"
            if !failing.isEmpty {
                body += "<p class=\"units\">\(zh ? "未全部达标：" : "Not all met: ")" + failing.sorted { $0.2 > $1.2 }.map { code, name, n in
                    "<span title=\"\(XML.escape(code))\">\(XML.escape(name))</span>" + (zh ? "（\(n) 项）" : " (\(n))")
                }.joined(separator: zh ? "、" : ", ") + "</p>\n"
            }
        }
        if c.policy.status == .draft { body += "<p class=\"warn\">\(XML.escape(Cells.draftNote(language)))</p>\n" }
        body += "</section>\n"
    }

    func legend() -> String {
        "<p class=\"legend\">" + Status.allCases.map { "<span class=\"key \($0.rawValue)\"></span>\(XML.escape($0.label(language)))" }.joined(separator: " ")
            + " <span class=\"key advice\"></span>\(zh ? "鼓励性目标未达（建议）" : "encouraged, missed (advice)")</p>\n"
    }

    // MARK: - A target

    mutating func target(_ id: String, _ c: CheckReport) {
        let rows = c.rows.filter { $0.target == id }
        let info = c.policy.target(id)
        let counts = Status.allCases.map { s in (s, rows.filter { $0.result.status == s }.count) }.filter { $0.1 > 0 }
        body += "<details class=\"target\" id=\"t-\(XML.escape(id))\" open>\n<summary><span class=\"tid\">\(XML.escape(id))</span> "
            + XML.escape(info?.title(language) ?? "")
            + (info.map { " <span class=\"badge \($0.strength.rawValue)\">\(XML.escape($0.strength.label(language)))</span>" } ?? "")
            + " <span class=\"counts\">" + counts.map { "<span class=\"st \($0.0.rawValue)\">\(XML.escape($0.0.label(language))) \($0.1)</span>" }.joined(separator: " ") + "</span></summary>\n"
        if let info {
            body += "<dl class=\"meta\"><dt>\(zh ? "条款" : "Clause")</dt><dd>\(XML.escape(info.clause))</dd>"
                + "<dt>\(zh ? "要求" : "Required")</dt><dd>\(XML.escape(info.requirement(language)))</dd>"
                + "<dt>\(zh ? "期限" : "Deadline")</dt><dd>\(info.deadline.map { String($0) + (zh ? " 年" : "") } ?? (zh ? "每年" : "every year"))"
                + (info.deadline.map { $0 > c.year ? (zh ? "（尚未到期：按进度判断）" : " (not yet due: judged on progress)") : "" } ?? "") + "</dd></dl>\n"
            if !info.original.isEmpty { body += "<blockquote>\(XML.escape(info.original))</blockquote>\n" }
        }
        let unit = rows.first?.result.unit ?? .none
        let valued = rows.filter { $0.result.observed != nil }
        if !valued.isEmpty {
            body += "<figure class=\"chart\">" + Charts.bars(valued, unit: unit, language)
                + "<figcaption>\(zh ? "\(c.year) 年观测值，由高到低；虚线为要求" : "Observed in \(c.year), highest first; the dashed line is the requirement")</figcaption></figure>\n"
        } else {
            body += "<p class=\"note\">\(zh ? "没有可画的观测值。" : "No observed values to draw.")</p>\n"
        }
        if let info, let deadline = info.deadline, deadline > c.year, let history = c.history[id], history.years.count > 1 {
            body += "<figure class=\"chart\">" + Charts.paths(rows, history, info: info, deadline: deadline, language)
                + "<figcaption>\(zh ? "各单位历年观测值（实线）与到 \(deadline) 年达到要求的路径（虚线）" : "Each unit's observed values (solid) and the path that reaches the requirement by \(deadline) (dashed)")</figcaption></figure>\n"
        }
        let failing = rows.filter { $0.result.status.isFailure }.sorted { ($0.result.gap ?? 0) < ($1.result.gap ?? 0) }
        if !failing.isEmpty {
            body += "<h4>\(zh ? "未达标或进展滞后（\(failing.count)）" : "Not met or off track (\(failing.count))")</h4>\n"
            table(zh ? ["地区", "代码", "状态", "观测值", "要求", "差距", "说明"] : ["region", "code", "status", "observed", "required", "gap", "detail"], failing.map { r in
                let x = r.result
                return [.init(r.regionName, nowrap: true), .init(r.regionCode, nowrap: true), statusCell(x), .init(Cells.observed(x), value: x.observed),
                        .init(x.required(language), nowrap: true), .init(x.gap.map { Display.value($0, unit: x.unit) } ?? "—", value: x.gap), .init(x.detail(language))]
            })
        }
        body += "</details>\n"
    }

    // MARK: - A review

    mutating func review(_ r: ReviewReport, level: Int) {
        let h = "h\(level)"
        body += "<section class=\"review\" id=\"r-\(XML.escape(r.review.reviewerID))\"><\(h)>\(XML.escape(r.review.reviewerName(language)))</\(h)>\n"
        body += "<p>" + r.verdictCounts.map { "<span class=\"st \(r.tone(of: $0.id))\">\(XML.escape(r.verdictLabel($0.id, language))) \($0.count)</span>" }.joined(separator: " ") + "</p>\n"
        body += "<p class=\"method\"><b>\(zh ? "方法" : "Method")</b> \(XML.escape(r.review.method(language)))</p>\n"
        if let chart = Charts.review(r, language) { body += "<figure class=\"chart\">" + chart.svg + "<figcaption>\(XML.escape(chart.caption))</figcaption></figure>\n" }
        let (header, rows, numeric) = Cells.reviewTable(r, language)
        let verdictColumn = header.firstIndex(of: zh ? "结论" : "verdict")
        table(header, zip(rows, r.rows).map { cells, row in
            cells.enumerated().map { i, text in
                if i == verdictColumn { return TableCell(text, tone: r.tone(of: row.row.verdict)) }
                return TableCell(text, numeric: numeric.contains(i), nowrap: i < 2)
            }
        })
        if let note = r.limitNote { body += "<p class=\"note\">\(XML.escape(note(language)))</p>\n" }
        body += "</section>\n"
    }

    // MARK: - Tables

    struct TableCell {
        var text: String
        /// The number a sort uses (data-v).
        var value: Double?
        var numeric = false
        var nowrap = false
        var className: String?

        init(_ text: String, value: Double? = nil, numeric: Bool = false, nowrap: Bool = false, tone: String? = nil) {
            self.text = text
            self.value = value
            self.numeric = numeric || value != nil
            self.nowrap = nowrap
            self.className = tone.map { "st " + $0 }
        }

        init(_ cell: Cell, numeric: Bool) {
            switch cell {
            case .number(let v, let shown): self.init(shown, value: v)
            default: self.init(cell.shown, numeric: numeric)
            }
        }
    }

    func statusCell(_ x: TargetResult) -> TableCell {
        var c = TableCell(x.status.label(language), nowrap: true)
        c.className = "st " + x.status.rawValue + (x.strength == .encouraged && x.status.isFailure ? " advice" : "")
        return c
    }

    /// A table that sorts by a click on a header and filters by a search box when JavaScript is on.
    mutating func table(_ header: [String], _ rows: [[TableCell]]) {
        body += "<div class=\"scroll\"><table class=\"data\"><thead><tr>" + header.map { "<th>\(XML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            body += "<tr>"
            for c in row {
                var classes: [String] = []
                if c.numeric { classes.append("num") }
                if c.nowrap { classes.append("nw") }
                var td = "<td"
                if !classes.isEmpty { td += " class=\"\(classes.joined(separator: " "))\"" }
                if c.numeric { td += " data-v=\"\(c.value.map(Display.exact) ?? "")\"" }
                td += ">"
                body += td + (c.className.map { "<span class=\"\($0)\">\(XML.escape(c.text))</span>" } ?? XML.escape(c.text)) + "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody></table></div>\n"
    }

    static let css = """
        :root{--met:#2e7d32;--on_track:#00897b;--off_track:#f59f00;--not_met:#c62828;--no_data:#9aa5b1;--not_applicable:#e4e8ec;--error:#6a1b9a;--advice:#f3b4b4;--ink:#1f2933;--muted:#616e7c;--line:#d9dee3}
        html{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);font-size:15px;line-height:1.5}
        body{margin:0;background:#f7f8fa}main{max-width:1320px;margin:0 auto;padding:24px 32px;background:#fff}
        h1{font-size:1.6rem;margin:.2em 0}h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2em;margin-top:1.6em}h3{font-size:1.15rem;margin-top:1.4em}h4{margin:.8em 0 .3em}
        code{font-family:"Noto Sans Mono CJK SC",ui-monospace,monospace;font-size:.9em}
        .doc{color:var(--muted);margin:.2em 0 .8em}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
        ul.files{margin:0;padding-left:1.2em}
        .badge{display:inline-block;border-radius:3px;padding:0 .45em;font-size:.8em;border:1px solid currentColor;vertical-align:middle}
        .badge.draft{color:#b54708;background:#fff4e5}.badge.binding{color:#1f2933}.badge.striving{color:#1d4ed8}.badge.encouraged{color:#616e7c}
        .cards{display:flex;flex-wrap:wrap;gap:8px;margin:.6em 0}.card{border:1px solid var(--line);border-left:6px solid var(--muted);padding:.3em .8em;min-width:6em}
        .card b{display:block;font-size:1.5rem}.card span{color:var(--muted)}
        .card.met{border-left-color:var(--met)}.card.on_track{border-left-color:var(--on_track)}.card.off_track{border-left-color:var(--off_track)}.card.not_met{border-left-color:var(--not_met)}
        .card.no_data{border-left-color:var(--no_data)}.card.not_applicable{border-left-color:var(--not_applicable)}.card.error{border-left-color:var(--error)}
        .st{display:inline-block;padding:0 .4em;border-radius:3px;white-space:nowrap}
        .st.met,.st.good{background:#e3f4e4;color:#1b5e20}.st.on_track{background:#def3f1;color:#00695c}.st.off_track{background:#fff1d6;color:#8a5300}
        .st.not_met,.st.bad{background:#fbe1e1;color:#a61b1b}.st.no_data,.st.muted{background:#eef1f4;color:#52606d}.st.not_applicable{background:#f5f7f9;color:#7b8794}
        .st.error{background:#efe2f6;color:#6a1b9a}.st.advice{background:#fdf0f0;color:#9b5353;font-style:italic}
        table{border-collapse:collapse;margin:.4em 0}th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
        thead th{background:#f0f3f6;position:sticky;top:0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.nw{white-space:nowrap}
        table.counts td{min-width:4em}.scroll{overflow-x:auto}
        th.sort{cursor:pointer}th.sort::after{content:" ↕";color:#9aa5b1}th[data-dir=asc]::after{content:" ↑"}th[data-dir=desc]::after{content:" ↓"}
        input.filter{margin:.3em 0;padding:3px 6px;width:22em;max-width:100%;border:1px solid var(--line)}
        details.target{border:1px solid var(--line);border-radius:4px;margin:.8em 0;padding:.3em .9em}
        details.target>summary{cursor:pointer;font-weight:600;font-size:1.05rem;padding:.2em 0}details.target>summary .counts{font-weight:400;font-size:.85rem}
        .tid{font-family:ui-monospace,monospace;white-space:nowrap}
        blockquote{margin:.4em 0;padding:.3em .9em;border-left:4px solid #c5cdd5;background:#f7f9fb;color:#323f4b}
        figure.chart{margin:.6em 0}figure.chart svg{max-width:100%;height:auto;display:block}figcaption{color:var(--muted);font-size:.85rem}
        svg text{font-family:inherit;fill:#323f4b}.note{color:var(--muted);font-size:.9rem}.warn{color:#b54708}.error{color:#a61b1b}
        .legend{font-size:.85rem;color:var(--muted)}.key{display:inline-block;width:.9em;height:.9em;margin:0 .2em 0 .8em;vertical-align:-.1em;border:1px solid #0002}
        .key.met{background:var(--met)}.key.on_track{background:var(--on_track)}.key.off_track{background:var(--off_track)}.key.not_met{background:var(--not_met)}
        .key.no_data{background:var(--no_data)}.key.not_applicable{background:var(--not_applicable)}.key.error{background:var(--error)}.key.advice{background:var(--advice)}
        .f-met{fill:var(--met)}.f-on_track{fill:var(--on_track)}.f-off_track{fill:var(--off_track)}.f-not_met{fill:var(--not_met)}.f-no_data{fill:var(--no_data)}
        .f-not_applicable{fill:var(--not_applicable)}.f-error{fill:var(--error)}.f-advice{fill:var(--advice)}.f-good{fill:var(--met)}.f-bad{fill:var(--not_met)}.f-muted{fill:var(--no_data)}
        .s-met{stroke:var(--met)}.s-on_track{stroke:var(--on_track)}.s-off_track{stroke:var(--off_track)}.s-not_met{stroke:var(--not_met)}.s-no_data,.s-not_applicable,.s-error{stroke:var(--no_data)}
        svg text.t-met{fill:var(--met)}svg text.t-on_track{fill:var(--on_track)}svg text.t-off_track{fill:#b36b00}svg text.t-not_met{fill:var(--not_met)}svg text.t-no_data{fill:var(--muted)}
        .req{stroke:#1f2933;stroke-width:1.5;stroke-dasharray:5 3;fill:none}svg text.req-label{fill:#1f2933}.whisker{stroke:#7b8794;stroke-width:2}.panel{fill:#fbfcfd;stroke:#e4e8ec}
        .method{max-width:70em}.units{max-width:80em}
        @page{size:A4;margin:14mm 12mm}
        @media print{html{font-size:10pt}body{background:#fff}main{max-width:none;padding:0}input.filter{display:none}thead th{position:static}
        th.sort::after{content:""}figure.chart,tr,.card{break-inside:avoid}h2,h3,h4{break-after:avoid}.scroll{overflow:visible}details.target{border:none;padding:0}}

        """

    /// Sorting and filtering, small and inline; the page reads the same without it.
    static func script(_ language: Language) -> String {
        let placeholder = language == .zh ? "筛选（输入地区、状态或任意文字）" : "Filter (a region, a status, any text)"
        return """
            (function () {
              document.querySelectorAll('table.data').forEach(function (t) {
                var body = t.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                if (rows.length > 8) {
                  var box = document.createElement('input');
                  box.type = 'search'; box.className = 'filter'; box.placeholder = '\(placeholder)';
                  box.addEventListener('input', function () {
                    var q = box.value.trim().toLowerCase();
                    rows.forEach(function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; });
                  });
                  t.parentNode.insertBefore(box, t);
                }
                Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, i) {
                  th.classList.add('sort'); th.tabIndex = 0;
                  function key(r) {
                    var c = r.cells[i];
                    if (c.hasAttribute('data-v')) { var v = parseFloat(c.getAttribute('data-v')); return isNaN(v) ? -Infinity : v; }
                    return c.textContent;
                  }
                  function sort() {
                    var asc = th.getAttribute('data-dir') !== 'asc';
                    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute('data-dir'); });
                    th.setAttribute('data-dir', asc ? 'asc' : 'desc');
                    rows.sort(function (a, b) {
                      var x = key(a), y = key(b);
                      var d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
                      return asc ? d : -d;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  }
                  th.addEventListener('click', sort);
                  th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
                });
              });
            })();

            """
    }
}

/// "1,234" for counts of values.
func formatCount(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return out
}
