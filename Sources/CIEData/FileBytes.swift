import CIECore
import Foundation

/// The bytes of a file being loaded, at a stable address for the parsers' pointer loops.
///
/// A file is read, not mapped: a mapped file that another process truncates while it loads kills the process with
/// SIGBUS at the first page past the new end (a signal no parser can turn into an error), while a read gives the
/// bytes there were, and a file that ends before the size it had when opened is an error for that file alone.
/// Reading costs one copy from the page cache (Docs/Performance.md measures it). A regular file is read in one
/// buffer of its size; a pipe or a device (`load <(zcat …)`, `/dev/zero`) in chunks, up to `streamLimit`, and a
/// NUL in its first chunk ends the read there (a binary stream is reported without being read to its end).
///
/// A large regular file can be opened by its head (`open(_:headFrom:)`): `bytes` is then its first lines and
/// `rest` the file after them, which a CSV's two-core load and the JSON reader read a block at a time into a few
/// buffers they use in turn (`ParallelCSV.Feed`), so the file is never held whole; any other reader takes `whole()`.
public final class FileBytes: @unchecked Sendable {
    /// The content, after any prefix dropped by `dropPrefix` (a BOM).
    public private(set) var bytes: UnsafeBufferPointer<UInt8>
    /// The file after `bytes`, when it was opened by its head; nil when `bytes` is all of it.
    public let rest: Rest?
    /// Whether the text may hold a `"` (false only when the UTF-8 check saw none): a CSV without quotes can be
    /// cut at any line break, so its blocks can be read in parallel.
    public internal(set) var mayHoldQuotes = true
    private let base: UnsafeMutableRawPointer
    /// The length of an anonymous mapping `base` is (a large file's buffer), 0 for an allocation.
    private let mappedLength: Int

    /// The most bytes read from a pipe or a device (1 GiB; `CIE_MAX_STREAM_BYTES` sets another): `/dev/zero` is
    /// refused, not read until memory runs out.
    public static var streamLimit: Int {
        ProcessInfo.processInfo.environment["CIE_MAX_STREAM_BYTES"].flatMap(Int.init).map { max($0, 1) } ?? 1 << 30
    }

