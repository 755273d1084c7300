import CIECore
import Synchronization

/// One checkable commitment found in a sentence, before it is placed (scope, deadline, strength): what kind of
/// condition, its numbers, the words that said so, and the phrases that name what it measures.
struct Finding {
    enum Kind: String {
        case atLeast, atMost, range, share, coverage, exists, avgAnnualIncrease, multiple, nonDecreasing, increasing,
             everyYear, mean, shareOfTotalIncreasing
    }
    var kind: Kind
    var numbers: [Double]
    /// The words of the text that gave the kind and numbers (`达到４.５％以上`).
    var words: String
    /// Where in the clause (character offsets of the normalised clause).
    var range: Range<Int>
    /// Phrases naming what is measured, best first; several for "A和B分别达到x和y" (one per number).
    var subjects: [String]
    /// For several subjects of one number or coverage: a sum (或, 、) rather than one target each.
    var sumSubjects = false
    /// The unit the number was written in (亿元, 万家, %).
    var unitWritten: String = ""
    /// 一批 (a number of): at least one, for the area as a whole unless the sentence names who.
    var aBatch = false
}

/// The patterns of Docs/Drafting.md, "Patterns", over one clause of a sentence (a piece between commas or
/// semicolons), with the sentence's earlier clauses as context.
enum Patterns {
    static let number = #"([0-9]+(?:\.[0-9]+)?)"#
    static let verbs = ["达到", "建成", "培育", "新增", "引导", "发放", "创建", "形成", "突破", "超过", "累计", "建设", "打造", "认定",
                        "引进", "开放", "培养", "召开", "组建", "使用", "成为", "跻身", "实现", "完成", "举办", "扶持", "支持", "提高到", "增加到"]
    static let funding = ["补助", "奖励", "资助", "奖补", "补贴", "分担", "承担", "配套", "给予", "最高", "不超过"]
    static let institutions = ["领导小组", "工作站", "服务中心", "中心", "机构", "专项资金", "基金", "窗口", "办公室", "平台", "园区", "开发区",
                               "孵化器", "众创空间", "星创天地", "驿站", "示范区", "试验区", "培训班"]
    static let notCountable = ["机制", "体系", "制度", "模式", "格局", "环境", "队伍", "理念", "意识", "氛围", "政策", "办法", "措施", "方案",
                               "规划", "渠道", "链条", "生态", "局面"]

    /// Units a number may be written in, longest first, and what they multiply by to reach the catalogue's unit (万元
    /// for money).
    static func scale(_ multiplier: String, _ unit: String) -> Double {
        var k = 1.0
        switch multiplier {
        case "万": k = 1e4
        case "亿": k = 1e8
        case "千": k = 1e3
        case "百": k = 100
        default: break
        }
        switch unit {
        case "亿元": return k * 1e4
        case "元": return k / 1e4
        default: return k
        }
    }

    static func offset(_ s: String, _ i: String.Index) -> Int { s.distance(from: s.startIndex, to: i) }

