import ArgumentParser
import CIECore
import CIEData
import CIEDraft
import CIEPolicyFormat
import CIEReport
import Foundation

/// `cie policy draft TEXT` and the REPL's `draft TEXT` (Docs/Drafting.md): a policy text read into a draft package
/// whose every target is a proposal, and the review table of those proposals.
public struct DraftCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.file, .none]
    public static let configuration = CommandConfiguration(
        commandName: "draft", abstract: "Draft a policy package from a policy text: every checkable commitment, cited and proposed, for review.",
        discussion: """
            Reads the text (UTF-8 or GB18030, as scraped), finds each sentence with a checkable commitment and proposes its
            condition, indicator, scope, deadline and strength, saying which words proposed each part (`explain` shows it).
            Every target is marked draft: true, so `cie policy lint` fails until each is confirmed or removed.
            On the command line the package is written to --out (default: a folder named after --id); in the REPL only
            with --out, and the draft is loaded into the session (explain, use). --compare PACKAGE measures the draft
            against a finished package of the same text. --force overwrites policy.yaml and text.txt in a folder that has them.
            Examples:
              cie policy draft 四川省实施意见.txt --id sichuan --region 510000 --out ~/policies/sichuan
              draft Samples/qinghai/text.txt
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The policy text.", valueName: "TEXT"), completion: .file()) public var path: String
    @Option(help: ArgumentHelp("The package id (default: draft-CODE).", valueName: "ID")) public var id: String?
    @Option(help: ArgumentHelp("The jurisdiction, a division code or name, when the text does not say (510000, 四川省).", valueName: "CODE")) public var region: String?
    @Option(help: ArgumentHelp("The target id prefix (default: from the id, as `policy new` makes it; DR for draft-CODE).", valueName: "PREFIX")) public var prefix: String?
    @Option(help: ArgumentHelp("The folder to write the package to.", valueName: "DIR"), completion: .directory) public var out: String?
    @Option(help: ArgumentHelp("A finished package of the same text to measure the draft against (recall, precision, agreement).", valueName: "PACKAGE"))
    public var compare: String?
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let l = session.language
        let zh = l == .zh
        let file = session.inputPath(path)
        let bytes: [UInt8]
        switch FileBytes.open(file) {
        case .success(let f): bytes = Array(f.bytes)
        case .failure(let why): throw CommandError(zh: "\(path)：" + why.message.zh, en: "\(path): " + why.message.en)
        }
        let draft: Draft
        let text: PolicyText
        do {
            text = try PolicyText(bytes: bytes, file: path)
            draft = try Drafter.draft(text, catalogue: IndicatorCatalogue.shipped, regions: session.regions, region: region, file: path)
        } catch let e as DraftError {
            session.err(e.render(l))
            throw CommandError(zh: "未草拟：按上一行修正后重试", en: "nothing drafted: fix the line above and try again")
        }
        let code = session.regions[draft.document.jurisdiction].code
        let id = self.id ?? "draft-\(code)"
        guard NameShape.isID(id) else {
            throw CommandError(zh: "id “\(id)”应由小写字母、数字和连字符组成，以字母开头（如 sichuan）", en: "the id “\(id)” takes lower-case letters, digits and hyphens, starting with a letter (sichuan)")
        }
        let prefix = self.prefix ?? (self.id == nil ? "DR" : PackageScaffold.prefix(for: id))
        guard (1...6).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw CommandError(zh: "--prefix 取 1 到 6 个大写字母（如 SC）", en: "--prefix takes 1 to 6 capital letters (SC)")
        }
        let drafted: DraftedPackage
        switch draft.package(id: id, prefix: prefix, source: (path as NSString).lastPathComponent, regions: session.regions, version: CIEVersion.string) {
        case .success(let p): drafted = p
        case .failure(let f):
            // The drafter writes what the reader reads: a failure here is a bug of cie, reported as such.
            for d in f.diagnostics { session.err(d.render(l)) }
            throw CommandError(zh: "草拟的策略包读不回来（cie 的缺陷，请报告并附上正文）", en: "the drafted package does not read back (a bug of cie: please report it with the text)")
        }
        let package = drafted.package

        // The review table. The confidence is given to two places, in every format.
        func confidence(_ c: Double) -> Cell { .number(c, shown: c == 0 ? "—" : formatNumber(c)) }
        let rows: [[Cell]] = zip(package.targets, draft.proposals).map { t, p in
            [.text(t.id), .text(t.clause), .coded(id: t.scope.rawValue, label: t.scope.label(l)), .text(t.requirement(l)),
             .text(p.indicators.map { i in session.catalogue.lookup(i).map { zh ? session.catalogue[$0].name.zh : session.catalogue[$0].name.en } ?? draft.indicators.first { $0.id == i }.map { "\($0.name)（\(zh ? "新" : "new")）" } ?? i }.joined(separator: " + ")),
             confidence((p.confidence * 100).rounded() / 100),
             t.deadline.map(Cell.integer) ?? .none(shown: zh ? "每年" : "yearly"),
             .coded(id: t.strength.rawValue, label: t.strength.label(l)), .text(t.original)]
        }
        let listing = Listing(keys: ["target", "clause", "scope", "required", "indicator", "confidence", "deadline", "strength", "original"],
                              header: zh ? ["目标", "条款", "范围", "要求", "指标", "置信度", "期限", "强度", "原文"]
                                         : ["target", "clause", "scope", "required", "indicator", "confidence", "deadline", "strength", "original"],
                              cells: rows, rightAligned: [5])
        let doc = draft.document
        let title = (zh ? "草拟：" : "Draft: ") + [doc.number, doc.title].filter { !$0.isEmpty }.joined(separator: " ")
            + (doc.status == .draft ? (zh ? "（征求意见稿）" : " (a draft for comment)") : "")
        let footer = zh
            ? "\(draft.proposals.count) 个目标提议（均为 draft: true），\(draft.indicators.count) 个新指标，\(draft.hints.count) 条审查器线索；文件主要目标年份 \(doc.mainYear.map(String.init) ?? "未写明")；\(text.joined) 处断行已接上，\(text.furniture) 行页面杂项已去掉"
            : "\(draft.proposals.count) proposed targets (all draft: true), \(draft.indicators.count) new indicators, \(draft.hints.count) reviewer hints; main target year \(doc.mainYear.map(String.init) ?? "not stated"); \(text.joined) broken lines joined, \(text.furniture) lines of page furniture dropped"
        try list.emit(listing, in: session, title: title, footer: footer)
        for h in draft.hints {
            session.out((zh ? "  审查器线索 " : "  reviewer hint ") + "\(h.kind) \(h.clause)：“\(h.words)” — \(h.original.prefix(60))\(h.original.count > 60 ? "…" : "")")
        }

        // Measured against a finished package.
        if let compare {
            let reference: PolicyPackage
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: session.inputPath(compare), isDirectory: &isFolder), isFolder.boolValue {
                switch readPackage(session.inputPath(compare)) {
                case .success(let p): reference = p
                case .failure(let f):
                    for d in f.diagnostics { session.err(d.render(l)) }
                    throw CommandError(zh: "策略包 \(compare) 读不出来：按以上各行修正", en: "the package \(compare) does not read: fix the lines above")
                }
            } else {
                reference = try session.resolvePolicy(compare)
            }
            let score = DraftScore(draft: package, reference: reference)
            session.out(score.summary(l))
            for line in score.misses(l) { session.out("  " + line) }
        }

        // The files.
        let folder = out.map(session.inputPath) ?? (session.inSession ? nil : joinPath(FileManager.default.currentDirectoryPath, id))
        if let folder {
            try write(drafted.files, to: folder, session: session)
            session.err(zh ? "下一步：逐条核对后删去 draft: true（或删去该目标），补上示例，然后 cie policy lint \(folder)"
                           : "next: check each proposal, remove draft: true (or the target), add worked examples, then cie policy lint \(folder)")
        } else {
            session.err(zh ? "未写出文件：用 --out 目录 写出策略包" : "no files written: --out DIR writes the package")
        }
        if session.inSession {
            try session.policies.include(package, replacing: true)
            session.err(zh ? "草拟的策略包 \(id) 已载入本会话：explain \(package.targets.first?.id ?? "ID") 看每项提议的依据，use \(id) 选用"
                           : "the draft \(id) is loaded in this session: explain \(package.targets.first?.id ?? "ID") shows why each part was proposed; use \(id) makes it current")
        }
        return 0
    }

    func write(_ files: [(String, String)], to folder: String, session: Session) throws {
        let zh = session.language == .zh
        let fm = FileManager.default
        if !list.force, files.contains(where: { fm.fileExists(atPath: joinPath(folder, $0.0)) }) {
            throw CommandError(zh: "\(folder) 中已有策略包文件：换一个 --out，或加 --force 覆盖 policy.yaml 和 text.txt",
                               en: "\(folder) already holds a package: choose another --out, or add --force to overwrite policy.yaml and text.txt")
        }
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError(zh: "无法创建 \(folder)：\(systemErrorText(error, .zh))；检查权限或换一个 --out", en: "cannot create \(folder): \(systemErrorText(error, .en)); check its permissions or choose another --out")
        }
        for (name, text) in files {
            let full = joinPath(folder, name)
            do {
                try SafeFile.write(Array(text.utf8), to: full)
            } catch let e as SafeFile.Failure {
                throw CommandError(zh: "无法写入 \(full)：\(errnoText(e.code, .zh))；\(e.advice.zh)", en: "cannot write \(full): \(errnoText(e.code, .en)); \(e.advice.en)")
            }
            session.err(zh ? "已写入 \(full)" : "wrote \(full)")
        }
    }
}