    /// An owned copy of `array`.
    public init(_ array: [UInt8]) {
        let n = array.count
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 16)
        array.withUnsafeBytes { if let src = $0.baseAddress, n > 0 { p.copyMemory(from: src, byteCount: n) } }
        base = p
        mappedLength = 0
        rest = nil
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: n)
    }

    /// Takes a buffer of `count` bytes from `buffer(_:)`.
    private init(owning p: UnsafeMutableRawPointer, count: Int, mappedLength: Int, rest: Rest? = nil) {
        base = p
        self.mappedLength = mappedLength
        self.rest = rest
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Room for `capacity` bytes, of which none are in `bytes` yet (`fill`): a buffer that a load reads blocks into.
    init(capacity: Int) {
        let (p, mapped) = FileBytes.buffer(capacity)
        base = p
        mappedLength = mapped
        rest = nil
        self.capacity = capacity
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: 0)
    }

    /// The room of a buffer made by `init(capacity:)`.
    private(set) var capacity = 0

    /// Where a buffer made by `init(capacity:)` is written, and how much of it `bytes` shows.
    var room: UnsafeMutablePointer<UInt8> { base.assumingMemoryBound(to: UInt8.self) }
    func show(_ count: Int) {
        precondition(count <= capacity)
        bytes = UnsafeBufferPointer(start: room, count: count)
    }

    /// The rest of a file opened by its head: an open descriptor, where the rest starts and the file's size when
    /// it was opened (a file that ends before that size was being rewritten, as for a file read whole).
    public final class Rest: @unchecked Sendable {
        let fd: Int32
        let offset: Int
        let size: Int

        init(fd: Int32, offset: Int, size: Int) {
            self.fd = fd
            self.offset = offset
            self.size = size
        }

        deinit { close(fd) }

        /// Reads `count` bytes at `offset` of the file into `p` (`readRange`'s errors: a file that ends first has changed).
        func read(into p: UnsafeMutablePointer<UInt8>, at offset: Int, count: Int) -> OpenError? {
            let (read, error) = FileBytes.readRange(fd, to: p, offset..<(offset + count))
            if case .changed = error { return .changed(expected: size, read: offset + read) }
            return error
        }
    }

    /// The whole file: itself when it was read whole, else the file read again from its start, in one buffer.
    public func whole() -> Result<FileBytes, OpenError> {
        guard let rest else { return .success(self) }
        return FileBytes.readRegular(rest.fd, size: rest.size)
    }

    /// How many bytes the file holds from `offset` of `bytes` on, the rest included.
    func remaining(after offset: Int) -> Int {
        bytes.count - offset + (rest.map { $0.size - $0.offset } ?? 0)
    }

    deinit {
        if mappedLength > 0 { munmap(base, mappedLength) } else { base.deallocate() }
    }

    /// Memory for `size` bytes: a large buffer is an anonymous mapping asked for in huge pages, so reading 100 MB
    /// into it faults 50 pages rather than 25,000.
    static func buffer(_ size: Int) -> (UnsafeMutableRawPointer, mappedLength: Int) {
        if size >= 4 << 20, let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
            _ = madvise(p, size, MADV_HUGEPAGE)
            return (p, size)
        }
        return (UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 16), 0)
    }

    static func free(_ p: UnsafeMutableRawPointer, mappedLength: Int) {
        if mappedLength > 0 { munmap(p, mappedLength) } else { p.deallocate() }
    }

    /// Why a file could not be opened or read.
    public enum OpenError: Error, Equatable {
        case missing, directory, unreadable
        /// A chain of symbolic links that loops (ELOOP).
        case linkLoop
        /// Ctrl-C while opening (a FIFO with no writer) or reading.
        case interrupted
        /// A regular file that ended before the size it had when it was opened: it was being rewritten.
        case changed(expected: Int, read: Int)
        /// A pipe or device that gave more than `streamLimit` bytes.
        case tooLarge(limit: Int)
    }

    /// The most bytes of a file opened by its head that are read to begin with (1 MiB; a tunable, so that a test can
    /// stream small files: `LoadTuning.with` sets it). The head is cut after its last line break.
    @TaskLocal static var headBytes = 1 << 20

    /// Reads the file at `path`; a regular file of `headFrom` bytes or more only by its head (see `rest`), of `head`
    /// bytes at most (`headBytes` when not given).
    public static func open(_ path: String, headFrom: Int = .max, head: Int? = nil) -> Result<FileBytes, OpenError> {
        let headBytes = head ?? FileBytes.headBytes
        // After Ctrl-C, no open: a FIFO would block again, and the signal that ended the first wait is spent.
        if Cancellation.isRequested { return .failure(.interrupted) }
        var fd: Int32
        repeat {
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            // A FIFO with no writer blocks here; Ctrl-C (no SA_RESTART) returns EINTR.
            if fd < 0, errno == EINTR, Cancellation.isRequested { return .failure(.interrupted) }
        } while fd < 0 && errno == EINTR
        if fd < 0 {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case EISDIR: return .failure(.directory)
            case ELOOP: return .failure(.linkLoop)
            default: return .failure(.unreadable)
            }
        }
        var kept = false
        defer { if !kept { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.directory) }
        if info.st_mode & S_IFMT == S_IFREG {
            let size = Int(info.st_size)
            if size >= headFrom, size > headBytes, let head = readHead(fd, size: size, headBytes: headBytes) {
                kept = head.rest != nil
                return .success(head)
            }
            return readRegular(fd, size: size)
        }
        return readStream(fd, limit: streamLimit)
    }

    /// The first `headBytes` of a regular file up to their last line break, and the rest to read later; nil when
    /// the head holds no line break (the file is then read whole) or cannot be read (reading it whole reports why).
    static func readHead(_ fd: Int32, size: Int, headBytes: Int) -> FileBytes? {
        let n = min(headBytes, size)
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 16)
        guard readRange(fd, to: p, 0..<n).error == nil,
              let last = lastLineBreak(p.assumingMemoryBound(to: UInt8.self), n) else {
            p.deallocate()
            return nil
        }
        let cut = last + 1
        return FileBytes(owning: p, count: cut, mappedLength: 0, rest: Rest(fd: fd, offset: cut, size: size))
    }

    /// A regular file, in one buffer of the size it had when opened. A file of 16 MB or more is read by two
    /// threads, a half each: the kernel zeroes every fresh page before it copies the file into it, and that work,
    /// a sixth of a national long CSV's load on one core, is then shared by both.
    static func readRegular(_ fd: Int32, size: Int) -> Result<FileBytes, OpenError> {
        let (p, mapped) = buffer(size)
        // The second half starts at a 2 MB boundary (a huge page's).
        let cut = size >= 16 << 20 && ProcessInfo.processInfo.activeProcessorCount > 1 ? (size / 2) & ~((2 << 20) - 1) : size
        let ranges = cut < size ? [0..<cut, cut..<size] : [0..<size]
        let outcomes = concurrently(ranges.count) { readRange(fd, to: p + ranges[$0].lowerBound, ranges[$0]) }
        if let e = outcomes.first(where: { $0.error != nil })?.error {
            free(p, mappedLength: mapped)
            if case .changed = e { return .failure(.changed(expected: size, read: outcomes.reduce(0) { $0 + $1.read })) }
            return .failure(e)
        }
        return .success(FileBytes(owning: p, count: size, mappedLength: mapped))
    }

    /// Where the last line break of the `n` bytes at `p` is. Searched from the end a byte at a time: lines are short,
    /// and glibc's `memrchr` is not in Swift's Glibc module.
    static func lastLineBreak(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var k = n - 1
        while k >= 0 {
            if p[k] == 0x0A { return k }
            k -= 1
        }
        return nil
    }

    /// Reads the bytes of `range` of the file to `p`: how many were read, and what stopped it short (`changed` when
    /// the file ended first).
    static func readRange(_ fd: Int32, to p: UnsafeMutableRawPointer, _ range: Range<Int>) -> (read: Int, error: OpenError?) {
        var done = range.lowerBound
        while done < range.upperBound {
            let n = pread(fd, p + (done - range.lowerBound), min(range.upperBound - done, 1 << 26), off_t(done))
            if n < 0 {
                if errno == EINTR {
                    if Cancellation.isRequested { return (done - range.lowerBound, .interrupted) }
                    continue
                }
                return (done - range.lowerBound, errno == EISDIR ? .directory : .unreadable)
            }
            if n == 0 { return (done - range.lowerBound, .changed(expected: 0, read: 0)) }
            done += n
            if Cancellation.isRequested { return (done - range.lowerBound, .interrupted) }
        }
        return (done - range.lowerBound, nil)
    }

    /// A pipe or a device, in chunks, up to `limit` bytes; a NUL in the first chunk stops there.
    static func readStream(_ fd: Int32, limit: Int) -> Result<FileBytes, OpenError> {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR {
                    if Cancellation.isRequested { return .failure(.interrupted) }
                    continue
                }
                return .failure(errno == EISDIR ? .directory : .unreadable)
            }
            if n == 0 { break }
            guard out.count + n <= limit else { return .failure(.tooLarge(limit: limit)) }
            let first = out.isEmpty
            out.append(contentsOf: chunk[0..<n])
            if first, chunk[0..<n].contains(0) { break }
            if Cancellation.isRequested { return .failure(.interrupted) }
        }
        return .success(FileBytes(out))
    }

    /// Drops the first `n` bytes (a byte-order mark) from `bytes`.
    func dropPrefix(_ n: Int) {
        bytes = UnsafeBufferPointer(rebasing: bytes[n...])
    }
}

