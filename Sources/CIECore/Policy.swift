/// Whether a document is in force or only a draft for comment.
public enum DocumentStatus: String, Sendable, Codable {
    case inForce = "in_force"
    case draft

    public var label: LocalizedText {
        switch self {
        case .inForce: LocalizedText(zh: "现行有效", en: "in force")
        case .draft: LocalizedText(zh: "征求意见稿", en: "draft for comment")
        }
    }
}

/// The policy document a package encodes.
public struct PolicyDocument: Sendable {
    /// 青政办〔2018〕6号; empty for a draft without a number.
    public var number: String
    public var title: String
    public var issuer: String
    /// As the document gives it: `2018-01-12`, or `2018` when only the year is known.
    public var issued: String
    public var status: DocumentStatus
    /// The code of the jurisdiction the document governs (`630000`, or `371000` for 威海市).
    public var jurisdictionCode: String

    public init(number: String, title: String, issuer: String, issued: String, status: DocumentStatus, jurisdictionCode: String) {
        self.number = number
        self.title = title
        self.issuer = issuer
        self.issued = issued
        self.status = status
        self.jurisdictionCode = jurisdictionCode
    }

    /// What reports print for it: the number, or the title for an unnumbered draft.
    public var citation: String { number.isEmpty ? title : number }
}

/// What the evaluator and the reviewers need of a policy: one document's targets, reviewers, groups and zones.
/// A policy package (CIEPolicyFormat's `PolicyPackage`, read from `policy.yaml`) is one; tests build small ones by hand.
///
/// It never does I/O: the evaluator hands it an `EvaluationContext` holding the regions, the indicator catalogue and
/// the loaded values.
public protocol PolicyModule: Sendable {
    /// Stable id (`qinghai`), used by `use`, `--policy` and in JSON.
    var id: String { get }
    /// The jurisdiction's name: 青海省 / Qinghai.
    var name: LocalizedText { get }
    /// Other names `use` accepts (`青海`).
    var aliases: [String] { get }
    var document: PolicyDocument { get }
    var targets: [Target] { get }
    /// Its own reviewers; `compliance` is added for every policy.
    var reviewers: [any Reviewer] { get }
    /// Named groups of region codes it defines (`groups` in policy.yaml).
    var groups: [String: [String]] { get }
    /// The functional zones (statistical-only units) it counts among its 县（市、区）: none unless its text says so.
    var zones: ZoneRule { get }
    /// Codes of units whose series it compares across their boundary changes (the data being on new boundaries).
    var continuousSeries: [String] { get }
    /// Indicators it adds to the catalogue (a package's `indicators`).
    var indicators: [Indicator] { get }
}

/// Which statistical-only units (type `zone`) a policy counts among its units. They count when they have data or a
/// regions file declared them; a zone with neither is no unit of the policy (yearbooks often fold them into the
/// districts around them).
public struct ZoneRule: Sendable, Hashable {
    /// Shipped zones by code (威海火炬高技术产业开发区 371071 …).
    public var codes: Set<String>
    /// Whether zones a regions file declares count (威海's 综保区 and 南海新区, which have no code).
    public var declared: Bool
    /// The document's words that bring them in, for `check`, `regions` and `explain`.
    public var reading: LocalizedText?

    public init(codes: Set<String> = [], declared: Bool = false, reading: LocalizedText? = nil) {
        self.codes = codes
        self.declared = declared
        self.reading = reading
    }

    public static let none = ZoneRule()

    public var isEmpty: Bool { codes.isEmpty && !declared }

    /// Whether a zone counts (not whether it has data).
    public func includes(_ region: Region) -> Bool {
        region.isUserDefined ? declared : region.codes.contains(where: codes.contains)
    }
}

extension PolicyModule {
    public var reviewers: [any Reviewer] { [] }
    public var groups: [String: [String]] { [:] }
    public var aliases: [String] { [] }
    public var zones: ZoneRule { .none }
    public var continuousSeries: [String] { [] }
    public var indicators: [Indicator] { [] }

    /// Its reviewers with `compliance` first.
    public var allReviewers: [any Reviewer] { [ComplianceReviewer()] + reviewers }

    /// A target by id, case-insensitively; `QH-6` finds `QH-06`.
    public func target(_ id: String) -> Target? {
        if let t = targets.first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) { return t }
        func split(_ s: String) -> (String, Int)? {
            guard let dash = s.lastIndex(of: "-"), let n = Int(s[s.index(after: dash)...]) else { return nil }
            return (s[..<dash].uppercased(), n)
        }
        guard let (prefix, number) = split(id) else { return nil }
        return targets.first { t in split(t.id).map { $0 == (prefix, number) } ?? false }
    }

    /// Whether a unit is in one of the policy's named groups: a regions file put it there, or the policy lists it
    /// or its prefecture (吉林's zones are made of prefectures). The evaluator, reviewers and `regions` all ask this.
    /// A unit is listed by any code it held (吉林's 扶余 as 220724 or 220781), or its prefecture in `year` is.
    public func isMember(_ unit: RegionIndex, of group: String, in regions: RegionTable, year: Int? = nil) -> Bool {
        let r = regions[unit]
        if r.groups.contains(group) { return true }
        guard let listed = groups[group] else { return false }
        return r.codes.contains(where: listed.contains)
            || regions.prefecture(of: unit, in: year).map { regions[$0].codes.contains(where: listed.contains) } == true
    }

    public func reviewer(_ id: String) -> (any Reviewer)? {
        allReviewers.first { $0.id == id.lowercased() || $0.name.zh == id }
    }
}

