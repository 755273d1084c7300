import CIECore
import Foundation

/// The HTML report's charts, as inline SVG: no script draws them, so they show without JavaScript, print, and
/// carry their numbers in `<title>` tooltips. Written by hand: four chart kinds over a few hundred marks each do
/// not need a charting library, and the page must stay one file with no network.
enum Charts {
    /// Pixels per display column of 12 px text (a Chinese character is two columns).
    static let columnWidth = 6.6

    static func textWidth(_ s: String) -> Double { Double(DisplayWidth.of(s)) * columnWidth }

    /// A coordinate; a value no chart should produce (NaN, inf, beyond any screen) is drawn at 0 rather than trapping.
    static func n(_ x: Double) -> String { x.isFinite && abs(x) < 1e9 ? Display.fixed(x, 1) : "0" }

    /// A range to draw: widened when it is empty or too narrow for its magnitude (every unit with the same value),
    /// so a scale never divides by zero.
    static func span(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let pad = max(1e-9, abs(lo) * 1e-6, abs(hi) * 1e-6)
        if hi - lo >= pad { return (lo, hi) }
        let half = max(abs(lo) * 0.05, 1)
        return (lo - half, hi + half)
    }

    static func open(_ width: Double, _ height: Double, label: String) -> String {
        "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(XML.escape(label))\" font-size=\"12\">"
    }