extension FileBytes.OpenError {
    /// What went wrong opening a file, and what to do.
    public var message: LocalizedText {
        switch self {
        case .directory: LocalizedText(zh: "是文件夹：请指定其中的一个文件", en: "is a directory: name a file in it")
        case .unreadable: LocalizedText(zh: "无法读取：请检查文件权限", en: "cannot be read: check its permissions")
        case .missing: LocalizedText(
            zh: "文件不存在：请检查路径（相对路径从 \(FileManager.default.currentDirectoryPath) 算起）",
            en: "no such file: check the path (relative paths start from \(FileManager.default.currentDirectoryPath))")
        case .linkLoop: LocalizedText(zh: "符号链接循环指向自身：请检查链接（ls -l）", en: "its symbolic links loop: check the links (ls -l)")
        case .interrupted: LocalizedText(zh: "读取时中断（Ctrl-C）：未载入任何数据", en: "interrupted (Ctrl-C) while reading: nothing was loaded")
        case .changed(let expected, let read): LocalizedText(
            zh: "读取时文件变短了（打开时 \(expected) 字节，只读到 \(read) 字节）：另一个程序正在改写它；写完后再载入",
            en: "the file shrank while it was read (\(expected) bytes when opened, \(read) read): another program is rewriting it; load it again when it is written")
        case .tooLarge(let limit): LocalizedText(
            zh: "不是普通文件，读到 \(limit) 字节仍未结束：若确需载入更多，设置环境变量 CIE_MAX_STREAM_BYTES（字节数）",
            en: "not a regular file, and still going after \(limit) bytes: to read more, set CIE_MAX_STREAM_BYTES (bytes)")
        }
    }
}
