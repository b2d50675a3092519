import WardGraph

/// The transactions of the log up to a snapshot: what `wardgraph log`, `:log` and
/// `GET /api/log` list.
public struct LogListing: Sendable {
    /// The transactions listed, oldest first.
    public let transactions: [TransactionInfo]
    /// How many transactions the snapshot has in all.
    public let total: Int
    /// The transaction the listing was read at.
    public let asOf: UInt64

    /// The transactions of `snapshot` after `since` (all for nil), the last `last` of them.
    public init(_ snapshot: GraphSnapshot, since: UInt64? = nil, last: Int? = nil) {
        var listed = snapshot.transactionLog
        if let since { listed = listed.drop { $0.id <= since } }
        if let last { listed = listed.suffix(max(0, last)) }
        transactions = Array(listed)
        total = snapshot.transactionLog.count
        asOf = snapshot.asOf
    }

    /// What a transaction changed, in a few characters: `+42 -3`, or `rules 'session'`.
    public static func changes(_ info: TransactionInfo) -> String {
        switch info.content {
        case .facts(_, let assertions, let retractions): return "+\(assertions) -\(retractions)"
        case .program(let name): return "rules '\(name)'"
        }
    }
}
