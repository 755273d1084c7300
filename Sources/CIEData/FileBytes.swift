#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file being loaded, at a stable address for the parsers' pointer loops.
///
/// A large regular file is mapped rather than read: the parser walks it front to back, and `release(upTo:)` hands the
/// pages behind it back to the kernel as it goes, so a 100 MB load never holds the whole file in memory (nor the
/// three copies that `Data` → `[UInt8]` → decoded bytes used to make). Small files, pipes and converted text are
/// owned copies; for them `release` does nothing.
public final class FileBytes: @unchecked Sendable {
    /// The content, after any prefix dropped by `dropPrefix` (a BOM).
    public private(set) var bytes: UnsafeBufferPointer<UInt8>
    /// Whether the text may hold a `"` (false only when the UTF-8 check saw none): a CSV without quotes can be
    /// cut at any line break, so its blocks can be read in parallel.
    public internal(set) var mayHoldQuotes = true
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private let isMapped: Bool
    private var releasedUpTo = 0
    /// Files below this size are read into memory: mapping them saves nothing.
    static let mapThreshold = 1 << 20
    /// Pages are handed back in steps of this many bytes, so `madvise` is not called for every row.
    static let releaseStep = 4 << 20

    /// An owned copy of `array`.
    public init(_ array: [UInt8]) {
        let n = array.count
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 16)
        array.withUnsafeBytes { if let src = $0.baseAddress, n > 0 { p.copyMemory(from: src, byteCount: n) } }
        length = n
        isMapped = false
        base = p
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: n)
    }

    private init(mapped p: UnsafeMutableRawPointer, length: Int) {
        self.length = length
        isMapped = true
        base = p
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        guard let base else { return }
        if isMapped { munmap(base, length) } else { base.deallocate() }
    }

    /// Why a file could not be opened.
    public enum OpenError: Error, Equatable {
        case missing, directory, unreadable
    }

    /// Maps or reads the file at `path`.
    public static func open(_ path: String) -> Result<FileBytes, OpenError> {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return .failure(.missing) }
            if errno == EISDIR { return .failure(.directory) }
            return .failure(.unreadable)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.directory) }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= mapThreshold {
            let size = Int(info.st_size)
            if let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
                _ = madvise(p, size, MADV_SEQUENTIAL)
                return .success(FileBytes(mapped: p, length: size))
            }
        }
        // Small files, pipes (`load <(zcat …)`) and anything mmap refuses: read to the end.
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(errno == EISDIR ? .directory : .unreadable)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return .success(FileBytes(out))
    }

    /// Drops the first `n` bytes (a byte-order mark) from `bytes`.
    func dropPrefix(_ n: Int) {
        bytes = UnsafeBufferPointer(rebasing: bytes[n...])
    }

    /// Tells the kernel that the parser is done with everything before `offset` in `bytes`. Reading there again
    /// still works (the pages come back from the page cache); it only stops them counting as this process's memory.
    @inline(__always) public func release(upTo offset: Int) {
        guard isMapped, offset - releasedUpTo >= FileBytes.releaseStep else { return }
        releaseNow(upTo: offset)
    }

    private func releaseNow(upTo offset: Int) {
        guard let base, let first = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let shift = UnsafeRawPointer(first) - UnsafeRawPointer(base)
        let from = (shift + releasedUpTo) / page * page
        let to = (shift + offset) / page * page
        if to > from { _ = madvise(base + from, to - from, MADV_DONTNEED) }
        releasedUpTo = offset
    }

    /// Hands back every page (after a pass that read the whole file, such as validation).
    public func releaseAll() {
        guard isMapped else { return }
        releasedUpTo = 0
        releaseNow(upTo: bytes.count)
        releasedUpTo = 0
    }
}
