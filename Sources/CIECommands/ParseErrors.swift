import CIECore

/// ArgumentParser's own messages are English only: its known forms are rewritten in the session's language, so a
/// Chinese session never answers a typo in English (`--yaer` → “未知选项 --yaer（是否指 --year？）”).
enum ParseErrors {
    /// The language a command line asks for (`--lang en`, `--lang=en`), before it is parsed; Chinese by default.
    static func language(in arguments: [String]) -> Language {
        for (k, a) in arguments.enumerated() {
            if a == "--lang", k + 1 < arguments.count, let l = Language(rawValue: arguments[k + 1].lowercased()) { return l }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7)).lowercased()) { return l }
        }
        return .zh
    }

    /// One of ArgumentParser's error messages, translated where its form is known; in English, its “Error:” is the
    /// “error:” of every other message.
    static func translate(_ message: String) -> LocalizedText {
        LocalizedText(zh: chinese(message), en: message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message)
    }

    static func chinese(_ m: String) -> String {
        // Each known form: the English text between quotes is kept as it was typed.
        func quoted(_ s: Substring) -> [String] {
            var out: [String] = []
            var rest = s
            while let open = rest.firstIndex(of: "'"), let close = rest[rest.index(after: open)...].firstIndex(of: "'") {
                out.append(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            return out
        }
        // “Help:  <TARGET>  The target id” repeats an argument's English help: `help COMMAND` has it in Chinese.
        let lines = m.split(separator: "\n", omittingEmptySubsequences: false).filter { !String($0).trimmingSpaces().hasPrefix("Help:") }
        return lines.map { line -> String in
            let q = quoted(line)
            let l = String(line).trimmingSpaces()
            if l.hasPrefix("Unknown option"), let o = q.first {
                return "未知选项 \(o)" + (q.count > 1 ? "（是否指 \(q[1])？）" : "")
            }
            if l.hasPrefix("or: Missing value for"), let o = q.first { return "或：\(o) 缺少值" }
            if l.hasPrefix("Missing value for"), let o = q.first { return "\(o) 缺少值" }
            if l.hasPrefix("Missing expected argument"), let a = q.first { return a.hasPrefix("-") ? "缺少选项 \(a)" : "缺少参数 \(a)" }
            if l.hasPrefix("Missing one of:") { return "缺少其中之一：" + q.joined(separator: "、") }
            if l.hasPrefix("The value"), q.count >= 2 {
                let reason = l.components(separatedBy: "': ").dropFirst().last.map { "：\($0)" } ?? ""
                return "“\(q[0])”不是 \(q[1]) 的有效值" + reason
            }
            if l.hasPrefix("Unexpected argument"), let a = q.first { return "多余的参数“\(a)”" }
            if l.contains("unexpected arguments:") { return "多余的参数：" + q.joined(separator: "、") }
            if l.hasPrefix("The option"), q.count >= 2 { return "选项 \(q[0]) 不带值，却给了“\(q[1])”" }
            if l.hasPrefix("Missing required subcommand") { return "缺少子命令" }
            if l.hasPrefix("Invalid option:") { return "无效的选项：" + String(l.dropFirst("Invalid option:".count)).trimmingSpaces() }
            if l.hasPrefix("Usage:") {
                return "用法：" + String(l.dropFirst("Usage:".count)).trimmingSpaces().replacingOccurrences(of: "[<options>]", with: "[选项]")
                    .replacingOccurrences(of: "<subcommand>", with: "<命令>")
            }
            if l.hasPrefix("See '"), let c = q.first { return "  运行 \(c) 查看说明" }
            if l.hasPrefix("Error:") { return "error: " + chinese(String(l.dropFirst("Error:".count)).trimmingSpaces()) }
            return String(line)
        }.joined(separator: "\n")
    }
}
