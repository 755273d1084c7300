import ArgumentParser
import CIECore
import CIEReport

/// The help of the commands in Chinese (`help check`, `cie check --help` in a zh session). What is structural — the
/// usage line, which arguments and options a command has, their value names and defaults, the examples — is read from
/// the command's own definition (ArgumentParser's description of it, `CommandTable.describe`), so only the sentences
/// are written here, keyed by command and argument; a test fails when a command or an argument it displays has none.
enum ChineseHelp {
    struct Command {
        var abstract: String
        /// The discussion's prose (its examples are taken from the English definition).
        var notes: String = ""
        /// Argument texts by long option name (`year`) or positional value name (`REGION`), over `shared`.
        var arguments: [String: String] = [:]
    }

    /// The texts of the shared option groups (`GlobalOptions`, `ReportOptions`, `ListOptions`) and of `--help`.
    static let shared: [String: String] = [
        "data": "要载入的数据文件（可重复）",
        "policy": "政策：id、中文或英文名",
        "policy-file": "要载入的策略包文件夹（可重复；见 Docs/PolicyFormat.md）",
        "lang": "标签和消息的语言：zh 或 en",
        "no-color": "不用颜色（环境变量 NO_COLOR 亦同）",
        "quiet": "不显示载入提示（说明每个文件载入了什么的那些行）",
        "year": "评估年份（默认：政策辖区及其目标指标有数据的最近一年）",
        "format": "输出格式：table、json、csv、markdown、html、junit 或 xlsx（写文件时按扩展名）",
        "output": "写入此文件而不是标准输出，格式按扩展名（.csv .json .md .html .xml .xlsx .txt）",
        "force": "即使 --output 的文件是本会话载入的数据文件也覆盖它",
        "top": "只显示前 N 行（汇总仍计全部）",
        "version": "显示版本",
        "help": "显示帮助",
    ]

