import CIECore
import CIEReport
import Foundation

/// What a command's positional argument or an option's value is, for Tab completion.
public enum ArgumentKind: Sendable, Equatable {
    case command, file, policy, target, region, indicator, status, reviewer, setting, settingValue, none
}

extension SessionCommand {
    public static var argumentKinds: [ArgumentKind] { [] }
}

/// Tab completion from the text left of the cursor (SPEC.md, "Interactive mode"). Pure: the line editor asks it,
/// and the tests ask it directly.
public struct Completer {
    public let session: Session

    public init(session: Session) { self.session = session }

    public struct Result: Equatable, Sendable {
        /// The word as typed (quotes included): what a completion replaces.
        public var typed: String
        /// Full replacements for it, already quoted where needed.
        public var candidates: [String]
        /// Whether a unique completion is a whole word (add a space) rather than a directory to go into.
        public var isWord = true
    }

    /// The option values the completer knows, by option name (the names are the same in every command).
    static func kind(ofOption name: String) -> ArgumentKind? {
        switch name {
        case "--data", "--output": .file
        case "--policy": .policy
        case "--region", "--prefecture", "--province", "--history": .region
        case "--target": .target
        case "--status": .status
        case "--format", "--lang", "--type", "--year": .settingValue
        default: nil
        }
    }

    public func complete(_ left: String) -> Result {
        let split = Words.split(left)
        // After a continuation backslash the word under the cursor is not what split saw: complete nothing.
        if split.continues { return Result(typed: "", candidates: []) }
        var words = split.words
        let typed = split.endsInWord ? split.lastRaw : ""
        let word = split.endsInWord ? (words.popLast() ?? "") : ""
        func result(_ all: [String], isWord: Bool = true) -> Result {
            var seen = Set<String>()
            let unique = all.filter { seen.insert($0).inserted }
            return Result(typed: typed, candidates: unique.map(Completer.quoted), isWord: isWord)
        }
        guard let first = words.first else {
            return result(CommandTable.words.filter { $0.hasPrefix(word.lowercased()) })
        }
        guard let command = CommandTable.command(named: first) else { return result([]) }
        if word.hasPrefix("-") {
            return result((CommandTable.options(of: command).map(\.name) + reviewerOptions(command, words).map { "--" + $0.name })
                .filter { $0.hasPrefix(word) }.sorted())
        }
        // The value of an option?
        if let previous = words.last, previous.hasPrefix("--"),
           let option = CommandTable.options(of: command).first(where: { $0.name == previous }), option.takesValue {
            guard let kind = Self.kind(ofOption: previous) else { return result([]) }
            // Only reports (check, review) have a JUnit form; lists refuse it.
            let isReport = command == CheckCommand.self || command == ReviewCommand.self
            return result(values(kind, word, option: previous).filter { isReport || previous != "--format" || $0 != "junit" })
        }
        // A positional argument: count the positionals before it (skipping options and their values).
        var position = 0
        var n = 1
        let options = CommandTable.options(of: command)
        while n < words.count {
            if words[n].hasPrefix("--") {
                if options.first(where: { $0.name == words[n] })?.takesValue == true { n += 1 }
            } else {
                position += 1
            }
            n += 1
        }
        let kinds = command.argumentKinds
        guard !kinds.isEmpty else { return result([]) }
        let kind = kinds[min(position, kinds.count - 1)]
        if kind == .settingValue {
            let key = words.count > 1 ? words[1].lowercased() : ""
            return result(values(.settingValue, word, option: key == "year" ? "set year" : "--" + key))
        }
        if kind == .file {
            let (files, complete) = Completer.paths(word)
            return result(files, isWord: complete)
        }
        return result(values(kind, word, option: nil))
    }

    /// The options of the reviewer a `review` line names (or of `compliance`), which its kind declares.
    private func reviewerOptions(_ command: any SessionCommand.Type, _ words: [String]) -> [ReviewOption] {
        guard command == ReviewCommand.self, let policy = session.policy else { return [] }
        let named = words.dropFirst().first { !$0.hasPrefix("-") }
        return policy.reviewer(named ?? "compliance")?.options ?? []
    }

    /// A candidate as it is inserted: quoted when it needs it; a directory with a space keeps its quote open, so
    /// that the next Tab goes on inside it.
    static func quoted(_ candidate: String) -> String {
        guard candidate.hasSuffix("/") else { return Words.quote(candidate) }
        let q = Words.quote(candidate)
        return q == candidate ? candidate : String(q.dropLast())
    }

