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
    public static func decode(_ bytes: [UInt8], file: String) -> Result<([UInt8], TextEncoding), LoadFailure> {
        func fail(_ line: Int, _ column: Int, _ message: String) -> Result<([UInt8], TextEncoding), LoadFailure> {
            .failure(LoadFailure([Diagnostic(file: file, line: line, column: column, message)]))
        }
        var body = bytes[...]
        var encoding = TextEncoding.utf8
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            encoding = .utf8BOM
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return fail(1, 1, "empty file: it holds no header and no data; check the path, or export the sheet again")
        }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return fail(1, 1, "UTF-16 text is not supported: save the file as UTF-8 (Excel: CSV UTF-8) and load it again")
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return fail(line, column, "binary file (a NUL byte at byte \(nul + 1)): cie reads CSV and JSON text; export the data as CSV")
        }
        if validUTF8(body) { return .success((Array(body), encoding)) }
        if let converted = iconvToUTF8(Array(body), from: "GB18030") { return .success((converted, .gb18030)) }
        let bad = firstInvalidUTF8(body) ?? body.startIndex
        let (line, column) = position(of: bad, in: bytes)
        return fail(line, column, "not UTF-8 or GB18030 text: save the file as UTF-8 and load it again")
    }

    static func validUTF8(_ bytes: ArraySlice<UInt8>) -> Bool { firstInvalidUTF8(bytes) == nil }

    /// The index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let n: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { n = 1 } else if b & 0xF0 == 0xE0 { n = 2 } else if b & 0xF8 == 0xF0, b <= 0xF4 { n = 3 } else { return i }
            for k in 1...n where i + k >= end || bytes[i + k] & 0xC0 != 0x80 { return i }
            i += n + 1
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset.
    public static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    static func iconvToUTF8(_ input: [UInt8], from encoding: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let written: Int? = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 || inLeft != 0 ? nil : dst.count - outLeft
            }
        }
        guard let written else { return nil }
        output.removeSubrange(written...)
        return output
    }
}
