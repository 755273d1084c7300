import CIECore
import CIEData
import CIEPolicyFormat

/// The document a draft is of: what its front matter and signature say.
public struct DraftDocument: Sendable {
    public var title: String
    public var number: String
    public var issuer: String
    /// YYYY-MM-DD, or empty.
    public var issued: String
    public var status: DocumentStatus
    public var jurisdiction: RegionIndex
    /// The year of the 主要目标 (到2020年, 到“十三五”末), if the document sets one.
    public var mainYear: Int?

    /// The year of `issued`, when it is one a target can name (`Drafter.years`); a date of another century is a
    /// misprint or a scrape's noise, and proposes no baseline.
    public var issuedYear: Int? { Int(issued.prefix(4)).flatMap { Drafter.years.contains($0) ? $0 : nil } }
}

/// One proposed target: a commitment of the text, placed, with why each part was proposed.
public struct Proposal: Sendable {
    public var clause: String
    /// Quoted from the text as printed (line breaks aside).
    public var original: String
    public var line: Int
    public var scope: Scope
    public var filter: UnitFilter?
    /// The condition in `policy.yaml`'s words (`{at_least: rd_intensity, value: 2}`).
    public var condition: String
    public var deadline: Int?
    public var baseline: Int?
    public var strength: Strength
    /// The indicator ids it reads (new ones among them).
    public var indicators: [String]
    /// How sure the indicator is (0–1) and the alternatives.
    public var confidence: Double
    public var alternatives: [String]
    /// Why each part was proposed: the words of the text.
    public var why: LocalizedText
    public var title: String
    /// Where in the paragraph (for ordering and for measuring against a reference).
    var paragraph: Int
    var at: Int
}

/// A proposed new indicator: a measure the text names that the catalogue has not.
public struct NewIndicator: Sendable {
    public var id: String
    public var name: String
    public var kind: IndicatorKind
    public var unit: MeasureUnit
}

/// A sentence about evaluation, vetoes, funding or rewards: a reviewer to declare by hand.
public struct ReviewerHint: Sendable {
    public var kind: String
    public var clause: String
    public var original: String
    public var words: String
}

/// What `cie policy draft` makes of a text: the document, the proposed targets, new indicators and reviewer hints.
public struct Draft: Sendable {
    public var document: DraftDocument
    public var proposals: [Proposal]
    public var indicators: [NewIndicator]
    public var hints: [ReviewerHint]
    public var text: PolicyText
}

public enum Drafter {
    /// Drafts a package from a text. `region` is the jurisdiction when the text does not say (a division code or a
    /// name); `catalogue` the indicators proposals may read.
    public static func draft(_ text: PolicyText, catalogue: IndicatorCatalogue, regions: RegionTable, region: String? = nil,
                             file: String) throws -> Draft {
        var document = try Self.document(text, regions: regions, region: region, file: file)
        document.mainYear = mainYear(text)
        var builder = Builder(text: text, document: document, catalogue: catalogue, matcher: IndicatorMatcher(catalogue))
        builder.run()
        return Draft(document: document, proposals: builder.proposals, indicators: builder.newIndicators, hints: builder.hints, text: text)
    }

    // MARK: The document

