/// Where bytes cut from a log are kept: a file beside it, `LOG.cut-N-at-OFFSET`,
/// holding the bytes that were at OFFSET and after, exactly as they were.
///
/// N is one more than any side file of the log so far, and the file is created
/// exclusively, so a side file is never overwritten, even by two cuts at the same
/// offset. It is written and synced (with its directory) before the log is cut.
public enum SideFile {
    /// The side files of the log at `path`, oldest first.
    public static func existing(for path: String) -> [String] {
        let directory = LogFile.directory(of: path)
        let prefix = baseName(path) + ".cut-"
        let names = (try? FileSystem.names(inDirectory: directory)) ?? []
        return names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix(prefix), let number = sequenceNumber(name.dropFirst(prefix.count)) else { return nil }
            return (number, directory == "." && !path.hasPrefix("./") ? name : "\(directory)/\(name)")
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Saves `bytes`, cut from offset `offset` of the log at `path`, in a new side
    /// file, durably; returns its path.
    public static func save(_ bytes: [UInt8], cutFrom path: String, at offset: UInt64) throws -> String {
        let directory = LogFile.directory(of: path)
        let prefix = baseName(path) + ".cut-"
        let names = try FileSystem.names(inDirectory: directory)
        var number = names.compactMap { name in name.hasPrefix(prefix) ? sequenceNumber(name.dropFirst(prefix.count)) : nil }.max() ?? 0
        while true {
            number += 1
            let sidePath = "\(path).cut-\(number)-at-\(offset)"
            let side: FileHandle
            do {
                side = try FileHandle.createExclusive(sidePath)
            } catch let error as SystemError where error.isAlreadyExists {
                continue  // made meanwhile by another process: take the next number
            }
            do {
                defer { side.close() }
                try side.write(bytes, at: 0)
                try side.sync()
            } catch {
                FileSystem.unlink(sidePath)
                throw error
            }
            try FileSystem.syncDirectory(directory)
            return sidePath
        }
    }

    /// `3` in `3-at-4096`.
    private static func sequenceNumber(_ rest: Substring) -> Int? {
        guard let dash = rest.firstIndex(of: "-"), rest[dash...].hasPrefix("-at-") else { return nil }
        return Int(rest[..<dash])
    }

    private static func baseName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
