import CIECore
import Foundation

/// Writes a file so that, whatever happens, the path holds the old file or the new one, never a part: the bytes go to
/// a temporary file in the same folder (so the rename stays on one file system), are flushed to the disk, and the
/// temporary file is renamed over the path, then the folder is flushed so the rename survives a crash. A failure
/// removes the temporary file and leaves the old one as it was. By hand over POSIX calls: Foundation's atomic write
/// hides which step failed (and so what to tell the user), keeps no permissions, and replaces a link or a pipe.
enum SafeFile {
    struct Failure: Error {
        var code: Int32
        /// What the user can do about it.
        var advice: LocalizedText
    }

    /// Writes `bytes` to `path`. A symbolic link is followed, dangling or not (its target is written, the link kept);
    /// a pipe, a terminal or a device (`/dev/stdout`) is written in place, as a stream (it has no old content to
    /// keep). `chunk`: the write size, and `afterChunk` a hook between writes (tests stop a write half-way).
    static func write(_ bytes: [UInt8], to path: String, chunk: Int = 1 << 20, afterChunk: (() throws -> Void)? = nil) throws {
        // What the path names, links followed by the kernel (`/dev/stdout` is a link to a pipe that has no path).
        var named = stat()
        if stat(path, &named) == 0 {
            switch named.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw Failure(code: EISDIR, advice: LocalizedText(zh: "给出一个文件名，而不是文件夹", en: "give a file name, not a folder"))
            default: return try stream(bytes, to: path, chunk: chunk, afterChunk: afterChunk)
            }
        }
        let target = resolvingLinks(path)
        var existing = stat()
        let exists = stat(target, &existing) == 0
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        // `.NAME.cie-PID-XXXXXXXX` beside it (a name too long for that gets a short one). The process id lets a later
        // write remove what a killed one (kill -9, a power cut before the rename) left behind.
        let stem = name.utf8.count > 200 ? "" : name
        let prefix = "." + stem + ".cie-"
        removeLeftovers(in: folder, prefix: prefix)
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = (folder == "/" ? "/" : folder + "/") + prefix + "\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            // The creation mode is the old file's (else 0666); the kernel applies the umask, as for any new file.
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? existing.st_mode & 0o7777 : 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { let code = errno; throw Failure(code: code, advice: folderAdvice(code)) }
        var isOpen = true, renamed = false
        defer {
            if isOpen { close(fd) }
            if !renamed { unlink(temporary) }
        }
        // An existing file keeps its permissions exactly (the umask may have cleared some at creation).
        if exists { fchmod(fd, existing.st_mode & 0o7777) }
        try writeAll(bytes, fd, chunk: chunk, afterChunk: afterChunk)
        guard fsync(fd) == 0 else { let code = errno; throw Failure(code: code, advice: spaceAdvice(code)) }
        isOpen = false
        guard close(fd) == 0 || errno == EINTR else { let code = errno; throw Failure(code: code, advice: spaceAdvice(code)) }
        guard rename(temporary, target) == 0 else { let code = errno; throw Failure(code: code, advice: folderAdvice(code)) }
        renamed = true
        let dir = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// Removes the temporary files of earlier writes to the same name whose process is gone.
    static func removeLeftovers(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((folder == "/" ? "/" : folder + "/") + name) }
        }
    }

    /// The path a chain of symbolic links ends at (a dangling link's target, to be created); the path itself when it
    /// is no link.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") { current = link } else {
                let slash = current.lastIndex(of: "/")
                current = (slash.map { String(current[...$0]) } ?? "") + link
            }
        }
        return current
    }

    /// A pipe, a terminal or a device, written as it is.
    static func stream(_ bytes: [UInt8], to path: String, chunk: Int, afterChunk: (() throws -> Void)?) throws {
        let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { let code = errno; throw Failure(code: code, advice: folderAdvice(code)) }
        defer { close(fd) }
        try writeAll(bytes, fd, chunk: chunk, afterChunk: afterChunk)
    }

    static func writeAll(_ bytes: [UInt8], _ fd: Int32, chunk: Int, afterChunk: (() throws -> Void)?) throws {
        var offset = 0
        while offset < bytes.count {
            let n = min(chunk, bytes.count - offset)
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, n) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw Failure(code: code, advice: spaceAdvice(code))
            }
            offset += written
            try afterChunk?()
        }
    }

    static func folderAdvice(_ code: Int32) -> LocalizedText {
        switch code {
        case ENOENT, ENOTDIR: LocalizedText(zh: "先建好它所在的文件夹，或换一个路径", en: "create its folder first, or choose another path")
        case EACCES, EPERM, EROFS: LocalizedText(zh: "换一个可写的文件夹", en: "choose a folder you can write to")
        case ENAMETOOLONG: LocalizedText(zh: "换一个短一些的文件名", en: "choose a shorter file name")
        default: spaceAdvice(code)
        }
    }

    static func spaceAdvice(_ code: Int32) -> LocalizedText {
        code == ENOSPC || code == EDQUOT ? LocalizedText(zh: "腾出磁盘空间后重试", en: "free some disk space and try again")
            : LocalizedText(zh: "检查磁盘与路径后重试", en: "check the disk and the path, then try again")
    }

    /// Whether `path` (existing or to be created) is inside `folder`, by their real paths.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        func real(_ p: String) -> String? {
            guard let r = realpath(p, nil) else { return nil }
            defer { free(r) }
            return String(cString: r)
        }
        let target = resolvingLinks(path)
        let slash = target.lastIndex(of: "/")
        let parent = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        guard let root = real(folder), let dir = real(parent) else { return false }
        return dir == root || dir.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Whether two paths name the same file (the same device and inode), so `a/../data.csv` is `data.csv`.
    static func same(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