    static let commands: [String: Command] = [
        "cie": Command(
            abstract: "县域创新驱动发展评估：县级单位达到各省、市县域创新驱动发展政策目标的情况",
            notes: "不带命令时：标准输入和输出都是终端则进入交互界面（REPL），否则把标准输入当作脚本运行（cie < monthly.cie）。"
                + "不带命令时给的选项预先载入交互界面：cie --data 文件 --policy qinghai",
            arguments: ["command": "运行这些命令（用 ; 或换行分隔）后退出，如同脚本（同 sqlite3、duckdb 的 -c）"]),
        "help": Command(abstract: "列出命令，或显示一个命令的用法和例子", arguments: ["COMMAND": "命令"]),
        "load": Command(
            abstract: "载入数据文件；文件有任何错误则一个数值也不载入",
            notes: "格式：长表 CSV（地区、年份、指标、数值）、宽表 CSV（每个指标一列）、地区 CSV、JSON、Excel 工作簿（.xlsx）；UTF-8 或 GB18030。"
                + "能识别年鉴版式（标题行、单位行、注释、分节行、标签列）；规则猜不到的用 --map、--skip-column 或 文件.cie-map.yaml 说明，见 Docs/DataFormats.md。"
                + "展开 ~ 和通配符（* ? [...]）；files 列出已载入的文件，unload、reload 修改。",
            arguments: ["PATH": "要载入的文件", "quiet": "不显示载入提示（同全局的 --quiet）", "year": "没有年份列的文件的年份（默认：标题中的年份）", "sheet": "Excel 工作簿中要读的工作表（默认：第一个有数据的）", "map": "某列是什么：列名=指标 或 列名=角色（region、year、province、prefecture、code、name、unit）（可重复）", "skip-column": "忽略的列（可重复）", "skip-bad-rows": "载入正确的行，把有问题的行放在一边（rejects 查看）", "only-jurisdiction": "只保留当前政策辖区内的行，其余计数而不报错", "province": "只保留这个省或地级的行，其余计数而不报错"]),
        "files": Command(abstract: "已载入的文件：路径、类型、编码、数值个数、年份、新增地区"),
        "rejects": Command(abstract: "用 --skip-bad-rows 载入时被拒的行：文件、行号、问题、原内容",
                           notes: "export rejects.csv 把它们写入文件；修正后用 reload 重新载入。"),
        "unload": Command(abstract: "移除一个已载入文件的数值（及其声明的地区）；unload all 全部移除",
                          notes: "其余文件按其现状重新读入。", arguments: ["FILE": "已载入的文件（同 files 所列），或 all"]),
        "reload": Command(abstract: "重新读入已载入的文件（全部或指定的）：改正后的文件替换它自己的数值",
                          notes: "数值只与其他文件的冲突，不与同一文件先前的版本冲突。", arguments: ["FILE": "已载入的文件（默认：全部）"]),
        "regions": Command(
            abstract: "列出单位：代码、名称、地级、省、类型、年份、分组；或一个单位的沿革",
            notes: "载入数据后列出有数值的单位（及地区文件声明的）；未载入数据或用 --all 时列出地区表的全部单位（1981—2024 年全国各级区划及统计上的功能区）。"
                + "--year 列出该年存在的单位，用该年的代码和名称。",
            arguments: ["province": "只列这个省的单位", "prefecture": "只列这个地级（或省）的单位",
                        "type": "只列这一类：district、county、city、banner、zone（区、县、市、旗、功能区）",
                        "year": "只列该年存在的单位，用当年的名称", "history": "一个单位的存续年份、名称、代码、所属地级及变更，附批准文件",
                        "all": "列出地区表的全部单位，而不只是有数据的"]),
        "indicators": Command(abstract: "指标目录，及每个指标已载入的数值个数", arguments: ["loaded": "只列已有数值的指标"]),
        "show": Command(abstract: "一个单位各年的数值", notes: "地级、省等区域显示为它给出的数值，否则为其下属单位之和。",
                        arguments: ["REGION": "单位：代码、全称或简称", "INDICATOR": "要显示的指标（默认：全部有数值的）"]),
        "policies": Command(abstract: "列出策略包及其来源：内置、--policy-file、$CIE_POLICY_PATH 和 $XDG_DATA_HOME/cie/policies"),
        "load-policy": Command(abstract: "载入一个策略包（含 policy.yaml 的文件夹），再用 use 选用",
                               notes: "有任何问题的策略包一项也不载入；cie policy lint 路径 检查它。", arguments: ["PATH": "策略包所在的文件夹"]),
        "use": Command(abstract: "选择当前政策（id、中文或英文名）", arguments: ["POLICY": "政策：qinghai、青海、Qinghai…"]),
        "targets": Command(abstract: "当前（或指定）政策的目标", arguments: ["POLICY": "政策（默认：--policy，或交互界面中的当前政策）"]),
        "explain": Command(abstract: "目标的出处、原文、条件、范围和所需指标", arguments: ["TARGET": "目标编号（如 QH-06）"]),
        "check": Command(
            abstract: "用已载入的数据评估政策目标；不指定地区即全部；--status not_met 查看未达标",
            notes: "退出码：0 约束性、力争目标全部达标或进度达标；1 有未达标或进度滞后；3 无未达标但有数据不足；2 输入或用法错误、辖区该年没有数据，或有出错的结果。",
            arguments: ["REGION": "要评估的地区（代码或名称）；不指定即全部",
                        "region": "只评估这个地区，或这个地级的各单位（可重复）", "target": "只评估这个目标（可重复）",
                        "status": "只列这种状态的结果（可重复）：met、not_met、on_track、off_track、no_data、not_applicable、error，或其中文名"]),
        "review": Command(
            abstract: "运行政策的一个审查器（合规、得分、否决、资金）",
            notes: "每次审查都列出方法。审查器只接受其类型声明的选项（evaluation 的 --weights、--excellent、--runs、--seed；allocation 的 --pool），"
                + "生成的文档列出它们，Tab 补全，其他选项一律拒绝。--top N 与别处一样，只显示前 N 行。",
            arguments: ["REVIEWER": "审查器 id（默认：compliance）",
                        "OPTIONS": "审查器自己的选项（--weights、--excellent、--runs、--seed、--pool…）"]),
        "rank": Command(
            abstract: "按一个指标对单位排序",
            notes: "单位为 --prefecture 的，否则为当前政策辖区的，否则为全部有数据的。并列同名次（1、2、2、4）。年份默认为该指标有数值的最近一年。",
            arguments: ["INDICATOR": "指标：id 或中文名", "prefecture": "只排这个地级的单位", "year": "年份（默认：有数值的最近一年）",
                        "ascending": "从小到大"]),
        "set": Command(abstract: "查看或修改设置：year、format、lang、color、policy",
                       notes: "只输入 set 显示全部设置。set year latest 恢复为数据中的最近一年。",
                       arguments: ["KEY": "year、format、lang、color 或 policy", "VALUE": "新的值"]),
        "export": Command(abstract: "把上一个结果写入文件，格式按扩展名",
                          notes: ".json .csv .md .html .xlsx（JUnit 用 .xml，表格用 .txt）。CSV 文件带 BOM 和 CRLF，Excel 可直接打开。"
                              + "文件要么完整写成，要么不写；本会话载入的数据文件不加 --force 不会被覆盖。",
                          arguments: ["PATH": "要写的文件", "force": "即使该文件是本会话载入的数据文件也覆盖它"]),
        "report": Command(
            abstract: "把一次 check 和当前政策的全部审查器写进一个文件（.html .xlsx .md .json）",
            notes: "HTML 报告是单个文件：概况、单位×目标热力图、每个目标的条款原文与图表、审查结果，可打印为 A4；"
                + "Excel 工作簿有 摘要、结果、每个审查器一张、目标 各表。审查器用其默认选项。",
            arguments: ["PATH": "要写的文件（格式按扩展名）", "output": "要写的文件（同 PATH）", "year": "评估年份（默认：政策辖区有数据的最近一年）"]),
        "expect": Command(
            abstract: "上一次 check 的结果不是该状态则失败（脚本自测）",
            notes: "状态为 id 或中文名：met 达标、not_met 未达标、on_track、off_track、no_data、not_applicable、error。全辖区的目标用省名（青海省），地级的用地级名。",
            arguments: ["TARGET": "目标编号", "REGION": "结果所属的地区", "STATUS": "期望的状态"]),
        "source": Command(abstract: "在会话中运行一个脚本文件（其中的相对路径从脚本所在文件夹算起）",
                          notes: "错误报告在脚本自己的行号上；会话保留它载入和设置的一切。", arguments: ["SCRIPT": "脚本"]),
        "validate": Command(abstract: "检查文件并报告所有问题，不载入", notes: "所有文件都没有错误时退出码为 0，有错误时为 2。",
                            arguments: ["FILE": "要检查的文件", "all": "列出全部问题（默认每个文件只列前 20 条）", "year": "没有年份列的文件的年份（默认：标题中的年份）", "sheet": "Excel 工作簿中要读的工作表（默认：第一个有数据的）", "map": "某列是什么：列名=指标 或 列名=角色（region、year、province、prefecture、code、name、unit）（可重复）", "skip-column": "忽略的列（可重复）", "skip-bad-rows": "载入正确的行，把有问题的行放在一边（rejects 查看）", "only-jurisdiction": "只保留当前政策辖区内的行，其余计数而不报错", "province": "只保留这个省或地级的行，其余计数而不报错"]),
        "clear": Command(abstract: "清屏（只在交互界面；脚本不受影响）"),
        "quit": Command(abstract: "退出（保留历史）；也可 exit 或 Ctrl-D"),
        "run": Command(abstract: "依次运行脚本文件（交互界面的语言，一行一条命令）",
                       arguments: ["SCRIPT": "脚本文件", "bail": "遇到第一条失败的命令即停止", "echo": "在结果前打印每条命令"]),
        "policy": Command(abstract: "编写和检查策略包：生成骨架、检查、运行其例子和样例，由原文草拟"),
        "policy new": Command(
            abstract: "生成策略包骨架：含一个目标及其例子的 policy.yaml、原文文件、样例脚本",
            notes: "占位符（TODO）按文件原文填好后才能通过检查：这是下一步。",
            arguments: ["ID": "策略包 id：小写字母、数字、连字符（sichuan）", "name": "辖区的中文名（四川省）", "region": "辖区的区划代码（510000）",
                        "dir": "写入策略包的文件夹（默认：当前文件夹）", "prefix": "目标编号前缀（默认：id 各拼音音节的首字母：sichuan → SC，inner-mongolia → IM）"]),
        "policy lint": Command(abstract: "检查策略包：声明、地区、引文与原文是否一致、例子的覆盖、占位符",
                               notes: "没有策略包有错误时退出码为 0（警告照常打印），有错误时为 1，用法错误为 2。", arguments: ["PATH": "策略包文件夹"]),
        "policy test": Command(abstract: "运行策略包的例子及其样例脚本（其中的 expect 行）",
                               notes: "每个例子单独用它自己的数据评估；样例脚本在载入该策略包的新会话中运行（相对路径从脚本所在文件夹算起）。全部通过时退出码为 0，有失败时为 1。",
                               arguments: ["PATH": "策略包文件夹", "verbose": "同时打印样例脚本的输出"]),
        "policy draft": Command(
            abstract: "由政策文件原文草拟策略包：找出每一项可核查的承诺，注明出处，提出条件供审核",
            notes: "读入原文（UTF-8 或 GB18030，网页或 PDF 抓取的均可），为每句可核查的承诺提出条件、指标、范围、期限和强度，并说明依据的字词（explain 可看）。每个目标都标为 draft: true，逐一确认或删去之前 cie policy lint 不通过。命令行中写入 --out（默认：以 id 命名的文件夹）；交互界面中仅在给出 --out 时写入，并把草拟的策略包载入会话（explain、use）。--compare 与同一文件已完成的策略包比较（召回、精确、各部分一致率）。--force 覆盖文件夹中已有的 policy.yaml 和 text.txt。",
            arguments: draftArguments),
        "draft": Command(
            abstract: "由政策文件原文草拟策略包，列出提议供审核（同 cie policy draft）",
            notes: "交互界面中仅在给出 --out 时写出文件；草拟的策略包载入本会话：explain 编号 查看每项提议依据的字词，use 选用。",
            arguments: draftArguments),
        "generate-docs": Command(abstract: "打印一个策略包生成的文档页", arguments: ["policy-name": "政策 id"]),
    ]

