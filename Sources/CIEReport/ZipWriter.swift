import CZlib

/// A ZIP archive written in memory, for an .xlsx workbook: each member deflated in one zlib call (raw deflate, as
/// ZIP holds it), or stored when deflating does not make it smaller; CRC-32 by zlib; UTF-8 names (general purpose
/// bit 11); every member dated 1980-01-01 00:00 (the DOS epoch), so the same members make the same bytes.
///
/// Written by hand rather than with ZIPFoundation, which the project dropped (its manifest warned on every clean build):
/// the reader (`ZipArchive` in Sources/CIEData/XLSX.swift) is on the same system zlib, and a writer of stored and
/// deflated members is a local header, the data and a central directory entry per member, and an end record.
/// No ZIP64: an archive past 4 GiB or 65,534 members is refused with `Problem`, not written damaged.
struct ZipWriter {
    enum Problem: Error, Equatable {
        /// More members than the end record counts without ZIP64 (0xFFFF marks a ZIP64 archive).
        case tooManyMembers
        /// The member would put a size or an offset past 4 GiB (0xFFFF_FFFF marks ZIP64).
        case tooLarge(String)
        /// A name longer than a header's 16-bit length.
        case nameTooLong(String)
    }

    static let maximumMembers = 0xFFFE
    /// Sizes and offsets stay below it.
    static let limit = 0xFFFF_FFFF

    /// zlib's level: 6, its default. On a sheet of 10,000 rows (8.5 MB of XML) it is 6% larger than 9 in a fifth of
    /// the time, and 23% smaller than 1.
    var level: Int32 = 6
    /// Local headers and data, member after member.
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private(set) var count = 0

    /// Adds a member; on a problem the archive is left as it was.
    mutating func add(_ name: String, _ bytes: [UInt8]) throws(Problem) {
        let nameBytes = Array(name.utf8)
        guard count < Self.maximumMembers else { throw .tooManyMembers }
        guard nameBytes.count <= 0xFFFF else { throw .nameTooLong(name) }
        let offset = body.count
        guard bytes.count < Self.limit, offset < Self.limit else { throw .tooLarge(name) }
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        let deflated = Self.deflated(bytes, level: level)
        let method: UInt16 = deflated == nil ? 0 : 8
        let size = deflated?.count ?? bytes.count
        guard offset + 30 + nameBytes.count + size < Self.limit else { throw .tooLarge(name) }

        // The fields a local header and its central directory entry share, from "version needed" to the name's length.
        var common: [UInt8] = []
        common.reserveCapacity(26)
        Self.put16(20, &common)  // version needed: 2.0 (deflate)
        Self.put16(0x0800, &common)  // general purpose: bit 11, the name is UTF-8
        Self.put16(method, &common)
        Self.put16(0, &common)  // time 00:00:00
        Self.put16(1 << 5 | 1, &common)  // date 1980-01-01
        Self.put32(crc, &common)
        Self.put32(UInt32(size), &common)
        Self.put32(UInt32(bytes.count), &common)
        Self.put16(UInt16(nameBytes.count), &common)
        Self.put16(0, &common)  // extra field length

        Self.put32(0x0403_4B50, &body)
        body += common
        body += nameBytes
        if let deflated { body += deflated } else { body += bytes }

        Self.put32(0x0201_4B50, &directory)
        Self.put16(20, &directory)  // version made by: MS-DOS, 2.0 (no Unix permissions)
        directory += common
        Self.put16(0, &directory)  // comment length
        Self.put16(0, &directory)  // disk
        Self.put16(0, &directory)  // internal attributes
        Self.put32(0, &directory)  // external attributes
        Self.put32(UInt32(offset), &directory)
        directory += nameBytes
        count += 1
    }

    /// The archive: the members, the central directory, the end record.
    func archive() throws(Problem) -> [UInt8] {
        guard body.count < Self.limit, directory.count < Self.limit, body.count + directory.count + 22 <= Self.limit else {
            throw .tooLarge("central directory")
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + directory.count + 22)
        out += body
        out += directory
        Self.put32(0x0605_4B50, &out)
        Self.put16(0, &out)  // this disk
        Self.put16(0, &out)  // the directory's disk
        Self.put16(UInt16(count), &out)
        Self.put16(UInt16(count), &out)
        Self.put32(UInt32(directory.count), &out)
        Self.put32(UInt32(body.count), &out)
        Self.put16(0, &out)  // comment length
        return out
    }

    /// The raw deflate stream of `bytes` in one call into a buffer of zlib's bound; nil when it is no smaller (then
    /// the member is stored) or zlib fails.
    static func deflated(_ bytes: [UInt8], level: Int32) -> [UInt8]? {
        guard !bytes.isEmpty else { return nil }
        var stream = z_stream()
        guard cie_deflate_init_raw(&stream, level) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        guard bound <= Int(UInt32.max) else { return nil }
        var finished = false
        let out = bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: bound) { output, written in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(bound)
                finished = deflate(&stream, Z_FINISH) == Z_STREAM_END
                written = finished ? Int(stream.total_out) : 0
            }
        }
        return finished && out.count < bytes.count ? out : nil
    }

    private static func put16(_ v: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    private static func put32(_ v: UInt32, _ out: inout [UInt8]) {
        put16(UInt16(truncatingIfNeeded: v), &out)
        put16(UInt16(truncatingIfNeeded: v >> 16), &out)
    }
}
