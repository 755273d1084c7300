/// An evaluation reviewer built on `Composite`: a package declares its dimensions, the verdict for the units within the
/// cut-off, and optionally the named groups (zones) to rank within; this does the scoring, ranking, stability analysis
/// and the method text. Qinghai's and Jilin's `evaluation` are instances (Docs/WritingAProvinceModule.md).
public struct CompositeReviewer: Reviewer {
    public var id: String
    public var name: LocalizedText
    public var source: LocalizedText
    public var dimensions: [Composite.Dimension]
    /// The policy's groups to rank within, in order (吉林's three zones); empty: all units together.
    public var zones: [String]
    /// The verdict of a unit within the cut-off (`excellent`, `priority`) and what it means.
    public var selectedVerdict: String
    public var selectedLabel: LocalizedText
    /// The default cut-off (`--excellent` overrides it).
    public var defaultCutoff: Composite.Cutoff
    /// How the package reads its text: which dimensions and why, what the text leaves open.
    public var reading: LocalizedText

    public init(
        id: String = "evaluation", name: LocalizedText, source: LocalizedText, dimensions: [Composite.Dimension], zones: [String] = [],
        selectedVerdict: String, selectedLabel: LocalizedText, defaultCutoff: Composite.Cutoff = .share(0.2), reading: LocalizedText
    ) {
        self.id = id
        self.name = name
        self.source = source
        self.dimensions = dimensions
        self.zones = zones
        self.selectedVerdict = selectedVerdict
        self.selectedLabel = selectedLabel
        self.defaultCutoff = defaultCutoff
        self.reading = reading
    }

    public var options: [ReviewOption] {
        [ReviewOption("weights", .weights, valueName: "DIM=W,…", help: LocalizedText(
            zh: "各维度的权重（自动归一），如 \(dimensions.first.map { "\($0.id)=2" } ?? "a=2")", en: "weights of the dimensions, rescaled to sum to 1, e.g. \(dimensions.first.map { "\($0.id)=2" } ?? "a=2")")),
         ReviewOption("excellent", .cutoff, valueName: "20%|N", help: LocalizedText(
            zh: "评为“\(selectedLabel.zh)”的范围：比例（如 20%）或个数（如 5），默认 \(defaultCutoff.written)", en: "which units are “\(selectedLabel.en)”: a share (such as 20%) or a number (such as 5); default \(defaultCutoff.written)")),
         ReviewOption("runs", .integer(0...1_000_000), valueName: "N", help: LocalizedText(
            zh: "稳定性分析的扰动次数（默认 1000；0 不做）", en: "perturbed-weight runs of the rank stability analysis (default 1000; 0: none)")),
         ReviewOption("seed", .integer(0...Int.max), valueName: "N", help: LocalizedText(
            zh: "稳定性分析的随机种子（默认 1），使名次区间可复现", en: "seed of the stability analysis (default 1), for reproducible rank ranges"))]
    }

    public var verdicts: [ReviewVerdict] {
        [ReviewVerdict(selectedVerdict, selectedLabel, tone: .good), ReviewVerdict("ranked", LocalizedText(zh: "已排名", en: "ranked")), .noData]
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let units = try evaluator.jurisdictionUnits(year: year)
        let weights = try Composite.weights(dimensions, given: options.weights("weights"))
        let cutoff = options.cutoff("excellent") ?? defaultCutoff
        var groups: [[RegionIndex]]
        var groupNames: [LocalizedText?]
        if zones.isEmpty {
            groups = [units]
            groupNames = [nil]
        } else {
            groups = zones.map { _ in [] }
            groupNames = zones.map { LocalizedText($0) }
            for u in units {
                if let z = zones.firstIndex(where: { policy.isMember(u, of: $0, in: context.regions, year: year) }) { groups[z].append(u) }
            }
        }
        let perturbation = Composite.Perturbation(runs: max(0, options.integer("runs") ?? 1000), seed: UInt64(max(0, options.integer("seed") ?? 1)))
        let (scores, unavailable) = Composite.score(groups: groups, dimensions: dimensions, weights: weights, cutoff: cutoff, perturbation: perturbation) { m, u in
            switch m.kind {
            case .level:
                return evaluator.value(of: m.quantity, u, year)
            case .change:
                return evaluator.yearOnYear(m.quantity, u, year).map { $0.now - $0.before }
            case .growth:
                guard let p = evaluator.yearOnYear(m.quantity, u, year), p.before != 0 else { return nil }
                return (p.now - p.before) / abs(p.before) * 100
            }
        }
        let ordered = scores.sorted { a, b in (a.group, a.rank ?? Int.max, a.region) < (b.group, b.rank ?? Int.max, b.region) }
        let rows = ordered.map { s -> ReviewRow in
            let dims = zip(dimensions, s.dimensions).map { d, v in (d.name, v.map { formatNumber($0, digits: 1) } ?? "—") }
            var zh = dims.map { "\($0.0.zh) \($0.1)" }.joined(separator: "，")
            var en = dims.map { "\($0.0.en) \($0.1)" }.joined(separator: ", ")
            if let range = s.rankRange, let share = s.selectedShare {
                let r = formatRankRange(range)
                zh += "；扰动排名 \(r)，\(formatNumber(share * 100, digits: 0))% 的扰动中\(selectedLabel.zh)"
                en += "; ranks \(r) under perturbed weights, \(selectedLabel.en) in \(formatNumber(share * 100, digits: 0))% of runs"
            }
            if s.dimensions.allSatisfy({ $0 == nil }) {
                zh = "\(year) 年没有任何评价指标的数据"
                en = "no data for any measure in \(year)"
            } else if !s.missing.isEmpty {
                zh += "；缺：" + s.missing.map(\.zh).joined(separator: "、")
                en += "; missing: " + s.missing.map(\.en).joined(separator: ", ")
            }
            let verdict = s.total == nil ? "no_data" : (s.selected ? selectedVerdict : "ranked")
            return ReviewRow(region: s.region, verdict: verdict, score: s.total, rank: s.rank, detail: LocalizedText(zh: zh, en: en),
                             group: groupNames[s.group], rankRange: s.rankRange, selectedShare: s.selectedShare)
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: method(weights: weights, cutoff: cutoff, perturbation: perturbation, unavailable: unavailable), rows: rows)
    }

