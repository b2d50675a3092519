import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an output the user named (`-o FILE`, `:output FILE`) whole, without
/// harming what the name already stands for.
///
/// A regular file, or a name not taken yet, is written beside itself and renamed
/// over, so that a failed write never leaves half a file; the old file's permissions
/// carry over. A name that is a symbolic link is written through to its target, and
/// the link stays. Anything else that exists — `/dev/null`, `/dev/stdout`, a named
/// pipe, a terminal — is written in place: renaming a new file over such a name
/// would replace the device or the pipe with a plain file (for root, `-o /dev/null`
/// once turned the machine's /dev/null into a file).
public enum OutputFile {
    /// Why an output could not be written, in words for the message that names the path.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path) cannot be written (\(reason))" }
    }

    /// Writes `bytes` to `path` as described above.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let target = resolved(path)
        var status = stat()
        guard lstat(target, &status) == 0 else {
            guard errno == ENOENT else { throw failure(path) }
            return try replace(target, with: bytes, mode: nil, reportedAs: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: try replace(target, with: bytes, mode: status.st_mode & 0o7777, reportedAs: path)
        case S_IFDIR: throw Failure(path: path, reason: "it is a directory; give a file name inside it")
        default: try writeInPlace(target, bytes, reportedAs: path)
        }
    }

    /// The file a symbolic link points to, however many links deep; `path` itself
    /// when it is no link or its target does not exist yet.
    static func resolved(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let real = realpath(path, nil) else {
            // A dangling link: write the file it names, so that the link then works.
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count > 0 else { return path }
            let destination = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if destination.hasPrefix("/") { return destination }
            return (path as NSString).deletingLastPathComponent + "/" + destination
        }
        defer { free(real) }
        return String(cString: real)
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: String, with bytes: [UInt8], mode: mode_t?, reportedAs path: String) throws(Failure) {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        do throws(Failure) {
            if let mode { _ = fchmod(descriptor, mode) }  // umask would narrow it otherwise
            try writeAll(descriptor, bytes, path: path)
        } catch {
            _ = close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, target) == 0 else {
            let problem = failure(path)
            unlink(temporary)
            throw problem
        }
    }

    /// Opens what exists at `target` (a device, a pipe) and writes into it.
    private static func writeInPlace(_ target: String, _ bytes: [UInt8], reportedAs path: String) throws(Failure) {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            written += count
        }
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}
