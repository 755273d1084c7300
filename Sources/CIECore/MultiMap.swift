/// A map from strings to several values, keyed by their UTF-8 bytes.
///
/// Written by hand because the region table builds one of 17,000 names and one of 6,800 codes on first use, and
/// `[String: [Value]]` cost 10 ms there: a String hash normalises to NFC and walks grapheme clusters, and every key
/// held an array. Here a key is hashed over its bytes (FNV-1a and a final mix, as the loader's byte tables), keys
/// live in one arena, and each key's values are a chain through flat arrays. Keys are compared byte for byte, so
/// callers normalise them first (`IndicatorCatalogue.key`).
struct MultiMap<Value: Sendable & Equatable>: Sendable {
    private struct Key {
        var hash: UInt64
        var start: Int32
        var length: Int32
        /// The first and last value of the key's chain.
        var head: Int32
        var tail: Int32
    }

    private struct Link {
        var value: Value
        var next: Int32
    }

    private var slots: [Int32]
    private var mask: Int
    private var keyList: [Key] = []
    private var arena: [UInt8] = []
    private var links: [Link] = []

    init(capacity: Int = 16) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keyList.reserveCapacity(capacity)
        links.reserveCapacity(capacity)
        arena.reserveCapacity(capacity * 9)
    }

    @inline(__always) private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The key's index, or -1 and the slot where it would go.
    @inline(__always) private func find(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (key: Int, slot: Int) {
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = Int(slots[s])
            if k < 0 { return (-1, s) }
            let key = keyList[k]
            if key.hash == h, Int(key.length) == p.count {
                let start = Int(key.start)
                let same = arena.withUnsafeBufferPointer { a in
                    var i = 0
                    while i < p.count, a[start + i] == p[i] { i += 1 }
                    return i == p.count
                }
                if same { return (k, s) }
            }
            s = (s + 1) & mask
        }
    }

    /// Adds a value under a key, unless the key holds it already.
    mutating func insert(_ key: String, _ value: Value) {
        var key = key
        key.withUTF8 { insert($0, value) }
    }

    mutating func insert(_ p: UnsafeBufferPointer<UInt8>, _ value: Value) {
        let h = MultiMap.hash(p)
        var (k, slot) = find(p, h)
        if k < 0 {
            k = keyList.count
            keyList.append(Key(hash: h, start: Int32(arena.count), length: Int32(p.count), head: -1, tail: -1))
            arena.append(contentsOf: p)
            slots[slot] = Int32(k)
            if keyList.count * 2 > slots.count { rehash() }
        } else {
            var v = Int(keyList[k].head)
            while v >= 0 {
                if links[v].value == value { return }
                v = Int(links[v].next)
            }
        }
        links.append(Link(value: value, next: -1))
        let v = Int32(links.count - 1)
        if keyList[k].tail >= 0 { links[Int(keyList[k].tail)].next = v } else { keyList[k].head = v }
        keyList[k].tail = v
    }

    private mutating func rehash() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for k in keyList.indices {
            var s = Int(truncatingIfNeeded: keyList[k].hash) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(k)
        }
    }

    /// The values under a key, in the order they were added.
    subscript(key: String) -> [Value] {
        var key = key
        return key.withUTF8 { p in
            let (k, _) = find(p, MultiMap.hash(p))
            guard k >= 0 else { return [] }
            var out: [Value] = []
            var v = Int(keyList[k].head)
            while v >= 0 {
                out.append(links[v].value)
                v = Int(links[v].next)
            }
            return out
        }
    }

    func contains(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { find($0, MultiMap.hash($0)).key >= 0 }
    }

    /// Every key (for "did you mean", which compares the query with each).
    var keys: [String] {
        arena.withUnsafeBufferPointer { a in
            keyList.map { String(decoding: UnsafeBufferPointer(rebasing: a[Int($0.start)..<Int($0.start + $0.length)]), as: UTF8.self) }
        }
    }
}
