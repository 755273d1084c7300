import CIECore

/// An Excel workbook: 摘要 (what, when, from which files, the counts), 结果 (a row per result, as the CSV file), a
/// sheet per review, 目标 (the targets with their clause and sentence). Numbers are numbers; each header row is
/// frozen and filtered; columns are as wide as their Chinese text. Written to files only.
public struct XLSXFormatter: ReportFormatter {
    public init() {}
    public var id: String { "xlsx" }
    public var extensions: [String] { ["xlsx"] }
    public var summary: LocalizedText { LocalizedText(zh: "Excel 工作簿（只能写入文件）", en: "an Excel workbook (files only)") }

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        throw FormatError(zh: "Excel 工作簿是二进制文件，不能显示在终端：用 --output 文件.xlsx 或 export 文件.xlsx",
                          en: "an Excel workbook is a binary file and cannot be shown on the terminal: use --output FILE.xlsx or export FILE.xlsx")
    }

    public func file(_ report: Report, _ o: FormatOptions) throws -> [UInt8] {
        try XLSXWorkbook(sheets: sheets(report, o.language)).bytes()
    }

    func sheets(_ report: Report, _ l: Language) -> [Sheet] {
        let zh = l == .zh
        switch report {
        case .check(let c):
            return [summary(c, reviews: [], l), Sheet(name: zh ? "结果" : "Results", rows: Records.check(c, l)), targets(c.policy, l)]
        case .review(let r):
            return [summary(nil, reviews: [r], l), Sheet(name: r.review.reviewerName(l), rows: Records.review(r, l))]
        case .listing(let list):
            return [Sheet(name: list.title ?? (zh ? "列表" : "List"), rows: Records.listing(list, l))]
        case .policy(let p):
            return [summary(p.check, reviews: p.reviews, failed: p.failedReviews, l), Sheet(name: zh ? "结果" : "Results", rows: Records.check(p.check, l))]
                + p.reviews.map { Sheet(name: $0.review.reviewerName(l), rows: Records.review($0, l)) } + [targets(p.check.policy, l)]
        }
    }

    func targets(_ p: PolicyInfo, _ l: Language) -> Sheet { Sheet(name: l == .zh ? "目标" : "Targets", rows: Records.targets(p, l)) }

    /// Label–value lines: the policy, the year and why, the files, when and by which cie; the counts by status and
    /// strength; each review's counts by verdict.
    func summary(_ c: CheckReport?, reviews: [ReviewReport], failed: [(name: LocalizedText, why: LocalizedText)] = [], _ l: Language) -> Sheet {
        let zh = l == .zh
        let policy = c?.policy ?? reviews[0].policy
        var rows: [[SheetCell]] = []
        func line(_ label: String, _ value: SheetCell) { rows.append([.text(label), value]) }
        line(zh ? "政策" : "Policy", .text(policy.name(l)))
        line(zh ? "文号" : "Document", .text(policy.documentLabel(l)))
        if !policy.title.isEmpty { line(zh ? "标题" : "Title", .text(policy.title)) }
        line(zh ? "评估年份" : "Year", .number(Double(c?.year ?? reviews[0].review.year)))
        if let why = c?.yearNote ?? reviews.first?.yearNote { line(zh ? "年份说明" : "Why this year", .text(why(l))) }
        if let source = c?.source ?? reviews.first?.source {
            for f in source.files {
                rows.append([.text(zh ? "数据文件" : "Data file"), .text(f.path), .number(Double(f.values)), f.years.map { .text("\($0.lowerBound)–\($0.upperBound)") } ?? .empty])
            }
            line(zh ? "生成时间" : "Generated", .text(source.generated))
            line(zh ? "cie 版本" : "cie version", .text(source.version))
        }
        if let c {
            rows.append([])
            rows.append([.text(zh ? "状态" : "Status"), .text(zh ? "结果数" : "Results")] + Strength.allCases.map { .text($0.label(l)) })
            for s in Status.allCases where c.summary[s] > 0 {
                rows.append([.text(s.label(l)), .number(Double(c.summary[s]))]
                    + Strength.allCases.map { st in .number(Double(c.byStrength[st]?[s] ?? 0)) })
            }
            rows.append([.text(zh ? "合计" : "Total"), .number(Double(c.summary.total))])
        }
        for r in reviews {
            rows.append([])
            rows.append([.text(r.review.reviewerName(l)), .text(zh ? "单位数" : "Units")])
            for v in r.verdictCounts { rows.append([.text(r.verdictLabel(v.id, l)), .number(Double(v.count))]) }
        }
        for f in failed {
            rows.append([])
            rows.append([.text(f.name(l)), .text((zh ? "未能运行：" : "could not run: ") + f.why(l))])
        }
        return Sheet(name: zh ? "摘要" : "Summary", rows: rows, headerRows: 0)
    }
}