    private func values(_ kind: ArgumentKind, _ word: String, option: String?) -> [String] {
        func matching(_ all: [String]) -> [String] {
            let w = word.lowercased()
            return all.filter { $0.lowercased().hasPrefix(w) }
        }
        var list: [String]
        switch kind {
        case .command: list = matching(CommandTable.words)
        case .none: list = []
        case .file: list = Completer.paths(word).0
        case .policy:
            list = []
            for m in session.policies.sortedEntries {
                if m.id.hasPrefix(word.lowercased()) { list.append(m.id) }
                else if let alias = m.names.first(where: { !word.isEmpty && $0.lowercased().hasPrefix(word.lowercased()) }) { list.append(alias) }
            }
        case .target:
            let ids = session.policy.map { $0.targets.map(\.id) } ?? ((try? session.allPackages()) ?? []).flatMap { $0.targets.map(\.id) }
            list = matching(ids)
        case .region: list = regions(word)
        case .indicator: list = indicators(word)
        case .status: list = matching(Status.allCases.map(\.rawValue) + Status.allCases.map(\.label.zh))
        case .reviewer: list = matching((session.policy?.allReviewers ?? []).map(\.id))
        case .setting: list = matching(SetCommand.keys)
        case .settingValue:
            switch option {
            case "--format": list = matching(Formatters.all.map(\.id))
            case "--lang": list = matching(Language.allCases.map(\.rawValue))
            case "--type": list = matching(RegionType.allCases.filter(\.isUnit).map(\.rawValue))
            case "--year", "set year":
                let years = (session.store.years.map(Array.init) ?? []).reversed().map(String.init)
                list = matching(option == "set year" ? years + ["latest"] : years)
            case "--color": list = matching(["on", "off"])
            case "--policy": return values(.policy, word, option: nil)
            default: list = []
            }
        }
        return list
    }

    /// Region names (Chinese, short names too) and codes. With data loaded, the units with data and the areas
    /// above them — of the current policy's jurisdiction, else of all — come first; the whole table when nothing of
    /// those matches.
    func regions(_ word: String) -> [String] {
        let table = session.regions
        func matches(_ r: Region) -> String? {
            if word.isEmpty || r.name.hasPrefix(word) { return r.name }
            if r.code.hasPrefix(word) { return r.code }
            if (r.latest.aliases + r.aliases).contains(where: { Region.aliasName($0).hasPrefix(word) }) { return r.name }
            return nil
        }
        var loaded = Set<RegionIndex>()
        if !session.store.isEmpty {
            for i in 0..<RegionIndex(table.count) where session.store.hasData(i) || table[i].isUserDefined {
                var r: RegionIndex? = i
                while let x = r, loaded.insert(x).inserted { r = table[x].parent }
            }
        }
        func collect(_ pool: [RegionIndex]) -> [String] {
            var names: [String] = []
            var seen: [String: Int] = [:]
            for i in pool { if let n = matches(table[i]) { names.append(n); seen[n, default: 0] += 1 } }
            // A name two units share (城中区: 西宁 and 柳州) completes to the name where the session would read it as
            // this unit (the current policy's, or the one with data), else to the code, which is unambiguous.
            var out: [String] = []
            for i in pool {
                guard let n = matches(table[i]) else { continue }
                out.append(seen[n]! > 1 || (try? session.resolveRegion(n)) != i ? table[i].code : n)
            }
            return out
        }
        let sorted = { (s: Set<RegionIndex>) in s.sorted { table[$0].code < table[$1].code } }
        // The current policy's jurisdiction first: in a Qinghai session, Tab offers Qinghai's units, not every
        // province's that happens to be loaded.
        if let policy = session.policy, let j = table.index(code: policy.document.jurisdictionCode) {
            let own = collect(sorted(loaded.filter { table.isWithin($0, j) }))
            if !own.isEmpty { return own }
        }
        let fromLoaded = collect(sorted(loaded))
        if !fromLoaded.isEmpty || (word.isEmpty && !loaded.isEmpty) { return fromLoaded }
        guard !word.isEmpty else { return [] }
        return collect(Array(0..<RegionIndex(table.count)))
    }

    /// Indicator ids and Chinese names; with data loaded, those with values first.
    func indicators(_ word: String) -> [String] {
        let cat = session.catalogue
        let w = word.lowercased()
        func collect(_ onlyLoaded: Bool) -> [String] {
            var out: [String] = []
            for i in 0..<IndicatorIndex(cat.count) {
                if onlyLoaded && session.store.count(of: i) == 0 && cat[i].derivation == nil { continue }
                let ind = cat[i]
                if ind.id.lowercased().hasPrefix(w) { out.append(ind.id) }
                else if !w.isEmpty, let n = ([ind.name.zh] + ind.aliases).first(where: { $0.lowercased().hasPrefix(w) }) { out.append(n) }
            }
            return out
        }
        let loaded = session.store.isEmpty ? [] : collect(true)
        return loaded.isEmpty ? collect(false) : loaded
    }

    /// File names for a partial path; directories end with "/" (and are not whole words yet).
    static func paths(_ word: String) -> ([String], Bool) {
        var dir = ""
        var base = word
        if let slash = word.lastIndex(of: "/") {
            dir = String(word[...slash])
            base = String(word[word.index(after: slash)...])
        }
        let fsDir = dir.isEmpty ? "." : expandingTilde(dir)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: fsDir) else { return ([], true) }
        var out: [String] = []
        for e in entries.sorted() where e.hasPrefix(base) && (base.hasPrefix(".") || !e.hasPrefix(".")) {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: joinPath(fsDir, e), isDirectory: &isDir)
            out.append(dir + e + (isDir.boolValue ? "/" : ""))
        }
        return (out, !(out.count == 1 && out[0].hasSuffix("/")))
    }
}
