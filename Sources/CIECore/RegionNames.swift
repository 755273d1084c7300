/// The short names a division answers to, derived from its full name — the rules `Scripts/generate_regions.py`
/// applies to the shipped table, for units a regions file declares (a test checks that both give the same names for
/// every shipped record).
public enum RegionNames {
    /// The 55 recognised minorities as autonomous names write them (with 族, and the forms some names use without
    /// it), and 各族; longest first, so that 蒙古族 is stripped before 古族 could be.
    static let ethnic: [String] = {
        let groups = "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 "
            + "仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
        let names = Set(groups.split(separator: " ").map { $0 + "族" } + ["蒙古", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "鄂伦春", "维吾尔", "各族"])
        return names.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }()

    /// 大通回族土族 → 大通: ethnic names dropped from the end while two characters or more are left.
    static func stripEthnic(_ stem: String) -> String {
        var s = stem
        var changed = true
        while changed {
            changed = false
            for e in ethnic where s.hasSuffix(e) && s.count - e.count >= 2 {
                s.removeLast(e.count)
                changed = true
            }
        }
        return s
    }

    /// Short names of a name of that type; `~` marks a bare stem (大通), which ranks below full and suffixed names.
    public static func aliases(of name: String, type: RegionType) -> [String] {
        switch type {
        case .province: return province(name)
        case .prefecture: return prefecture(name)
        case .zone: return zone(name)
        case .district, .county, .city, .banner: return county(name)
        }
    }

    /// 大通回族土族自治县 → 大通县, ~大通; 湟源县 → ~湟源; 鄂伦春自治旗 → 鄂伦春旗, ~鄂伦春; 浦东新区 → ~浦东.
    static func county(_ name: String) -> [String] {
        for suffix in ["自治县", "自治旗"] where name.hasSuffix(suffix) {
            let stem = String(name.dropLast(suffix.count))
            var short = stripEthnic(stem)
            if short == stem, stem.hasSuffix("族"), stem.count >= 3 { short = String(stem.dropLast()) }  // 鄂温克族 → 鄂温克
            return [short + String(suffix.last!), "~" + short]
        }
        for suffix in ["林区", "特区", "新区", "矿区", "县", "市", "区", "旗"] where name.hasSuffix(suffix) {
            let stem = name.dropLast(suffix.count)
            // 阿拉善左旗 has no stem worth the name (阿拉善左).
            if stem.count >= 2, !(suffix == "旗" && "左右中前后".contains(stem.last!)) { return ["~" + stem] }
            return []
        }
        return []
    }

    /// 海西蒙古族藏族自治州 → 海西州, ~海西; 西宁市 → ~西宁; 海东地区 → ~海东; 锡林郭勒盟 → ~锡林郭勒.
    static func prefecture(_ name: String) -> [String] {
        if name.hasSuffix("自治州") {
            let short = stripEthnic(String(name.dropLast(3)))
            return [short + "州", "~" + short]
        }
        for suffix in ["地区", "市", "盟", "州"] where name.hasSuffix(suffix) && name.count - suffix.count >= 2 {
            return ["~" + name.dropLast(suffix.count)]
        }
        return []
    }

    /// 广西壮族自治区 → 广西; 北京市 → 北京; 香港特别行政区 → 香港. Not a stem: a province's short name ranks with
    /// suffixed names, above the stems of prefectures and counties (吉林 is 吉林省 before 吉林市).
    static func province(_ name: String) -> [String] {
        for suffix in ["特别行政区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
            var stem = String(name.dropLast(suffix.count))
            if suffix == "自治区", stem != "内蒙古" { stem = stripEthnic(stem) }
            return stem == name ? [] : [stem]
        }
        return []
    }

    /// 长春高新技术产业开发区 → 长春高新区; 大柴旦行政委员会 → 大柴旦行委, ~大柴旦.
    static func zone(_ name: String) -> [String] {
        let forms: [(String, String)] = [("高新技术产业开发区", "高新区"), ("高新技术产业园区", "高新区"), ("高新技术开发区", "高新区"),
                                         ("经济技术开发区", "经开区"), ("行政委员会", "行委"), ("管理区管委会", "管理区")]
        for (long, short) in forms where name.hasSuffix(long) {
            let stem = String(name.dropLast(long.count))
            return [stem + short] + (short == "行委" ? ["~" + stem] : [])
        }
        return []
    }
}