/// The result of one target for one region.
public struct TargetResult: Sendable {
    public var target: String
    public var region: RegionIndex
    public var scope: Scope
    public var status: Status
    public var observed: Double?
    public var required: LocalizedText
    public var unit: MeasureUnit
    public var deadline: Int?
    public var strength: Strength
    public var detail: LocalizedText
    /// How far from the requirement, in the indicator's unit; negative when short.
    public var gap: Double?
    /// The number the observed value is compared with (the requirement line of a report's chart); nil when none.
    public var threshold: Double?
    /// The progress ratio of an on_track/off_track result.
    public var progress: Double?

    public init(
        target: String, region: RegionIndex, scope: Scope, status: Status, observed: Double?, required: LocalizedText,
        unit: MeasureUnit, deadline: Int?, strength: Strength, detail: LocalizedText, gap: Double? = nil, threshold: Double? = nil, progress: Double? = nil
    ) {
        self.target = target
        self.region = region
        self.scope = scope
        self.status = status
        self.observed = observed
        self.required = required
        self.unit = unit
        self.deadline = deadline
        self.strength = strength
        self.detail = detail
        self.gap = gap
        self.threshold = threshold
        self.progress = progress
    }
}

/// Counts of results by status.
public struct StatusSummary: Sendable, Equatable {
    public private(set) var counts: [Status: Int] = [:]
    public init() {}
    public init(_ statuses: some Sequence<Status>) {
        for s in statuses { counts[s, default: 0] += 1 }
    }
    public subscript(status: Status) -> Int { counts[status] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }
}

/// Everything an evaluation reads: regions, catalogue and values. Immutable during an evaluation.
public struct EvaluationContext: Sendable {
    public var regions: RegionTable
    public var catalogue: IndicatorCatalogue
    public var store: DataStore
    /// The zones that count among units (the evaluator sets the policy's; none without a policy).
    public var zones: ZoneRule = .none
    /// Units whose series are compared across their boundary changes (the policy's `continuousSeries`).
    public var continuousSeries: Set<RegionIndex> = []

    public init(regions: RegionTable, catalogue: IndicatorCatalogue, store: DataStore) {
        self.regions = regions
        self.catalogue = catalogue
        self.store = store
    }
}

/// One row of a review.
public struct ReviewRow: Sendable {
    public var region: RegionIndex
    public var verdict: String?
    public var score: Double?
    public var rank: Int?
    /// In 万元.
    public var amount: Double?
    public var detail: LocalizedText?
    /// The comparison group the unit is ranked in (吉林's zone); nil when all units are ranked together.
    public var group: LocalizedText?
    /// The lowest and highest rank over the perturbed-weight runs of the stability analysis.
    public var rankRange: ClosedRange<Int>?
    /// The share of those runs in which the unit ranked within the cut-off (0…1).
    public var selectedShare: Double?
    public init(region: RegionIndex, verdict: String? = nil, score: Double? = nil, rank: Int? = nil, amount: Double? = nil, detail: LocalizedText? = nil,
                group: LocalizedText? = nil, rankRange: ClosedRange<Int>? = nil, selectedShare: Double? = nil) {
        self.region = region
        self.verdict = verdict
        self.score = score
        self.rank = rank
        self.amount = amount
        self.detail = detail
        self.group = group
        self.rankRange = rankRange
        self.selectedShare = selectedShare
    }
}

/// The outcome of a reviewer.
public struct Review: Sendable {
    public var reviewerID: String
    public var reviewerName: LocalizedText
    public var year: Int
    /// How it was computed: the reading of the text, normalisation, weights, cut-offs.
    public var method: LocalizedText
    public var rows: [ReviewRow]
    public init(reviewerID: String, reviewerName: LocalizedText, year: Int, method: LocalizedText, rows: [ReviewRow]) {
        self.reviewerID = reviewerID
        self.reviewerName = reviewerName
        self.year = year
        self.method = method
        self.rows = rows
    }
}

/// A reviewer turns results and values into scores, vetoes or money (TARGETS.md, "Reviewers"). A package declares
/// its reviewers as kinds with parameters (Docs/PolicyFormat.md, "Reviewers"); each kind declares the options it
/// takes on the command line and the verdicts it gives.
public protocol Reviewer: Sendable {
    /// Unique within a policy (`evaluation`, `veto`, `compliance`).
    var id: String { get }
    var name: LocalizedText { get }
    /// The clause of the document it implements, with the sentence, for `explain` and the docs.
    var source: LocalizedText { get }
    /// The options it takes (`--weights`, `--pool`); `review` refuses any other.
    var options: [ReviewOption] { get }
    /// The verdicts its rows carry, with their labels.
    var verdicts: [ReviewVerdict] { get }
    func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review
}

extension Reviewer {
    public var options: [ReviewOption] { [] }
}

/// A verdict a reviewer gives: a stable id (`excellent`), what it says, and whether it is good news for the unit
/// (reports colour it: 合规 and 优秀 green, 不合规 and 否决 red).
public struct ReviewVerdict: Sendable, Hashable {
    public enum Tone: String, Sendable { case good, bad, neutral }
    public var id: String
    public var label: LocalizedText
    public var tone: Tone
    public init(_ id: String, _ label: LocalizedText, tone: Tone = .neutral) {
        self.id = id
        self.label = label
        self.tone = tone
    }
    /// No value to judge on in the year.
    public static let noData = ReviewVerdict("no_data", LocalizedText(zh: "数据不足", en: "no data"))
}

