import CIECore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encoding a file was read in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"
}

/// Turns file bytes into UTF-8 bytes: UTF-8 with or without BOM as is; otherwise GB18030/GBK (what Excel writes
/// on Chinese Windows) through glibc's iconv. Refuses empty and binary files.
public enum TextDecoding {
    /// Decodes an array (headers sniffed by the loader, tests).
    public static func decode(_ bytes: [UInt8], file: String) -> Result<([UInt8], TextEncoding), LoadFailure> {
        decode(FileBytes(bytes), file: file).map { (Array($0.0.bytes), $0.1) }
    }

    /// Decodes a file's bytes: the same object, past its BOM, when it is UTF-8 (no copy); a converted copy when it
    /// is GB18030. The check reads all of `file.bytes` once: for a file opened by its head, the head (the two-core
    /// path's workers check the rest, block by block, with `scanOneCore`).
    public static func decode(_ file: FileBytes, file name: String) -> Result<(FileBytes, TextEncoding), LoadFailure> {
        func fail(_ line: Int, _ column: Int, zh: String, en: String) -> Result<(FileBytes, TextEncoding), LoadFailure> {
            .failure(LoadFailure([Diagnostic(file: name, line: line, column: column, LocalizedText(zh: zh, en: en))]))
        }
        let all = file.bytes
        var encoding = TextEncoding.utf8
        var bomLength = 0
        if all.starts(with: [0xEF, 0xBB, 0xBF]) {
            bomLength = 3
            encoding = .utf8BOM
        }
        let body = UnsafeBufferPointer(rebasing: all[bomLength...])
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return fail(1, 1, zh: "空文件：既没有表头也没有数据；请检查路径，或重新导出工作表",
                        en: "empty file: it holds no header and no data; check the path, or export the sheet again")
        }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return fail(1, 1, zh: "不支持 UTF-16 文本：请把文件另存为 UTF-8（Excel：CSV UTF-8）后重新载入",
                        en: "UTF-16 text is not supported: save the file as UTF-8 (Excel: CSV UTF-8) and load it again")
        }
        let scan = scanUTF8(body)
        if let nul = scan.nul {
            let (line, column) = position(of: bomLength + nul, in: all)
            return fail(line, column, zh: "二进制文件（第 \(bomLength + nul + 1) 个字节是 NUL）：cie 读取的是 CSV 和 JSON 文本；请把数据导出为 CSV",
                        en: "binary file (a NUL byte at byte \(bomLength + nul + 1)): cie reads CSV and JSON text; export the data as CSV")
        }
        guard let bad = scan.invalid else {
            file.dropPrefix(bomLength)
            file.mayHoldQuotes = scan.quote
            return .success((file, encoding))
        }
        let gb = iconvToUTF8(body, from: "GB18030")
        if let converted = gb.output { return .success((FileBytes(converted), .gb18030)) }
        // Where the text stops being either: the later of where UTF-8 and GB18030 stop (a GB18030 file whose last
        // character is cut is reported there, not at its first Chinese character; a UTF-8 file with one stray
        // byte, at that byte).
        let (line, column) = position(of: bomLength + max(bad, gb.stoppedAt), in: all)
        return fail(line, column, zh: "既不是 UTF-8 也不是 GB18030 文本：请把文件另存为 UTF-8 后重新载入",
                    en: "not UTF-8 or GB18030 text: save the file as UTF-8 and load it again")
    }

    /// `scanOneCore` over a large text on both cores: the halves are cut at a byte that starts a character, and
    /// the first half's findings come first (a NUL or a bad byte of the first half is the file's first).
    static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (nul: Int?, invalid: Int?, quote: Bool) {
        guard bytes.count >= 1 << 20, ProcessInfo.processInfo.activeProcessorCount > 1, let p = bytes.baseAddress else { return scanOneCore(bytes) }
        var cut = bytes.count / 2
        while cut < bytes.count, p[cut] & 0xC0 == 0x80, cut < bytes.count / 2 + 4 { cut += 1 }
        let halves = [UnsafeBufferPointer(start: p, count: cut), UnsafeBufferPointer(start: p + cut, count: bytes.count - cut)]
        let found = concurrently(2) { scanOneCore(halves[$0]) }
        let (a, b) = (found[0], found[1])
        // A NUL ends the scan where it is: the second half's findings count only when the first has none.
        if let nul = a.nul { return (nul, a.invalid, a.quote) }
        return (b.nul.map { $0 + cut }, a.invalid ?? b.invalid.map { $0 + cut }, a.quote || b.quote)
    }

    /// The offsets of the first NUL byte and of the first byte that does not start or continue a valid UTF-8
    /// sequence. Written by hand because it reads every byte of every load: eight ASCII bytes are checked at once.
    static func scanOneCore(_ bytes: UnsafeBufferPointer<UInt8>) -> (nul: Int?, invalid: Int?, quote: Bool) {
        guard let p = bytes.baseAddress else { return (nil, nil, false) }
        let end = bytes.count
        var invalid: Int?
        var quote = false
        var i = 0
        while i < end {
            // Fast path: eight bytes that are all ASCII and none NUL.
            if i + 8 <= end {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                let high = w & 0x8080_8080_8080_8080
                let zero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                // Quotes matter until the first is found (a JSON file has them everywhere).
                let q = w ^ 0x2222_2222_2222_2222
                let quotes = quote ? 0 : (q &- 0x0101_0101_0101_0101) & ~q & 0x8080_8080_8080_8080
                if high == 0 && zero == 0 && quotes == 0 {
                    i += 8
                    continue
                }
            }
            let b = p[i]
            if b == 0 { return (i, invalid, quote) }
            if b == 0x22 { quote = true }
            if b < 0x80 || invalid != nil {
                i += 1
                continue
            }
            let n: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { n = 1 } else if b & 0xF0 == 0xE0 { n = 2 } else if b & 0xF8 == 0xF0, b <= 0xF4 { n = 3 } else {
                invalid = i
                i += 1
                continue
            }
            var ok = true
            for k in 1...n where i + k >= end || p[i + k] & 0xC0 != 0x80 { ok = false }
            if !ok {
                invalid = i
                i += 1
                continue
            }
            i += n + 1
        }
        return (nil, invalid, quote)
    }

    /// 1-based line and column (in characters) of a byte offset.
    public static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    public static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        bytes.withUnsafeBufferPointer { position(of: offset, in: $0) }
    }

    /// The text converted to UTF-8, or nil and the offset where the conversion stopped (a byte that is not of the
    /// encoding, or a sequence cut at the end).
    static func iconvToUTF8(_ input: UnsafeBufferPointer<UInt8>, from encoding: String) -> (output: [UInt8]?, stoppedAt: Int) {
        guard !input.isEmpty else { return ([], 0) }
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return (nil, 0) }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = Array(input)
        let (written, left): (Int?, Int) = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return (r == -1 || inLeft != 0 ? nil : dst.count - outLeft, inLeft)
            }
        }
        guard let written else { return (nil, input.count - left) }
        output.removeSubrange(written...)
        return (output, input.count)
    }
}