    /// The method, as printed with every review: reading, measures, normalisation, weights, cut-off, stability.
    public func method(weights: [Double], cutoff: Composite.Cutoff, perturbation: Composite.Perturbation, unavailable: [LocalizedText] = []) -> LocalizedText {
        func measures(_ d: Composite.Dimension, _ l: Language) -> String {
            d.measures.map { m in
                switch m.kind {
                case .level: m.label(l)
                case .change: l == .zh ? "\(m.label.zh)较上年变化" : "change of \(m.label.en) on the year before"
                case .growth: l == .zh ? "\(m.label.zh)较上年增幅(%)" : "growth (%) of \(m.label.en) on the year before"
                }
            }.joined(separator: l == .zh ? "、" : ", ")
        }
        let w = zip(dimensions, weights)
        let cut = cutoff.described
        let within = zones.isEmpty ? LocalizedText(zh: "在辖区全部县级单位中", en: "among all county-level units of the jurisdiction")
            : LocalizedText(zh: "在各自所属区域（\(zones.joined(separator: "、"))）内", en: "within each zone (\(zones.joined(separator: ", ")))")
        let stability = perturbation.runs > 0
            ? LocalizedText(zh: "稳定性：将每个权重乘以 [\(formatNumber(1 - perturbation.spread)), \(formatNumber(1 + perturbation.spread))] 内的均匀随机数并重新归一，重复 \(perturbation.runs) 次（种子 \(perturbation.seed)，可用 --seed、--runs 改），报告每个单位的名次区间及入选比例（JRC/COINr 不确定性分析）。",
                            en: "Stability: each weight is multiplied by a uniform random factor in [\(formatNumber(1 - perturbation.spread)), \(formatNumber(1 + perturbation.spread))] and the weights rescaled, \(perturbation.runs) times (seed \(perturbation.seed); --seed, --runs), and each unit's range of ranks and share of runs within the cut-off are reported (the JRC/COINr uncertainty analysis).")
            : LocalizedText(zh: "未做稳定性分析（--runs 0）。", en: "No stability analysis (--runs 0).")
        let absent = unavailable.isEmpty ? LocalizedText("")
            : LocalizedText(zh: "本年数据中没有任何单位有：" + unavailable.map(\.zh).joined(separator: "、") + "，未计入。",
                            en: "No unit has data this year for " + unavailable.map(\.en).joined(separator: ", ") + ", so it is left out. ")
        return LocalizedText(
            zh: reading.zh + " 指标：" + dimensions.map { "\($0.name.zh)（\(measures($0, .zh))）" }.joined(separator: "；")
                + "。标准化：\(within.zh)对每项指标做最小—最大标准化到 0–100（全部相同时有值记 100、为 0 记 0），维度得分为其指标的平均，缺数据的指标不计入（缺项会在说明中列出：缺少较弱的指标可能抬高得分，请核对）；某维度全无数据则不评分（no_data）。"
                + "权重：" + w.map { "\($0.id)=\(formatNumber($1, digits: 3))" }.joined(separator: ", ") + "（可用 --weights 改，如 --weights \(dimensions[0].id)=2，自动归一）。"
                + "名次按综合得分从高到低，并列同名次（1、1、3）；\(within.zh)\(cut.zh)为“\(selectedLabel.zh)”（\(selectedVerdict)，可用 --excellent 改，如 --excellent 10% 或 --excellent 5；与末位并列者一并入选，人数可能多于名额）。" + absent.zh + stability.zh,
            en: reading.en + " Measures: " + dimensions.map { "\($0.name.en) (\(measures($0, .en)))" }.joined(separator: "; ")
                + ". Normalisation: min–max to 0–100 \(within.en) (where all units are equal: 100 if positive, else 0); a dimension is the mean of its measures with data (missing measures are listed in the detail: leaving out a weak measure can raise a score, so check them); a unit with a dimension without any data is not scored (no_data). "
                + "Weights: " + w.map { "\($0.id)=\(formatNumber($1, digits: 3))" }.joined(separator: ", ") + " (set with --weights, e.g. --weights \(dimensions[0].id)=2; rescaled to sum to 1). "
                + "Ranks by composite score, highest first, ties sharing a rank (1, 1, 3); \(cut.en) \(within.en) are “\(selectedLabel.en)” (\(selectedVerdict); set with --excellent, such as --excellent 10% or --excellent 5; units tied with the last place are selected too, so there may be more). " + absent.en + stability.en)
    }
}
