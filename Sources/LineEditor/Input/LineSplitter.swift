/// Splits bytes read from a pipe or a file into lines: the pure half of
/// `LineReader`'s non-interactive mode.
///
///     var splitter = LineSplitter()
///     splitter.append(Array("?- ward(泉区).\r\nlast".utf8))
///     splitter.nextLine()          // "?- ward(泉区)."
///     splitter.nextLine()          // nil: "last" may continue
///     splitter.finish()            // "last": input ended without a newline
///
/// A line ends at LF; a CR before it is dropped (files edited on Windows).
/// Invalid UTF-8 is replaced by U+FFFD, never an error, so a damaged script
/// still runs as far as it can. A UTF-8 byte order mark at the very start is
/// dropped.
struct LineSplitter {
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts (compacted now and then).
    private var start = 0
    private var atStartOfInput = true

    mutating func append(_ bytes: some Sequence<UInt8>) {
        pending.append(contentsOf: bytes)
    }

    /// The next complete line, without its terminator, or nil if none is complete.
    mutating func nextLine() -> String? {
        guard let newline = pending[start...].firstIndex(of: 0x0A) else {
            compact()
            return nil
        }
        var end = newline
        if end > start, pending[end - 1] == 0x0D { end -= 1 }
        let line = decode(pending[start..<end])
        start = newline + 1
        return line
    }

    /// The rest of the input at its end: a last line without a newline, or nil.
    mutating func finish() -> String? {
        defer {
            pending = []
            start = 0
        }
        guard start < pending.count else { return nil }
        var end = pending.count
        if pending[end - 1] == 0x0D { end -= 1 }
        return decode(pending[start..<end])
    }

    private mutating func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var bytes = bytes
        if atStartOfInput {
            atStartOfInput = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func compact() {
        if start > 0 {
            pending.removeSubrange(..<start)
            start = 0
        }
    }
}
