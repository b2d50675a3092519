extension LogError: CustomStringConvertible {
    /// One or two sentences: what is wrong, where, and what can be done.
    public var description: String {
        switch self {
        case .emptyFile(let path):
            return "\(path): the file is empty, so it is not a WardGraph log (a log starts with a 16-byte header). Remove it or choose another path."
        case .truncatedHeader(let path, let size):
            return "\(path): the header is cut short (\(size) of \(LogFormat.headerSize) bytes); the file was probably being created when a crash happened. It holds no transactions: remove it and start again."
        case .notALog(let path):
            return "\(path): not a WardGraph log (it does not start with the magic bytes \"WGRAPHLG\"). Check the path given with --store."
        case .damagedHeader(let path):
            return "\(path): the log header (its first 16 bytes) is damaged: it fails its checksum. Restore the file from a backup."
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path): log format version \(found) is newer than this program supports (version \(supported)). Use a newer WardGraph."
        case .damagedRecord(let path, let offset, let expected, let reason, let next):
            let why = next.map { "valid records follow at byte \($0.offset) (transaction \($0.txID)), so this is damage, not an interrupted write" }
                ?? "all of its bytes are in the file, so this is damage, not an interrupted write"
            return "\(path): damaged record at byte \(offset) (transaction \(expected)): \(reason); \(why). Nothing was changed. Restore the file from a backup, or repair the log at byte \(offset) with the repair command (the bytes it removes are kept in a side file)."
        case .invalidRecord(let path, let offset, let txID, let reason):
            let which = txID.map { " (transaction \($0))" } ?? ""
            return "\(path): record at byte \(offset)\(which) has a valid checksum but invalid contents: \(reason)."
        case .changedUnderneath(let path, let detail):
            return "\(path): the log is not what this process last read (\(detail)); it was cut by a repair or replaced. Nothing was written."
        case .alreadyExists(let path):
            return "\(path): a file already exists there; not overwriting it."
        case .locked(let path, let lockPath, let holder):
            let who = holder.isEmpty ? "another process" : holder
            return "\(path) is locked for writing by \(who) (lock file \(lockPath)). Only one writer at a time; wait for it to finish. Reading is still possible."
        case .transactionTooLarge(let bytes):
            return "transaction of \(bytes) bytes exceeds the limit of \(LogFormat.maxPayloadSize) bytes; commit it in smaller batches."
        case .system(let error):
            return "\(error.path): \(error.operation) failed: \(error.reason)"
        }
    }
}
