// libFuzzer harness: the .xlsx reader (Sources/CIEData/XLSX.swift: the ZIP directory, inflating, the XML scanner,
// shared strings, styles, merged cells, a sheet as CSV) and the loader on .xlsx bytes.
//
// Two kinds of input:
//   - bytes that start with "PK\3\4" are a workbook as it is (the seeds are the samples' yearbooks): the ZIP layer;
//   - anything else is the XML of a workbook's parts separated by NUL bytes, which the harness packs into a ZIP
//     archive (stored members, right CRCs) so that the mutations reach the XML instead of breaking the deflate
//     stream: sheet1.xml NUL sharedStrings.xml NUL styles.xml NUL workbook.xml NUL workbook.xml.rels; a part not
//     given is left out (sheet1.xml, workbook.xml and its rels get a default naming one sheet 县市).
// Each workbook is read as `validate` and `load` read it: every sheet's rows, then the loader's choice of sheet.
import CIECore
@testable import CIEData
import CZlib

private let defaultWorkbook = Array("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="县市" sheetId="1" r:id="rId1"/></sheets></workbook>
    """.utf8)
private let defaultRelations = Array("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
    """.utf8)

/// A ZIP archive of stored members.
func storedZip(_ members: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = [], directory: [UInt8] = []
    func u16(_ v: Int, _ to: inout [UInt8]) { to += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func u32(_ v: Int, _ to: inout [UInt8]) { u16(v & 0xFFFF, &to); u16(v >> 16 & 0xFFFF, &to) }
    for (name, bytes) in members {
        let n = Array(name.utf8)
        let crc = bytes.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, UInt32($0.count))) }
        let offset = out.count
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
        u32(crc, &out); u32(bytes.count, &out); u32(bytes.count, &out); u16(n.count, &out); u16(0, &out)
        out += n
        out += bytes
        u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0, &directory); u16(0, &directory)
        u16(0, &directory); u16(0, &directory); u32(crc, &directory); u32(bytes.count, &directory); u32(bytes.count, &directory)
        u16(n.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
        u32(0, &directory); u32(offset, &directory)
        directory += n
    }
    let start = out.count
    out += directory
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(members.count, &out); u16(members.count, &out)
    u32(directory.count, &out); u32(start, &out); u16(0, &out)
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !(size >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04) {
        let parts = bytes.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false).map(Array.init)
        func part(_ k: Int) -> [UInt8]? { k < parts.count ? parts[k] : nil }
        var members: [(String, [UInt8])] = [("xl/worksheets/sheet1.xml", part(0) ?? [])]
        if let s = part(1) { members.append(("xl/sharedStrings.xml", s)) }
        if let s = part(2) { members.append(("xl/styles.xml", s)) }
        members.append(("xl/workbook.xml", part(3) ?? defaultWorkbook))
        members.append(("xl/_rels/workbook.xml.rels", part(4) ?? defaultRelations))
        bytes = storedZip(members)
    }

    if let book = try? Workbook(bytes: bytes) {
        for sheet in book.sheets.prefix(8) {
            _ = try? book.rows(of: sheet)
            _ = try? book.rows(of: sheet, limit: 3)
            _ = try? book.sheet(named: sheet.name)
        }
        _ = try? book.firstTable()
    }
    var loader = freshLoader()
    let result = loader.load(bytes: bytes, name: "fuzz.xlsx")
    render(result)
    say(outcome(result).split(separator: "\n").prefix(3).joined(separator: " | "))
    return 0
}