    static func document(_ text: PolicyText, regions: RegionTable, region: String?, file: String) throws -> DraftDocument {
        let front = text.front.map { String(PolicyText.normalize($0)) }
        let all = text.paragraphs.map { String($0.norm) }
        // The number: 青政办〔2018〕6号, the one the front matter gives (a cited one is in brackets or 《》).
        var number = ""
        let numberPattern = rx(#"[\p{Han}]{1,10}〔[0-9]{4}〕\s*[0-9]+\s*号"#)
        for line in front.sorted(by: { a, _ in a.contains("发文字号") || a.contains("文号") }) {
            if let m = line.firstMatch(of: numberPattern) {
                let before = line[..<m.range.lowerBound]
                if before.hasSuffix("(") || before.hasSuffix("《") { continue }
                number = String(line[m.range]).filter { $0 != " " }
                break
            }
        }
        // The title: the line with 关于 … 意见 (通知, 方案 …), joined with the line after when the title is broken, and the
        // issuer in the line before when it names one.
        let ends = ["意见", "通知", "方案", "办法", "规定", "决定", "措施", "计划", "规划", "细则", "纲要"]
        var title = ""
        var issuer = ""
        let frontTitles = text.front.map { PolicyText.trim($0).filter { $0 != " " && $0 != "\u{3000}" } }
        if let k = frontTitles.firstIndex(where: { $0.contains("关于") && !$0.contains("《") && !$0.hasPrefix("为") }) {
            title = frontTitles[k]
            var j = k + 1
            // A bracketed note after the title (（征求意见稿）, （摘录）) ends it too.
            func ended(_ t: String) -> Bool {
                var t = t
                if t.hasSuffix("）") || t.hasSuffix(")"), let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) { t = String(t[..<open]) }
                return ends.contains { t.hasSuffix($0) }
            }
            while !ended(title), j < frontTitles.count, j <= k + 2, !frontTitles[j].contains("〔"), !frontTitles[j].hasPrefix("（") {
                title += frontTitles[j]
                j += 1
            }
            if let r = title.range(of: "关于") {
                issuer = String(title[..<r.lowerBound])
            }
            if issuer.isEmpty, k > 0, ["办公厅", "办公室", "人民政府", "委员会"].contains(where: { frontTitles[k - 1].hasSuffix($0) }) {
                issuer = frontTitles[k - 1]
                title = issuer + title
            }
            // 征求意见稿 in brackets after the title is the status, not the title.
            if let r = title.range(of: "(征求意见稿") ?? title.range(of: "（征求意见稿") { title = String(title[..<r.lowerBound]) }
        }
        if issuer.isEmpty {
            issuer = text.back.reversed().first { line in ["办公厅", "办公室", "人民政府", "委员会"].contains { line.hasSuffix($0) } } ?? ""
        }
        // The date: 成文日期 in the front matter, else the signature's date.
        var issued = ""
        if let m = front.lazy.compactMap({ $0.firstMatch(of: rx(#"成文日期\s*:\s*([0-9]{4})-([0-9]{2})-([0-9]{2})"#)) }).first {
            issued = "\(m.output[1].substring ?? "")-\(m.output[2].substring ?? "")-\(m.output[3].substring ?? "")"
        } else {
            for line in text.back.reversed().map({ String(PolicyText.normalize($0)) }) {
                if let m = line.firstMatch(of: rx(#"^([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"#)) {
                    func two(_ s: Substring?) -> String { let v = Int(s ?? "") ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
                    issued = "\(m.output[1].substring ?? "")-\(two(m.output[2].substring))-\(two(m.output[3].substring))"
                    break
                }
            }
        }
        let status: DocumentStatus = (front + all.prefix(3)).contains { $0.contains("征求意见稿") } ? .draft : .inForce
        // The jurisdiction: the one given, else the area the issuer or title names.
        var area: RegionIndex?
        if let region {
            if NameShape.isCode(region) { area = regions.index(code: region) } else if case .found(let r, _) = regions.resolve(region, suggest: false) { area = r }
            guard area != nil else {
                throw DraftError(LocalizedText(zh: "区划“\(region)”不在区划表中：用 cie regions --all 查找代码", en: "“\(region)” is not in the region table: find its code with cie regions --all"),
                                 file: file, line: 0, column: 0)
            }
        } else {
            for source in [issuer, title] + text.back {
                guard let m = source.firstMatch(of: rx(#"^[\p{Han}]{2,8}?(?:自治区|省|市|自治州|州|盟)"#)) else { continue }
                if case .found(let r, _) = regions.resolve(String(source[m.range]), suggest: false), regions[r].code.hasSuffix("00") {
                    area = r
                    break
                }
            }
        }
        guard let area else {
            throw DraftError(LocalizedText(zh: "无法从正文判断文件的辖区：用 --region 指定（如 --region 150000 或 --region 内蒙古自治区）",
                                           en: "cannot tell the document's jurisdiction from its text: give it with --region (--region 150000, or a name)"),
                             file: file, line: 1, column: 1)
        }
        return DraftDocument(title: title, number: number, issuer: issuer, issued: issued, status: status, jurisdiction: area, mainYear: nil)
    }

    /// The years a drafted deadline or baseline may be: a county innovation policy's, well inside the years a
    /// package may name (1949–2100), so that the year before one is a year too.
    static let years = 2000...2060

    /// A year a piece of text sets as a deadline: 到2020年, 2020年前, 到“十三五”末; and the words that said so.
    static func deadline(in text: String) -> (Int, String)? {
        if let m = text.firstMatch(of: rx(#"(?:到|至)\s*([0-9]{4})\s*年|([0-9]{4})\s*年(?:前|底|末)"#)) {
            let y = Int(m.output[1].substring ?? m.output[2].substring ?? "") ?? 0
            if years.contains(y) { return (y, String(text[m.range])) }
        }
        for (plan, year) in [("十三五", 2020), ("十四五", 2025), ("十五五", 2030)] {
            if let r = text.range(of: plan), text[r.upperBound...].prefix(3).contains("末") { return (year, String(text[r.lowerBound...].prefix(5))) }
        }
        return nil
    }

    /// The year of the main targets: the first deadline of a section whose heading names 目标, else of the first
    /// level-1 section.
    static func mainYear(_ text: PolicyText) -> Int? {
        let goals = text.paragraphs.filter { $0.section.contains("目标") }
        for p in goals { if let (y, _) = deadline(in: String(p.norm)) { return y } }
        let first = text.paragraphs.first { !$0.clause.isEmpty }?.clause.prefix { $0 != "(" }
        for p in text.paragraphs where p.clause.prefix(while: { $0 != "(" }) == first ?? "" && !p.clause.isEmpty {
            if let (y, _) = deadline(in: String(p.norm)) { return y }
        }
        return nil
    }
}

/// Walks the sentences, finds commitments, and places each.
struct Builder {
    let text: PolicyText
    let document: DraftDocument
    let catalogue: IndicatorCatalogue
    let matcher: IndicatorMatcher
    var proposals: [Proposal] = []
    var newIndicators: [NewIndicator] = []
    var hints: [ReviewerHint] = []
    /// The deadline each clause states somewhere, by clause.
    var clauseYears: [String: (Int, String)] = [:]
    let flat: String

    init(text: PolicyText, document: DraftDocument, catalogue: IndicatorCatalogue, matcher: IndicatorMatcher) {
        self.text = text
        self.document = document
        self.catalogue = catalogue
        self.matcher = matcher
        self.flat = StrengthRule.unspaced(text.cleaned)
        for p in text.paragraphs where !p.clause.isEmpty && clauseYears[p.clause] == nil {
            if let y = Drafter.deadline(in: String(p.norm)) { clauseYears[p.clause] = y }
        }
    }

    struct Piece {
        var start: Int
        var end: Int
    }

    mutating func run() {
        // 指导思想 and 基本原则 state principles, not targets.
        let principles = ["指导思想", "基本原则", "总体思路", "工作原则"]
        for (n, p) in text.paragraphs.enumerated() where !p.clause.isEmpty && !p.isHeading && !principles.contains(where: { p.section.hasPrefix($0) }) {
            var start = 0
            if let h = Heading.level2(p.norm) { start = h.end } else if let h = Heading.level1(p.norm) { start = h.end }
            while start < p.norm.count, p.norm[start] == "—" || p.norm[start] == "-" || p.norm[start] == " " { start += 1 }
            for sentence in sentences(p.norm, from: start) {
                analyse(paragraph: n, sentence: sentence)
            }
        }
    }

    /// Sentences (to 。！？) of a paragraph, each as its clauses (between ，；：, outside brackets).
    func sentences(_ norm: [Character], from start: Int) -> [[Piece]] {
        var out: [[Piece]] = []
        var clauses: [Piece] = []
        var depth = 0
        var begin = start
        func close(_ k: Int) {
            if k > begin { clauses.append(Piece(start: begin, end: k)) }
            begin = k + 1
        }
        for k in start..<norm.count {
            let c = norm[k]
            if "(《“【[".contains(c) { depth += 1 } else if ")》”】]".contains(c) { depth = max(0, depth - 1) }
            if "。!?".contains(c) {
                close(k)
                if !clauses.isEmpty { out.append(clauses) }
                clauses = []
                depth = 0
            } else if depth == 0, ",;:".contains(c) {
                close(k)
            }
        }
        close(norm.count)
        if !clauses.isEmpty { out.append(clauses) }
        return out
    }

    mutating func analyse(paragraph n: Int, sentence: [Piece]) {
        let p = text.paragraphs[n]
        let norms = sentence.map { String(p.norm[$0.start..<$0.end]) }
        let whole = norms.joined(separator: ",")
        hint(paragraph: n, sentence: sentence, whole: whole)
        let found = norms.indices.map { k in
            Patterns.find(in: norms[k], prior: Array(norms[..<k]), sentence: whole).filter { f in f.numbers.allSatisfy { $0 > 0 && $0.isFinite } }
        }
        for (k, piece) in sentence.enumerated() where !found[k].isEmpty {
            let before = proposals.count
            // Who the commitment is asked of: the sentence's clauses up to it, except those stating other commitments.
            let who = norms.indices.filter { $0 < k && found[$0].isEmpty }.map { norms[$0] }.joined(separator: ",")
            for f in found[k] {
                let made = place(f, paragraph: n, sentence: sentence, index: k, piece: piece, norms: norms, who: who)
                for m in made where !proposals.contains(where: { $0.original == m.original && $0.condition == m.condition }) {
                    proposals.append(m)
                }
            }
            let made = proposals.count - before
            if made > 0 { lastIndicators = NSOrderedSetLike(proposals.suffix(made).flatMap(\.indicators)) }
        }
    }

    /// The indicators of the last proposal: "其中县域占比逐年提高" reads those of the clause before.
    var lastIndicators: [String] = []

    // MARK: Placing a finding

    mutating func place(_ f: Finding, paragraph n: Int, sentence: [Piece], index k: Int, piece: Piece, norms: [String],
                        who: String) -> [Proposal] {
        let p = text.paragraphs[n]
        let clause = norms[k]
        var why: [(String, String)] = []   // (zh, en)
        // The quotation: the clause, with the one before when this one does not name its subject (只增不减; 力争到2022年达到300个).
        var first = k
        let bare = clause.filter { $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false }
        let subjectless = f.subjects.allSatisfy { matcher.matches($0).isEmpty } && k > 0
        if subjectless || bare.count <= 5, k > 0 { first = k - 1 }
        let quoteStart = sentence[first].start, quoteEnd = piece.end
        let original = quoted(p.text, quoteStart, quoteEnd)
        guard !original.isEmpty else { return [] }
        let context = norms[first...k].joined(separator: ",")
        let upToTrigger = who + "," + String(clause.prefix(f.range.upperBound))

        // Indicators: per subject, or the subjects' sum; the sentence's earlier clauses when the clause names none.
        var groups: [[IndicatorMatcher.Match]] = []
        for s in f.subjects.isEmpty ? [context] : f.subjects {
            // 试点县, 工业大县 say which units, unless nothing else is named (创建1—2个试点县).
            let all = matcher.matches(s)
            let named = all.filter { !filterIDs.contains($0.id) }
            let m = named.isEmpty ? all : named
            if !m.isEmpty { groups.append(m) }
        }
        // A list (coverage of A、B; A、B 翻番) makes one proposal per item; a sum (A或B; A、B 达到 N) one over them; else
        // the first phrase that names something.
        let perItem = f.kind == .coverage || f.kind == .multiple
        let summed = f.sumSubjects && Set(groups.map { $0[0].id }).count > 1
        if !perItem, !summed, groups.count > 1 { groups = [groups[0]] }
        if f.kind == .shareOfTotalIncreasing {
            groups = lastIndicators.map { [IndicatorMatcher.Match(id: $0, words: "", confidence: 0.8)] }
        }
        if groups.isEmpty {
            let fallback = matcher.matches(context).filter { !filterIDs.contains($0.id) }
            if !fallback.isEmpty { groups = [fallback] } else if let earlier = norms[..<first].reversed().map({ [matcher] in matcher.matches($0) }).first(where: { !$0.isEmpty }) {
                groups = [earlier.map { IndicatorMatcher.Match(id: $0.id, words: $0.words, confidence: $0.confidence * 0.7) }]
            }
        }

        // Strength, by the rule.
        let ruled = StrengthRule.strength(of: original, in: text.cleaned) ?? (.binding, nil)
        why.append(ruled.word.map { ("强度：“\($0)”→ \(ruled.strength.label(.zh))", "strength: “\($0)” → \(ruled.strength.rawValue)") }
                   ?? ("强度：句中无“要、力争、鼓励”等限定词，按文件设定的目标 → 约束性", "strength: no governing word in the sentence: a target the document sets → binding"))

        // Deadline: the sentence's own, else the clause's, else the document's main targets' year (not for yearly or
        // year-on-year commitments: they hold every year).
        var deadline: Int?
        let pathKind = [.everyYear, .nonDecreasing, .increasing, .shareOfTotalIncreasing].contains(f.kind)
        if let (y, w) = Drafter.deadline(in: norms.joined(separator: ",")) {
            deadline = y
            why.append(("截止年：句中“\(w)”", "deadline: “\(w)” in the sentence"))
        } else if let (y, w) = clauseYears[p.clause] {
            deadline = y
            why.append(("截止年：本条（\(p.clause)）“\(w)”", "deadline: “\(w)” in the clause \(p.clause)"))
        } else if !pathKind, let y = document.mainYear {
            deadline = y
            why.append(("截止年：文件主要目标的年份 \(y)", "deadline: the year of the document's main targets, \(y)"))
        } else {
            why.append(("截止年：无（每年都须满足）", "deadline: none (it holds every year)"))
        }

        // Scope and filter, from who the sentence names.
        var (scope, scopeWords) = self.scope(upToTrigger, kind: f, clause: clause)
        // A designation of units (国家创新型县, 试点县) counts units: the area's count.
        let designation = groups.first?.first.map { ["national_innovative_county", "innovation_pilot_county"].contains($0.id) } ?? false
        if designation, f.kind == .exists || f.kind == .atLeast, scope == .county, !scopeWords.contains("各") {
            scope = .jurisdiction
            scopeWords = ""
        }
        var filter: UnitFilter?
        for (words, id) in [("试点县", "innovation_pilot_county"), ("工业大县", "major_industrial_county")] where scope == .county {
            if upToTrigger.contains(words), f.kind != .exists || !f.subjects.joined().contains(words), catalogue.lookup(id) != nil,
               !(f.kind == .range && clause.contains("创建") && clause.hasPrefix("各市")) {
                if upToTrigger.contains("每个" + words) || upToTrigger.contains("在" + words) || clause.contains(words) && f.kind == .coverage {
                    filter = .flag(id)
                    why.append(("范围：“\(words)”→ 只评 \(id) 为“是”的单位", "filter: “\(words)” → units where \(id) is true"))
                }
            }
        }
        why.append(scopeWords.isEmpty ? ("范围：\(scope.label(.zh))（按条件类型默认）", "scope: \(scope.rawValue) (the kind's default)")
                                      : ("范围：“\(scopeWords)”→ \(scope.label(.zh))", "scope: “\(scopeWords)” → \(scope.rawValue)"))

        // Baseline.
        var baseline: Int?
        let growth = [.avgAnnualIncrease, .multiple].contains(f.kind)
        if let m = (norms.joined(separator: ",")).firstMatch(of: rx(#"(?:较|比)\s*“?十二五”?|十二五”?末"#)) {
            baseline = 2015
            why.append(("基期：“\(norms.joined(separator: ",")[m.range])”→ 2015", "baseline: “\(norms.joined(separator: ",")[m.range])” → 2015"))
        } else if let m = (norms.joined(separator: ",")).firstMatch(of: rx(#"(?:较|比)\s*([0-9]{4})\s*年"#)), let y = Int(m.output[1].substring ?? ""),
                  Drafter.years.contains(y) {
            baseline = y
            why.append(("基期：“\(norms.joined(separator: ",")[m.range])”", "baseline: “\(norms.joined(separator: ",")[m.range])”"))
        } else if growth, deadline == 2020, text.paragraphs.contains(where: { String($0.norm).contains("十三五") }) {
            baseline = 2015
            why.append(("基期：“十三五”目标，自“十二五”末（2015）起算", "baseline: a 13th Five-Year Plan target, from the end of the 12th (2015)"))
        } else if growth || pathKind, let y = document.issuedYear {
            baseline = f.kind == .everyYear ? y : y - 1
            why.append(f.kind == .everyYear ? ("基期：发文当年 \(y) 起每年", "baseline: every year from the document's year, \(y)")
                                            : ("基期：发文前一年 \(y - 1)（与其后各年相比）", "baseline: the year before the document, \(y - 1) (each later year compared with the one before)"))
        }
        if let b = baseline, let d = deadline, b >= d { baseline = nil }

        // One proposal per indicator group (A、B 翻番; A和B分别达到), or one over their sum.
        var out: [Proposal] = []
        var sets: [([String], Double, [String])] = []   // (ids, confidence, alternatives)
        if groups.isEmpty {
            let id = newIndicator(for: f, subject: (f.subjects.first { !$0.isEmpty } ?? context))
            sets = [([id], 0, [])]
            why.append(("指标：目录中没有与“\(name(of: id))”对应的指标：新增 \(id)，请改名或换成已有指标", "indicator: nothing in the catalogue answers to “\(name(of: id))”: new indicator \(id); rename it or use an existing one"))
        } else if summed {
            let ids = Array(NSOrderedSetLike(groups.compactMap { $0.first?.id }))
            sets = [(ids, groups.map { $0[0].confidence }.min() ?? 0, [])]
            why.append(("指标：“\(groups.compactMap { $0.first?.words }.joined(separator: "”+“"))”→ \(ids.joined(separator: " + "))", "indicator: “\(groups.compactMap { $0.first?.words }.joined(separator: "” + “"))” → \(ids.joined(separator: " + "))"))
        } else {
            var seen = Set<String>()
            for g in groups where seen.insert(g[0].id).inserted {
                let alternatives = Array(g.dropFirst().prefix(2).map(\.id))
                let tie = g.count > 1 && g[1].words.count == g[0].words.count
                sets.append(([g[0].id], g[0].confidence * (tie ? 0.7 : 1), alternatives))
            }
        }
        for (number, set) in sets.enumerated() {
            var w = why
            if !groups.isEmpty, !summed {
                let words = groups.first { $0[0].id == set.0[0] }?[0].words ?? ""
                w.append(("指标：“\(words)”→ \(set.0[0])（置信度 \(formatNumber((set.1 * 100).rounded() / 100))\(set.2.isEmpty ? "" : "；其他：" + set.2.joined(separator: "、"))）",
                          "indicator: “\(words)” → \(set.0[0]) (confidence \(formatNumber((set.1 * 100).rounded() / 100))\(set.2.isEmpty ? "" : "; alternatives: " + set.2.joined(separator: ", ")))"))
            }
            let value = f.numbers.count == sets.count && sets.count > 1 ? [f.numbers[number]] : f.numbers
            guard let (condition, conditionWhy) = self.condition(f, ids: set.0, numbers: value) else { continue }
            w.insert(conditionWhy, at: 0)
            out.append(Proposal(
                clause: p.clause, original: original, line: p.line, scope: scope, filter: filter, condition: condition,
                deadline: deadline, baseline: baseline, strength: ruled.strength, indicators: set.0, confidence: set.1, alternatives: set.2,
                why: LocalizedText(zh: "草拟依据（请核对）：" + w.map(\.0).joined(separator: "；") + "。",
                                   en: "Why it was proposed (check it): " + w.map(\.1).joined(separator: "; ") + "."),
                title: title(original), paragraph: n, at: sentence[first].start))
        }
        return out
    }

    /// Indicator ids that say which units a target is about, not what it measures.
    var filterIDs: Set<String> { ["innovation_pilot_county", "major_industrial_county"] }

    func name(of id: String) -> String {
        newIndicators.first { $0.id == id }?.name ?? catalogue.lookup(id).map { catalogue[$0].name.zh } ?? id
    }

    /// The condition in policy.yaml's words, and why. (What it requires, in words, is the package reader's
    /// `Target.requirement`, read back from the YAML.)
    func condition(_ f: Finding, ids: [String], numbers: [Double]) -> (String, (String, String))? {
        guard let first = ids.first else { return nil }
        let q = ids.count > 1 ? "{sum: [\(ids.joined(separator: ", "))]}" : first
        let kind = catalogue.lookup(first).map { catalogue[$0].kind } ?? newIndicators.first { $0.id == first }?.kind ?? .count
        let v = numbers.first.map { formatNumber($0) } ?? "1"
        let said = "条件：“\(f.words)”", saidEn = "condition: “\(f.words)”"
        switch f.kind {
        case .atLeast:
            return ("{at_least: \(q), value: \(v)}", (said + " → 至少 \(v)", saidEn + " → at least \(v)"))
        case .mean:
            return ("{at_least: {mean: \(first)}, value: \(v)}", (said + "（平均水平）→ 各单位平均至少 \(v)", saidEn + " (an average) → the units' mean at least \(v)"))
        case .atMost:
            return ("{at_most: \(q), value: \(v)}", (said + " → 至多 \(v)", saidEn + " → at most \(v)"))
        case .range:
            let lo = formatNumber(numbers[0]), hi = formatNumber(numbers[1])
            return ("{range: \(q), min: \(lo), max: \(hi)}", (said + " → \(lo) 到 \(hi)", saidEn + " → \(lo) to \(hi)"))
        case .share:
            return ("{share: {at_least: \(q), value: 1}, at_least_percent: \(v)}", (said + " → 至少 \(v)% 的单位有", saidEn + " → at least \(v)% of the units have one"))
        case .coverage:
            if first.hasPrefix("above_scale_with_") {
                return ("{at_least: {percent: \(first), of: above_scale_industrial_enterprises}, value: 100}", (said + " → 规模以上工业企业中的比例为 100%", saidEn + " → 100% of above-scale industrial enterprises"))
            }
            if kind == .flag { return ("{exists: \(q)}", (said + " → 每个单位都有", saidEn + " → every unit has one")) }
            return ("{at_least: \(q), value: 1}", (said + " → 每个单位至少 1 个", saidEn + " → at least one in every unit"))
        case .exists:
            if kind == .flag, !f.aBatch { return ("{exists: \(q)}", (said + " → 有", saidEn + " → exists")) }
            return ("{at_least: \(q), value: 1}", (said + " → 至少 1 个", saidEn + " → at least one"))
        case .avgAnnualIncrease:
            return ("{avg_annual_increase: \(first), by: \(v)}", (said + " → 自基期年均提高 \(v)", saidEn + " → up \(v) a year on average since the baseline"))
        case .multiple:
            return ("{multiple: \(first), times: \(v)}", (said + " → 达到基期的 \(v) 倍", saidEn + " → \(v) times the baseline"))
        case .nonDecreasing:
            return ("{non_decreasing: \(first)}", (said + " → 逐年不低于上一年", saidEn + " → never below the year before"))
        case .increasing:
            return ("{increasing: \(first)}", (said + " → 逐年高于上一年", saidEn + " → above the year before, every year"))
        case .shareOfTotalIncreasing:
            return ("{increasing: {share_of_total: \(first), held_by: county_proper}}", (said + " → 县域（不含市辖区）所占比例逐年提高", saidEn + " → the share held by 县域 proper (not districts) rises every year"))
        case .everyYear:
            return ("{every_year_at_least: \(q), value: \(v)}", (said + " → 每年至少 \(v)", saidEn + " → at least \(v) every year"))
        }
    }

    /// Who the sentence names up to the commitment: the nearest of 各县, 各市（州）, 全省 …; else the kind's default.
    func scope(_ text: String, kind f: Finding, clause: String) -> (Scope, String) {
        let markers: [(String, Scope)] = [
            (#"各县|每个[^,]{0,6}县|各区市|旗县|有条件的县|在县域|县域的全覆盖|县域全覆盖|工业大县|加快发展县|县\(市、区\)(要|级)|在我省县域|县\(市\)要"#, .county),
            (#"各市\(州\)(?!、县)|各市州|各盟市(?!、旗县)|各地市|各设区市"#, .prefecture),
            (#"全省(?!各)|全市(?!各)|全区(?!各)|全自治区|全州(?!各)"#, .jurisdiction),
        ]
        var best: (Int, Scope, String)?
        for (pattern, scope) in markers {
            for m in text.matches(of: rx(pattern)) {
                let at = Patterns.offset(text, m.range.upperBound)
                if best == nil || at > best!.0 { best = (at, scope, String(text[m.range])) }
            }
        }
        // A count of units (1—2 个区市跻身…) is the area's.
        if f.kind == .range, clause.dropFirst(f.range.upperBound).hasPrefix("区市") || clause.dropFirst(f.range.upperBound).hasPrefix("县") {
            if let best, best.1 == .prefecture { return (.prefecture, best.2) }
            return (.jurisdiction, "")
        }
        if f.kind == .share || f.kind == .shareOfTotalIncreasing { return (.jurisdiction, "") }
        if let best { return (best.1, best.2) }
        switch f.kind {
        case .coverage: return (.county, "")
        case .exists where !f.aBatch: return (.county, "")
        case .avgAnnualIncrease, .multiple, .nonDecreasing, .increasing: return (.county, "")
        case .mean: return (.jurisdiction, "")
        case .atLeast where f.unitWritten == "%": return (.county, "")
        case .atMost where f.unitWritten == "%": return (.county, "")
        default: return (.jurisdiction, "")
        }
    }

    /// A new indicator for a measure the catalogue lacks: named by the text's words, its kind from the unit written.
    mutating func newIndicator(for f: Finding, subject: String) -> String {
        var name = subject
        for cut in ["到[0-9]{4}年", "其中", "力争", "争取", "鼓励", "支持", "要", "实现", "达到", "建成", "建立", "建设", "成立", "设立", "每年", "至少", "分别", "召开", "逐步", "相应的"] {
            name = name.replacingOccurrences(of: cut, with: "", options: .regularExpression)
        }
        name = name.filter { !($0.isASCII && $0.isNumber) && $0 != " " }.trimmingCharacters(in: "起的,、()")
        if name.count > 24 { name = String(name.suffix(24)) }
        if name.count < 2 { name = "草拟指标" }
        if let same = newIndicators.first(where: { $0.name == name }) { return same.id }
        let id = "draft_\(newIndicators.count + 1 < 10 ? "0" : "")\(newIndicators.count + 1)"
        let unit: MeasureUnit
        let kind: IndicatorKind
        switch f.unitWritten {
        case let u where u.hasSuffix("元"): (kind, unit) = (.amount, .wanYuan)
        case "%": (kind, unit) = (.ratio, .percent)
        case let u where u.hasSuffix("人") || u.hasSuffix("名"): (kind, unit) = (.count, .ren)
        case let u where u.hasSuffix("家"): (kind, unit) = (.count, .jia)
        case let u where u.hasSuffix("次") && !u.hasSuffix("台次"): (kind, unit) = (.count, .ci)
        case let u where u.hasSuffix("台次"): (kind, unit) = (.count, .taici)
        case let u where u.hasSuffix("批次"): (kind, unit) = (.count, .pici)
        case "": (kind, unit) = f.kind == .exists && !f.aBatch || f.kind == .coverage ? (.flag, .none) : (.count, f.kind == .everyYear ? .ci : .ge)
        default: (kind, unit) = (.count, .ge)
        }
        newIndicators.append(NewIndicator(id: id, name: name, kind: kind, unit: unit))
        return id
    }

    /// The printed characters of a paragraph between two offsets, trimmed, as a quotation.
    func quoted(_ chars: [Character], _ from: Int, _ to: Int) -> String {
        var s = String(chars[from..<min(to, chars.count)])
        s = PolicyText.trim(s)
        while let l = s.last, "，,；;：:。".contains(l) { s.removeLast() }
        return s
    }

    func title(_ original: String) -> String {
        let t = original.filter { $0 != " " }
        return t.count <= 32 ? t : String(t.prefix(31)) + "…"
    }

    // MARK: Reviewer hints

    mutating func hint(paragraph n: Int, sentence: [Piece], whole: String) {
        let kinds: [(String, [String])] = [
            ("veto", ["一票否决", "一票否优"]),
            ("evaluation", ["评价指标体系", "评价体系", "评价制度", "考核办法", "考核评价", "监测评价"]),
            ("rewards", ["奖励", "表彰", "奖补"]),
            ("funding", ["补助", "分担", "资金支持", "不超过"]),
        ]
        for (kind, words) in kinds {
            guard let w = words.first(where: { whole.contains($0) }) else { continue }
            if kind == "funding", !whole.contains("%"), !whole.contains("万元") { continue }
            let p = text.paragraphs[n]
            let original = quoted(p.text, sentence.first!.start, sentence.last!.end)
            if !hints.contains(where: { $0.original == original && $0.kind == kind }) {
                hints.append(ReviewerHint(kind: kind, clause: p.clause, original: original, words: w))
            }
        }
    }
}

/// Unique elements in first-seen order.
func NSOrderedSetLike(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