    /// Round tick values covering lo…hi (1, 2 or 5 times a power of ten apart).
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo, lo.isFinite, hi.isFinite else { return [lo] }
        let raw = (hi - lo) / Double(count)
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        let first = (lo / step).rounded(.up)
        // At most 2 × count + 1 ticks, each from its index (adding a step that rounds away could loop forever).
        var out: [Double] = []
        for k in 0...(2 * count) {
            let t: Double = (first + Double(k)) * step
            if t > hi + step * 1e-9 { break }
            out.append(abs(t) < step * 1e-9 ? 0 : t)
        }
        return out
    }

    /// The fill class of a result: its status, lighter when an encouraged target is missed (advice, not a failure).
    static func fill(_ x: TargetResult) -> String {
        x.strength == .encouraged && x.status.isFailure ? "f-advice" : "f-" + x.status.rawValue
    }

    static func tooltip(_ r: CheckRow, _ l: Language) -> String {
        let x = r.result
        let observed = Cells.observed(x) + (x.unit == .none ? "" : " " + x.unit.label(l))
        let head = l == .zh ? "\(r.regionName) \(r.regionCode) · \(r.target)：\(x.status.label.zh)，观测 \(observed)，要求 \(x.required.zh)"
            : "\(r.regionName) \(r.regionCode) · \(r.target): \(x.status.label.en), observed \(observed), required \(x.required.en)"
        let detail = x.detail(l)
        return XML.escape(detail.isEmpty ? head : head + "\n" + detail)
    }

    // MARK: - Heatmap

    /// Units down, targets across, a cell a result coloured by status.
    static func heatmap(_ c: CheckReport, targets: [String], _ l: Language) -> String {
        var units: [(code: String, name: String)] = []
        var seen = Set<String>()
        for r in c.rows where seen.insert(r.regionCode).inserted { units.append((r.regionCode, r.regionName)) }
        var cell: [String: CheckRow] = [:]
        for r in c.rows { cell[r.target + "\u{1}" + r.regionCode] = r }
        let label = (units.map { textWidth($0.name) }.max() ?? 40) + 16
        let cw = max(44, (targets.map { textWidth($0) }.max() ?? 30) + 10), rh = 18.0, top = 26.0
        let width = label + cw * Double(targets.count) + 4, height = top + rh * Double(units.count) + 4
        var s = open(width, height, label: l == .zh ? "各单位各目标的状态" : "status by unit and target")
        for (j, t) in targets.enumerated() {
            s += "<text x=\"\(n(label + cw * Double(j) + cw / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"11\">\(XML.escape(t))</text>"
        }
        for (i, u) in units.enumerated() {
            let y = top + rh * Double(i)
            s += "<text x=\"\(n(label - 8))\" y=\"\(n(y + 13))\" text-anchor=\"end\">\(XML.escape(u.name))</text>"
            for (j, t) in targets.enumerated() {
                guard let r = cell[t + "\u{1}" + u.code] else { continue }
                s += "<rect x=\"\(n(label + cw * Double(j) + 1))\" y=\"\(n(y + 1))\" width=\"\(n(cw - 2))\" height=\"\(n(rh - 2))\" class=\"\(fill(r.result))\"><title>\(tooltip(r, l))</title></rect>"
            }
        }
        return s + "</svg>"
    }

    // MARK: - Observed against the requirement

    /// Horizontal bars of the observed values, highest first, coloured by status; the requirement as a dashed line
    /// (one across the chart when every unit has the same, else a mark on each bar). Values bunched far from zero
    /// (科技进步贡献率 between 50 and 60) are drawn as dots on an axis that starts near them, since bars from zero
    /// would all look alike.
    static func bars(_ rows: [CheckRow], unit: MeasureUnit, _ l: Language) -> String {
        let sorted = rows.sorted { ($0.result.observed ?? 0) > ($1.result.observed ?? 0) }
        let values = sorted.compactMap(\.result.observed)
        let thresholds = sorted.compactMap(\.result.threshold)
        let common = Set(thresholds).count == 1 && thresholds.count == sorted.count ? thresholds.first : nil
        let least = min(values.min() ?? 0, thresholds.min() ?? .infinity), most = max(values.max() ?? 1, thresholds.max() ?? -.infinity)
        let dots = least > 0 && (most - least) < 0.4 * most
        let (lo, hi) = span(dots ? least - (most - least) * 0.1 : min(0, least), most)
        let ticks = ticks(lo, hi)
        let (x0, x1) = (min(lo, ticks.first ?? lo), max(hi, ticks.last ?? hi))
        let label = (sorted.map { textWidth($0.regionName) }.max() ?? 40) + 16
        let plot = 620.0, rh = 17.0, top = 22.0, right = 90.0
        let width = label + plot + right, height = top + rh * Double(sorted.count) + 24
        func x(_ v: Double) -> Double { label + (v - x0) / (x1 - x0) * plot }
        var s = open(width, height, label: l == .zh ? "观测值与要求" : "observed against required")
        for t in ticks {
            s += "<line x1=\"\(n(x(t)))\" x2=\"\(n(x(t)))\" y1=\"\(n(top - 4))\" y2=\"\(n(height - 20))\" stroke=\"#e4e8ec\"/>"
            s += "<text x=\"\(n(x(t)))\" y=\"\(n(height - 6))\" text-anchor=\"middle\" font-size=\"11\">\(XML.escape(Display.value(t, unit: unit)))</text>"
        }
        for (i, r) in sorted.enumerated() {
            guard let v = r.result.observed else { continue }
            let y = top + rh * Double(i)
            s += "<text x=\"\(n(label - 8))\" y=\"\(n(y + 12))\" text-anchor=\"end\">\(XML.escape(r.regionName))</text>"
            let b: Double
            if dots {
                b = x(v) + 4
                s += "<line x1=\"\(n(label))\" x2=\"\(n(x(v)))\" y1=\"\(n(y + rh / 2))\" y2=\"\(n(y + rh / 2))\" stroke=\"#d9dee3\"/>"
                s += "<circle cx=\"\(n(x(v)))\" cy=\"\(n(y + rh / 2))\" r=\"4.5\" class=\"\(fill(r.result))\"><title>\(tooltip(r, l))</title></circle>"
            } else {
                let a = x(min(0, v))
                b = x(max(0, v))
                s += "<rect x=\"\(n(a))\" y=\"\(n(y + 2))\" width=\"\(n(max(b - a, 0.5)))\" height=\"\(n(rh - 4))\" class=\"\(fill(r.result))\"><title>\(tooltip(r, l))</title></rect>"
            }
            s += "<text x=\"\(n(b + 4))\" y=\"\(n(y + 12))\" font-size=\"11\">\(XML.escape(Cells.observed(r.result)))</text>"
            if common == nil, let t = r.result.threshold {
                s += "<line x1=\"\(n(x(t)))\" x2=\"\(n(x(t)))\" y1=\"\(n(y))\" y2=\"\(n(y + rh))\" class=\"req\"/>"
            }
        }
        if let t = common {
            s += "<line x1=\"\(n(x(t)))\" x2=\"\(n(x(t)))\" y1=\"\(n(top - 6))\" y2=\"\(n(height - 20))\" class=\"req\"/>"
            let pastMiddle = x(t) > label + plot / 2
            s += "<text x=\"\(n(x(t) + (pastMiddle ? -4 : 4)))\" y=\"\(n(top - 8))\" font-size=\"11\" class=\"req-label\"\(pastMiddle ? " text-anchor=\"end\"" : "")>\(XML.escape((l == .zh ? "要求 " : "required ") + (sorted.first?.result.required(l) ?? "")))</text>"
        }
        return s + "</svg>"
    }

    // MARK: - The path to the deadline

    /// Small multiples, a panel a unit: its observed values year by year (solid, coloured by status) against the
    /// straight path from its first value to the requirement at the deadline (dashed); a rate (an average annual
    /// increase) against the rate required, a level line.
    static func paths(_ rows: [CheckRow], _ history: TargetHistory, info: TargetInfo, deadline: Int, _ l: Language) -> String {
        let panels = rows.filter { r in history.lines[r.regionCode]?.contains { $0 != nil } == true }
        let pw = 200.0, ph = 110.0, gap = 10.0, perRow = 6
        let rowsOfPanels = (panels.count + perRow - 1) / perRow
        let width = Double(min(perRow, max(panels.count, 1))) * (pw + gap), height = Double(max(rowsOfPanels, 1)) * (ph + gap)
        var s = open(width, height, label: l == .zh ? "历年观测值与到期路径" : "observed by year and the path to the deadline")
        let first = history.years.first ?? deadline
        let level = info.condition == "avg_annual_increase"
        for (k, r) in panels.enumerated() {
            let ox = Double(k % perRow) * (pw + gap), oy = Double(k / perRow) * (ph + gap)
            let line = history.lines[r.regionCode] ?? []
            let points = zip(history.years, line).compactMap { y, v in v.map { (y, $0) } }
            var path: [(Int, Double)] = []
            if let t = r.result.threshold {
                if level { path = [(first, t), (deadline, t)] }
                else {
                    let start = info.baseline.flatMap { b in points.first { $0.0 == b } } ?? points.first
                    if let start { path = [start, (deadline, t)] }
                }
            }
            let all = points.map(\.1) + path.map(\.1)
            var (lo, hi) = span(all.min() ?? 0, all.max() ?? 1)
            let pad = (hi - lo) * 0.08
            lo -= pad; hi += pad
            let (l0, r0, t0, b0) = (ox + 34, ox + pw - 8, oy + 22, oy + ph - 18)
            func px(_ y: Int) -> Double { l0 + Double(y - first) / Double(max(deadline - first, 1)) * (r0 - l0) }
            func py(_ v: Double) -> Double { b0 - (v - lo) / (hi - lo) * (b0 - t0) }
            s += "<g><rect x=\"\(n(ox))\" y=\"\(n(oy))\" width=\"\(n(pw))\" height=\"\(n(ph))\" class=\"panel\"/>"
            s += "<text x=\"\(n(ox + 6))\" y=\"\(n(oy + 15))\">\(XML.escape(r.regionName))</text>"
            s += "<text x=\"\(n(ox + pw - 6))\" y=\"\(n(oy + 15))\" text-anchor=\"end\" font-size=\"11\" class=\"t-\(r.result.status.rawValue)\">\(XML.escape(r.result.status.label(l)))</text>"
            s += "<line x1=\"\(n(l0))\" x2=\"\(n(r0))\" y1=\"\(n(b0))\" y2=\"\(n(b0))\" stroke=\"#c5cdd5\"/>"
            s += "<text x=\"\(n(l0))\" y=\"\(n(b0 + 13))\" font-size=\"10\">\(first)</text><text x=\"\(n(r0))\" y=\"\(n(b0 + 13))\" font-size=\"10\" text-anchor=\"end\">\(deadline)</text>"
            s += "<text x=\"\(n(l0 - 3))\" y=\"\(n(t0 + 4))\" font-size=\"10\" text-anchor=\"end\">\(XML.escape(formatNumber(hi - pad, digits: 2)))</text>"
            s += "<text x=\"\(n(l0 - 3))\" y=\"\(n(b0))\" font-size=\"10\" text-anchor=\"end\">\(XML.escape(formatNumber(lo + pad, digits: 2)))</text>"
            if path.count == 2 {
                s += "<line x1=\"\(n(px(path[0].0)))\" y1=\"\(n(py(path[0].1)))\" x2=\"\(n(px(path[1].0)))\" y2=\"\(n(py(path[1].1)))\" class=\"req\"/>"
            }
            let polyline = points.map { "\(n(px($0.0))),\(n(py($0.1)))" }.joined(separator: " ")
            s += "<polyline points=\"\(polyline)\" class=\"s-\(r.result.status.rawValue)\" fill=\"none\" stroke-width=\"2\"/>"
            for (y, v) in points {
                s += "<circle cx=\"\(n(px(y)))\" cy=\"\(n(py(v)))\" r=\"2.5\" class=\"\(fill(r.result))\"><title>\(XML.escape("\(r.regionName) \(y)：\(formatNumber(v))"))</title></circle>"
            }
            s += "</g>"
        }
        return s + "</svg>"
    }

    // MARK: - Reviews

    /// A review's picture: ranks with their range under perturbed weights (error bars), else scores, else amounts, as
    /// horizontal marks by unit; nil when it has no numbers (a veto).
    static func review(_ r: ReviewReport, _ l: Language) -> (svg: String, caption: String)? {
        let zh = l == .zh
        let label = (r.rows.map { textWidth($0.regionName) }.max() ?? 40) + 16
        let plot = 560.0, rh = 17.0, top = 10.0
        let rows: [ReviewReport.Row]
        let caption: String
        enum Kind { case ranks, scores, amounts }
        let kind: Kind
        if r.rows.contains(where: { $0.row.rankRange != nil }) {
            kind = .ranks
            rows = r.rows.filter { $0.row.rank != nil }.sorted { $0.row.rank! < $1.row.rank! }
            caption = zh ? "名次（点）与权重扰动下的名次区间（横线），越靠左越好" : "Rank (dot) and its range under perturbed weights (bar); left is better"
        } else if r.rows.contains(where: { $0.row.score != nil }) {
            kind = .scores
            rows = r.rows.filter { $0.row.score != nil }.sorted { $0.row.score! > $1.row.score! }
            caption = zh ? "得分，由高到低" : "Scores, highest first"
        } else if r.rows.contains(where: { ($0.row.amount ?? 0) > 0 }) {
            kind = .amounts
            rows = r.rows.filter { $0.row.amount != nil }.sorted { $0.row.amount! > $1.row.amount! }
            caption = zh ? "金额（万元），由高到低" : "Amounts (10k yuan), highest first"
        } else {
            return nil
        }
        guard !rows.isEmpty else { return nil }
        let height = top + rh * Double(rows.count) + 24, width = label + plot + 80
        var s = open(width, height, label: caption)
        let maxRank = Double(rows.compactMap { $0.row.rankRange?.upperBound ?? $0.row.rank }.max() ?? 1)
        let (lo, maxValue) = span(kind == .scores ? min(0, rows.compactMap(\.row.score).min() ?? 0) : 0,
                                  max(0, rows.compactMap { kind == .scores ? $0.row.score : $0.row.amount }.max() ?? 1))
        func x(_ v: Double) -> Double {
            kind == .ranks ? label + (v - 1) / max(maxRank - 1, 1) * plot : label + (v - lo) / (maxValue - lo) * plot
        }
        let ticks: [Double] = kind == .ranks ? Charts.ticks(1, maxRank).filter { $0 >= 1 } : Charts.ticks(lo, maxValue)
        for t in ticks {
            s += "<line x1=\"\(n(x(t)))\" x2=\"\(n(x(t)))\" y1=\"\(n(top))\" y2=\"\(n(height - 20))\" stroke=\"#e4e8ec\"/>"
            s += "<text x=\"\(n(x(t)))\" y=\"\(n(height - 6))\" text-anchor=\"middle\" font-size=\"11\">\(XML.escape(kind == .amounts ? Display.value(t, unit: .wanYuan) : formatNumber(t, digits: 2)))</text>"
        }
        for (i, row) in rows.enumerated() {
            let y = top + rh * Double(i), mid = y + rh / 2
            let tone = "f-" + r.tone(of: row.row.verdict)
            let verdict = r.verdictLabel(row.row.verdict, l)
            s += "<text x=\"\(n(label - 8))\" y=\"\(n(y + 12))\" text-anchor=\"end\">\(XML.escape(row.regionName))</text>"
            switch kind {
            case .ranks:
                let rank = Double(row.row.rank!)
                if let range = row.row.rankRange {
                    s += "<line x1=\"\(n(x(Double(range.lowerBound))))\" x2=\"\(n(x(Double(range.upperBound))))\" y1=\"\(n(mid))\" y2=\"\(n(mid))\" class=\"whisker\"/>"
                }
                let tip = (zh ? "\(row.regionName)：第 \(row.row.rank!) 名" : "\(row.regionName): rank \(row.row.rank!)")
                    + (row.row.rankRange.map { zh ? "，区间 \($0.lowerBound)–\($0.upperBound)" : ", range \($0.lowerBound)–\($0.upperBound)" } ?? "")
                    + (row.row.score.map { zh ? "，得分 \(Display.fixed($0, 2))" : ", score \(Display.fixed($0, 2))" } ?? "") + " · " + verdict
                s += "<circle cx=\"\(n(x(rank)))\" cy=\"\(n(mid))\" r=\"4\" class=\"\(tone)\"><title>\(XML.escape(tip))</title></circle>"
                s += "<text x=\"\(n(x(Double(row.row.rankRange?.upperBound ?? row.row.rank!)) + 8))\" y=\"\(n(y + 12))\" font-size=\"11\">\(row.row.rank!)</text>"
            case .scores, .amounts:
                let v = (kind == .scores ? row.row.score : row.row.amount) ?? 0
                let shown = kind == .scores ? Display.fixed(v, 2) : Display.value(v, unit: .wanYuan)
                let (a, b) = (x(min(0, v)), x(max(0, v)))
                s += "<rect x=\"\(n(a))\" y=\"\(n(y + 2))\" width=\"\(n(max(b - a, 0.5)))\" height=\"\(n(rh - 4))\" class=\"\(tone)\"><title>\(XML.escape("\(row.regionName)：\(shown) · \(verdict)"))</title></rect>"
                s += "<text x=\"\(n(b + 4))\" y=\"\(n(y + 12))\" font-size=\"11\">\(XML.escape(shown))</text>"
            }
        }
        return (s + "</svg>", caption)
    }
}
