import TransactionLog

/// What `check` reports about a log that reads without damage: its format, size,
/// transactions, operations and facts, and an incomplete tail if there is one.
public struct LogStatistics: Sendable {
    public let formatVersion: UInt32
    public let fileSize: UInt64
    public let transactions: Int
    public let first: TransactionInfo?
    public let last: TransactionInfo?
    public let operations: Int
    public let retractions: Int
    public let factsNow: Int
    public let savedPrograms: [String]
    /// An incomplete last record (an interrupted write), which the next writer cuts off.
    public let tornTail: TornTail?

    public var assertions: Int { operations - retractions }

    /// File bytes per assertion or retraction; nil for a log without operations.
    public var bytesPerOperation: Double? {
        operations > 0 ? Double(fileSize) / Double(operations) : nil
    }

    public init(_ store: GraphStore) {
        formatVersion = store.formatVersion
        fileSize = store.fileSize
        transactions = store.transactions.count
        first = store.transactions.first
        last = store.transactions.last
        operations = store.operationCount
        retractions = store.transactions.reduce(0) { $0 + $1.retractions }
        factsNow = store.factCount
        savedPrograms = store.programs.keys.sorted()
        tornTail = store.tornTail
    }
}
