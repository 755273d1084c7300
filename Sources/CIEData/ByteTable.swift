#if canImport(Glibc)
import Glibc
#endif

/// A hash table from short byte strings (a field as it is written in the file) to a small value: what a region
/// or indicator name already resolved to.
///
/// Written by hand because it sits on the per-row path of every load: a lookup hashes the field's bytes in place
/// and compares them with one stored copy, with no String built, no Unicode normalisation and no SipHash. A
/// `[String: …]` cache costs a String and a hash of it per field, several times what the rest of the row costs.
struct ByteTable<Value> {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var arena: [UInt8] = []
    private(set) var values: [Value] = []
    private var mask: Int

    init() {
        slots = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    var count: Int { values.count }

    /// A word at a time: eight bytes are mixed in one multiplication (a field of six to twenty bytes takes one to
    /// three), then the tail; a final mix makes the low bits (the slot) depend on every byte. Never reads past `n`.
    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var k = 0
        let raw = UnsafeRawPointer(p)
        while k + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            k += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        if n - k >= 4 {
            tail = UInt64(raw.loadUnaligned(fromByteOffset: k, as: UInt32.self))
            k += 4
            shift = 32
        }
        while k < n {
            tail |= UInt64(p[k]) << shift
            shift += 8
            k += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The value stored for these bytes.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Value? {
        index(p, n).map { values[$0] }
    }

    /// Where the value of these bytes is kept (`values[index]`), if they have one.
    @inline(__always) func index(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let h = ByteTable.hash(p, n)
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { return nil }
            if hashes[e] == h, holds(e, p, n) { return e }
            s = (s + 1) & mask
        }
    }

    /// Whether the entry at `e` (a `values` index) holds exactly these bytes (also a guessed entry, checked without
    /// hashing).
    @inline(__always) func holds(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        lengths[e] == n && arena.withUnsafeBufferPointer { $0.baseAddress.map { sameBytes($0 + starts[e], p, n) } ?? (n == 0) }
    }

    /// Stores a value for these bytes, replacing the one they had; returns where it is kept.
    @discardableResult
    mutating func set(_ p: UnsafePointer<UInt8>, _ n: Int, _ value: Value) -> Int {
        if let e = index(p, n) {
            values[e] = value
            return e
        }
        return insert(p, n, value)
    }

    /// Stores a value for these bytes (which must not be in the table yet); returns where it is kept.
    @discardableResult
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, _ value: Value) -> Int {
        if (values.count + 1) * 2 > slots.count { rehash(slots.count * 2) }
        let h = ByteTable.hash(p, n)
        let e = values.count
        hashes.append(h)
        starts.append(arena.count)
        lengths.append(n)
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        values.append(value)
        place(e, h)
        return e
    }

    private mutating func place(_ e: Int, _ h: UInt64) {
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(e)
    }

    private mutating func rehash(_ size: Int) {
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for e in values.indices { place(e, hashes[e]) }
    }

    mutating func removeAll() { self = ByteTable() }
}

/// Whether `n` bytes at `a` and `b` are the same, a word at a time, never reading past `n` (a name is a few
/// words: a call to memcmp costs more than the comparison).
@inline(__always) func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
    if n >= 8 {
        var k = 0
        while k + 8 < n {
            if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        // The last word ends at `n` (it may overlap the one before).
        return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n >= 4 {
        return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
            && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    for k in 0..<n where a[k] != b[k] { return false }
    return true
}