    static func find(in clause: String, prior: [String], sentence: String) -> [Finding] {
        var out: [Finding] = []
        var used: [Range<Int>] = []
        func free(_ r: Range<Int>) -> Bool { !used.contains { $0.overlaps(r) } }
        func take(_ f: Finding) {
            out.append(f)
            used.append(f.range)
        }
        func range(_ r: Range<String.Index>) -> Range<Int> { offset(clause, r.lowerBound)..<offset(clause, r.upperBound) }
        func after(_ r: Range<Int>) -> String { String(Array(clause)[r.upperBound...]) }
        func before(_ r: Range<Int>) -> String { String(Array(clause)[..<r.lowerBound]) }
        let funded = funding.contains { clause.contains($0) }
        let yearly = clause.contains("每年") || prior.contains { $0.contains("每年") }

        // Average annual increase in percentage points: 年均提高 0.1 个百分点.
        for m in clause.matches(of: rx(#"年均(?:提高|增长|增加|提升)\s*"# + number + #"\s*个?百分点"#)) {
            let r = range(m.range)
            let v = Double(m.output[1].substring.map(String.init) ?? "") ?? 0
            take(Finding(kind: .avgAnnualIncrease, numbers: [v], words: String(clause[m.range]), range: r, subjects: [before(r)]))
        }
        // Doubling.
        for (pattern, k) in [("翻两番", 4.0), ("翻一番", 2.0), ("翻番", 2.0)] {
            if let r0 = clause.range(of: pattern), free(range(r0)) {
                let r = range(r0)
                take(Finding(kind: .multiple, numbers: [k], words: pattern, range: r, subjects: split(before(r).replacingOccurrences(of: "数量", with: "")), unitWritten: ""))
            }
        }
        // A count range: 1—2个, 1-3个.
        for m in clause.matches(of: rx(number + #"\s*[—\-~至到]{1,2}\s*"# + number + #"\s*(个|家|项|所|名|次)"#)) where free(range(m.range)) {
            let r = range(m.range)
            let lo = Double(m.output[1].substring.map(String.init) ?? "") ?? 0
            let hi = Double(m.output[2].substring.map(String.init) ?? "") ?? 0
            guard lo <= hi, hi < 1000 else { continue }
            take(Finding(kind: .range, numbers: [lo, hi], words: String(clause[m.range]), range: r, subjects: [after(r), before(r)],
                         unitWritten: String(m.output[3].substring ?? "")))
        }
        // A share of units: 70%以上的县（市、区）.
        for m in clause.matches(of: rx(number + #"\s*%以上的(?:县|旗县|区市|市县|乡镇)"#)) where free(range(m.range)) {
            let r = range(m.range)
            let v = Double(m.output[1].substring.map(String.init) ?? "") ?? 0
            let object = after(r).drop { $0 == "(" || $0 == "市" || $0 == "区" || $0 == "、" || $0 == ")" }
            take(Finding(kind: .share, numbers: [v], words: String(clause[m.range]), range: r, subjects: split(String(object), also: ["或"]),
                         sumSubjects: true, unitWritten: "%"))
        }
        // A percentage: 达到4.5%以上, 达到55%.
        if !funded {
            for m in clause.matches(of: rx(number + #"\s*%(以上|以下|以内)?"#)) where free(range(m.range)) {
                let r = range(m.range)
                let v = Double(m.output[1].substring.map(String.init) ?? "") ?? 0
                let b = before(r)
                let most = m.output[2].substring == "以下" || m.output[2].substring == "以内" || b.hasSuffix("不超过") || b.hasSuffix("不高于")
                let reached = m.output[2].substring == "以上" || verbs.contains { b.contains($0) } || b.hasSuffix("为")
                guard reached || most else { continue }
                let mean = clause.contains("平均水平")
                take(Finding(kind: most ? .atMost : mean ? .mean : .atLeast, numbers: [v], words: String(clause[m.range]), range: r,
                             subjects: [b], unitWritten: "%"))
            }
        }
        // "到2020年达到千人规模".
        for m in clause.matches(of: rx(#"(千|万|百)人规模"#)) where free(range(m.range)) {
            let r = range(m.range)
            let v = scale(String(m.output[1].substring ?? ""), "人")
            take(Finding(kind: yearly ? .everyYear : .atLeast, numbers: [v], words: String(clause[m.range]), range: r,
                         subjects: [String(clause[m.range]), before(r)], unitWritten: "人"))
        }
        // A number with its unit: 达到 35 亿元, 2万家和6万家, 1000 名, 1个以上.
        if !funded {
            let matches = Array(clause.matches(of: rx(number + #"\s*(万|亿|千|百)?\s*(亿元|万元|元|家|个|名|人|台次|批次|次|项|所|座|户|位)(以上)?"#)))
            let respectively = clause.contains("分别")
            var pending: [(Double, Range<Int>, String, String)] = []
            for m in matches where free(range(m.range)) {
                let r = range(m.range)
                let b = before(r)
                let rest = after(r)
                // A count of time (3年内) or of a document's parts is no target; nor a number inside a title.
                if rest.hasPrefix("年") || rest.hasPrefix("月") || b.hasSuffix("第") { continue }
                let verbBefore = verbs.contains { b.contains($0) }
                let plus = m.output[4].substring != nil
                let continues = clause.hasPrefix("其中") || yearly || !out.isEmpty || prior.contains { p in verbs.contains { p.contains($0) } && p.contains(where: \.isNumber) }
                guard verbBefore || plus || continues else { continue }
                let raw = Double(m.output[1].substring.map(String.init) ?? "") ?? 0
                let multiplier = String(m.output[2].substring ?? "")
                let unit = String(m.output[3].substring ?? "")
                pending.append((raw * scale(multiplier, unit), r, multiplier + unit, String(clause[m.range])))
            }
            if respectively, pending.count > 1, let first = pending.first {
                // A和B分别达到x和y: the subjects before 分别, one per number.
                let head = before(first.1)
                let names = split(String(head.components(separatedBy: "分别").first ?? head), also: ["和", "及", "与"])
                for (k, p) in pending.enumerated() {
                    let subject = k < names.count ? names[k] : head
                    take(Finding(kind: yearly ? .everyYear : .atLeast, numbers: [p.0], words: p.3, range: p.1, subjects: [subject], unitWritten: p.2))
                }
            } else {
                for (k, p) in pending.enumerated() {
                    // Several numbers in one clause (建成 100 家服务机构、培育 1000 名经纪人): each reads its own stretch.
                    let lo = k > 0 ? pending[k - 1].1.upperBound : 0
                    let hi = k + 1 < pending.count ? pending[k + 1].1.lowerBound : clause.count
                    let chars = Array(clause)
                    let subjects = [String(chars[lo..<p.1.lowerBound]).replacingOccurrences(of: "其中", with: ""), String(chars[p.1.upperBound..<hi])]
                    // 科技企业孵化器、众创空间达到 50 家: a sum, when the items name different measures.
                    // 1个以上成为国家创新型县、创新型乡镇: the list after the number.
                    let parts = split(subjects[0]).count > 1 ? split(subjects[0]) : split(subjects[1])
                    let sum = parts.count > 1 && !yearly
                    take(Finding(kind: yearly ? .everyYear : .atLeast, numbers: [p.0], words: p.3, range: p.1,
                                 subjects: sum ? parts + subjects : subjects, sumSubjects: sum, unitWritten: p.2))
                }
            }
        }
        // Coverage: 全覆盖.
        if let r0 = clause.range(of: "全覆盖"), free(range(r0)) {
            let r = range(r0)
            var object = before(r)
            for v in ["实现", "推进", "做到", "达到", "基本"] {
                if let k = object.range(of: v, options: .backwards) { object = String(object[k.upperBound...]) }
            }
            // "…在县域的", "在工业大县": where, not what.
            if let at = object.range(of: "在", options: .backwards) { object = String(object[..<at.lowerBound]) }
            take(Finding(kind: .coverage, numbers: [], words: String(clause[r0]), range: r, subjects: split(object, inheritHead: true)))
        }
        // Direction: 只增不减, 稳步增长, 逐年提高, 提高…覆盖率, 加大…投入.
        let directions: [(String, Finding.Kind)] = [("只增不减", .nonDecreasing), ("只升不降", .nonDecreasing), ("稳步增长", .increasing), ("逐年提高", .increasing),
                                                    ("逐年增加", .increasing), ("逐年增长", .increasing), ("持续增长", .increasing), ("稳定增长", .increasing),
                                                    ("逐年上升", .increasing), ("不断提高", .increasing)]
        for (word, kind) in directions {
            guard let r0 = clause.range(of: word), free(range(r0)) else { continue }
            let r = range(r0)
            if clause.contains("县域占比") {
                take(Finding(kind: .shareOfTotalIncreasing, numbers: [], words: "县域占比" + word, range: r, subjects: []))
            } else {
                take(Finding(kind: kind, numbers: [], words: word, range: r, subjects: [before(r), prior.last ?? ""]))
            }
        }
        if out.isEmpty, let m = clause.firstMatch(of: rx(#"(提高|提升)([^,;]{2,16}率)$"#)), !clause.hasSuffix("效率") {
            take(Finding(kind: .increasing, numbers: [], words: String(clause[m.range]), range: range(m.range), subjects: [String(m.output[2].substring ?? "")]))
        }
        if out.isEmpty, let m = clause.firstMatch(of: rx(#"加大([^,;]*(?:财政科技投入|科技投入))"#)) {
            take(Finding(kind: .increasing, numbers: [], words: String(clause[m.range]), range: range(m.range), subjects: [String(m.output[1].substring ?? "")]))
        }
        // Every year, without a number: 每年召开科技管理专题培训班.
        if out.isEmpty, yearly, let m = clause.firstMatch(of: rx(#"(召开|举办|开展|组织)([^,;]{2,20})"#)) {
            let object = String(m.output[2].substring ?? "")
            if institutions.contains(where: { object.hasSuffix($0) }) || object.hasSuffix("会议") || object.hasSuffix("活动") {
                take(Finding(kind: .everyYear, numbers: [1], words: "每年" + String(clause[m.range]), range: range(m.range), subjects: [object]))
            }
        }
        // Establishing something countable: 成立…领导小组, 建立科技服务中心, 建设一批…孵化器.
        if out.isEmpty, let m = clause.firstMatch(of: rx(#"(成立|建立|设立|建成|健全|组建|建设|构建|创建|打造)(起)?(一批)?([^,;]{2,60})$"#)) {
            let object = String(m.output[4].substring ?? "")
            let batch = m.output[3].substring != nil
            // "以建设创新型县为抓手": a means, not a commitment.
            if !clause.hasPrefix("以"), !object.contains("为抓手"), !object.contains("为重点"), !notCountable.contains(where: { object.hasSuffix($0) }),
               institutions.contains(where: { object.hasSuffix($0) }) || batch || object.contains("创新型县") {
                take(Finding(kind: .exists, numbers: [], words: String(m.output[1].substring ?? "") + (batch ? "一批" : ""), range: range(m.range),
                             subjects: [object], aBatch: batch))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The items of a list (高新技术企业、科技型企业): by 、 (and the other separators given), dropping connecting words.
    /// With `inheritHead`, items after the first that name no owner take the first's (规模以上工业企业研发活动、研发机构 →
    /// 规模以上工业企业研发机构).
    static func split(_ text: String, also: [String] = [], inheritHead: Bool = false) -> [String] {
        var parts = [text]
        for sep in ["、"] + also {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        // 、 inside brackets (县（市、区）) is no list.
        var merged: [String] = []
        for p in parts {
            if let last = merged.last, last.filter({ $0 == "(" }).count > last.filter({ $0 == ")" }).count {
                merged[merged.count - 1] = last + "、" + p
            } else {
                merged.append(p)
            }
        }
        let items = merged.map { $0.trimmingCharacters(in: " 等") }.filter { $0.count >= 2 }
        guard inheritHead, items.count > 1 else { return items.isEmpty ? [text] : items }
        let head = "规模以上工业企业"
        if items[0].hasPrefix(head) {
            return [items[0]] + items.dropFirst().map { $0.hasPrefix(head) ? $0 : head + $0 }
        }
        return items
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// The patterns, compiled once: a draft matches a dozen of them against every clause of a text.
private let compiled = Mutex<[String: Regex<AnyRegexOutput>]>([:])

func rx(_ pattern: String) -> Regex<AnyRegexOutput> {
    compiled.withLock { cache in
        if let r = cache[pattern] { return r }
        let r = try! Regex(pattern)
        cache[pattern] = r
        return r
    }
}
