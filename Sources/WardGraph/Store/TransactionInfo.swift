import TransactionLog

/// Who made a transaction: a person (by hand, in the REPL or with `assert`), or the
/// ingest of a document, named by its key (the document node's id).
public enum Origin: Hashable, Sendable {
    case person
    case document(key: String)
}

/// One transaction of the log, as listed by `wardgraph log`.
public struct TransactionInfo: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case facts(origin: Origin, assertions: Int, retractions: Int)
        case program(name: String)
    }

    public let id: UInt64
    public let timestampMillis: Int64
    public let author: String
    public let content: Content
    /// Where the record lies in the file, and its size in bytes.
    public let offset: UInt64
    public let size: Int
    /// The operations of this transaction in the op log.
    let operations: Range<Int>

    public var origin: Origin? {
        if case .facts(let origin, _, _) = content { return origin }
        return nil
    }

    public var assertions: Int {
        if case .facts(_, let n, _) = content { return n }
        return 0
    }

    public var retractions: Int {
        if case .facts(_, _, let n) = content { return n }
        return 0
    }
}

extension TransactionInfo {
    /// The transaction of a log record; its operations are `operations` of the op log.
    init(_ record: LogRecord, content: Content, operations: Range<Int>) {
        self.init(
            id: record.txID, timestampMillis: record.timestampMillis, author: record.author, content: content,
            offset: record.offset, size: record.size, operations: operations)
    }
}

/// Where a fact that holds came from: its source lines if read from a document,
/// and the transaction that asserted it (whose author is the person or the document).
public struct FactProvenance: Sendable, Equatable {
    public let source: Source?
    public let transaction: UInt64
    public let author: String
    public let timestampMillis: Int64
}

/// One line of an entity's history.
public struct HistoryEntry: Sendable, Equatable {
    public let transaction: UInt64
    public let timestampMillis: Int64
    public let author: String
    public let change: Change
}

/// A rule program saved from the REPL, kept in the log like facts are.
public struct SavedProgram: Sendable, Equatable {
    public let name: String
    public let text: String
    public let transaction: UInt64
}