    /// `draft` and `policy draft` are one command (DraftCommand).
    static let draftArguments = [
        "TEXT": "政策文件原文", "id": "策略包 id（默认：draft-区划代码）", "region": "正文未写明时的辖区：区划代码或名称（510000、四川省）",
        "prefix": "目标编号前缀（默认：由 id 生成，与 policy new 相同；draft-代码 时为 DR）", "out": "写入策略包的文件夹",
        "compare": "用来比较的已完成策略包（同一文件）：召回、精确和各部分一致率",
    ]

    /// The one-line summary of a command (the `help` list).
    static func abstract(_ path: String) -> String? { commands[path]?.abstract }

    /// The text of an argument of a command: its own, else the shared one.
    static func text(of argument: CommandTable.Argument, in path: String) -> String? {
        guard let key = argument.key else { return nil }
        return commands[path]?.arguments[key] ?? shared[key]
    }

    /// The examples of a command's English discussion: the indented lines under “Example(s):”, or the rest of its line.
    static func examples(_ discussion: String) -> [String] {
        var out: [String] = []
        var inExamples = false
        for line in discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingSpaces()
            if trimmed.hasPrefix("Example:") || trimmed.hasPrefix("Examples:") {
                let rest = String(trimmed[trimmed.index(after: trimmed.firstIndex(of: ":")!)...]).trimmingSpaces()
                if !rest.isEmpty { out.append(rest) }
                inExamples = true
            } else if inExamples, line.hasPrefix(" "), !trimmed.isEmpty {
                out.append(trimmed)
            } else {
                inExamples = false
            }
        }
        return out
    }

    /// The help of a command in Chinese. `path`: its words (`check`, `policy new`); `prefix`: `cie ` on the command
    /// line, empty in the REPL.
    static func help(for type: any ParsableCommand.Type, path: String, prefix: String, columns: Int) -> String {
        let entry = commands[path]
        let arguments = CommandTable.describe(type).filter(\.shouldDisplay)
        var out = [(prefix + path) + "：" + (entry?.abstract ?? type.configuration.abstract), ""]
        out.append("用法：" + prefix + usage(path, arguments, subcommands: !type.configuration.subcommands.isEmpty))
        func section(_ title: String, _ rows: [(String, String)]) {
            guard !rows.isEmpty else { return }
            out += ["", title]
            let width = min(28, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
            for (left, right) in rows {
                let lines = DisplayWidth.wrap(right, to: max(20, columns - width - 6))
                if DisplayWidth.of(left) > width {
                    out.append("  " + left)
                    out += lines.map { "  " + String(repeating: " ", count: width) + "  " + $0 }
                } else {
                    out.append("  " + DisplayWidth.pad(left, to: width) + "  " + (lines.first ?? ""))
                    out += lines.dropFirst().map { "  " + String(repeating: " ", count: width) + "  " + $0 }
                }
            }
        }
        let subcommands = type.configuration.subcommands.map { sub -> (String, String) in
            let name = sub.configuration.commandName ?? ""
            return (name, commands[path == "cie" ? name : path + " " + name]?.abstract ?? sub.configuration.abstract)
        }
        section("命令：", subcommands)
        section("参数：", arguments.filter { $0.kind == "positional" }.map { a in
            ("<\(a.valueName ?? "")>" + (a.isRepeating ? " ..." : ""), text(of: a, in: path) ?? a.abstract ?? "")
        })
        section("选项：", arguments.filter { $0.kind != "positional" }.map { a in
            var text = text(of: a, in: path) ?? a.abstract ?? ""
            if let values = a.allValues, !values.isEmpty, !text.contains(values[0]) { text += "（可选：\(values.joined(separator: "、"))）" }
            if let d = a.defaultValue, !d.isEmpty, a.kind == "option", !text.contains("默认") { text += "（默认：\(d)）" }
            return (a.spelled, text)
        })
        if let notes = entry?.notes, !notes.isEmpty {
            out += ["", "说明："] + DisplayWidth.wrap(notes, to: max(20, columns - 4)).map { "  " + $0 }
        }
        let examples = examples(type.configuration.discussion)
        if !examples.isEmpty { out += ["", "例子："] + examples.map { "  " + $0 } }
        return out.joined(separator: "\n")
    }

    /// `check [<REGION> ...] [选项]`.
    static func usage(_ path: String, _ arguments: [CommandTable.Argument], subcommands: Bool) -> String {
        var parts = [path]
        if arguments.contains(where: { $0.kind != "positional" && $0.key != "help" && $0.key != "version" }) { parts.append("[选项]") }
        for a in arguments where a.kind == "positional" {
            var w = "<\(a.valueName ?? "")>" + (a.isRepeating ? " ..." : "")
            if a.isOptional { w = "[\(w)]" }
            parts.append(w)
        }
        if subcommands { parts.append(path == "cie" ? "[<命令>]" : "<命令>") }
        return parts.joined(separator: " ")
    }
}
