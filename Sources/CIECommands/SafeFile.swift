import CIECore
import Foundation

/// Writes a file so that, whatever happens, the path holds the old file or the new one, never a part: the bytes go to
/// a temporary file in the same folder (so the rename stays on one file system), are flushed to the disk, and the
/// temporary file is renamed over the path. A failure removes the temporary file and leaves the old one as it was.
/// By hand over POSIX calls: Foundation's atomic write hides which step failed (and so what to tell the user), and
/// gives no way to keep the old file's permissions.
enum SafeFile {
    struct Failure: Error {
        var code: Int32
        /// What the user can do about it.
        var advice: LocalizedText
    }

    /// Writes `bytes` to `path` (a symbolic link is followed: its target is replaced, the link kept). `chunk`: the
    /// write size, and `afterChunk` a hook between writes (tests stop a write half-way).
    static func write(_ bytes: [UInt8], to path: String, chunk: Int = 1 << 20, afterChunk: (() throws -> Void)? = nil) throws {
        var target = path
        var st = stat()
        if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) {
            target = String(cString: real)
            free(real)
        }
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists, (existing.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(code: EISDIR, advice: LocalizedText(zh: "给出一个文件名，而不是文件夹", en: "give a file name, not a folder"))
        }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let prefix: String = folder == "/" ? "/" : folder + "/"
        var template: [CChar] = Array((prefix + "." + name + ".cie-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(code: errno, advice: folderAdvice(errno)) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        do {
            // The new file gets the old one's permissions, else the usual ones (0666 less the umask; mkstemp's are 0600).
            let mask = umask(0)
            umask(mask)
            fchmod(fd, exists ? existing.st_mode & 0o7777 : 0o666 & ~mask)
            var offset = 0
            while offset < bytes.count {
                let n = min(chunk, bytes.count - offset)
                let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, n) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(code: errno, advice: spaceAdvice(errno))
                }
                offset += written
                try afterChunk?()
            }
            guard fsync(fd) == 0 else { throw Failure(code: errno, advice: spaceAdvice(errno)) }
            guard close(fd) == 0 else { throw Failure(code: errno, advice: spaceAdvice(errno)) }
        } catch {
            close(fd)
            throw error
        }
        guard rename(temporary, target) == 0 else { throw Failure(code: errno, advice: folderAdvice(errno)) }
        done = true
    }

    static func folderAdvice(_ code: Int32) -> LocalizedText {
        switch code {
        case ENOENT, ENOTDIR: LocalizedText(zh: "先建好它所在的文件夹，或换一个路径", en: "create its folder first, or choose another path")
        case EACCES, EPERM, EROFS: LocalizedText(zh: "换一个可写的文件夹", en: "choose a folder you can write to")
        default: spaceAdvice(code)
        }
    }

    static func spaceAdvice(_ code: Int32) -> LocalizedText {
        code == ENOSPC || code == EDQUOT ? LocalizedText(zh: "腾出磁盘空间后重试", en: "free some disk space and try again")
            : LocalizedText(zh: "检查磁盘与路径后重试", en: "check the disk and the path, then try again")
    }

    /// Whether two paths name the same file (the same device and inode), so `a/../data.csv` is `data.csv`.
    static func same(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
