import WardGraph

/// The graph counted: nodes by kind, edges by type, facts, transactions, the file's
/// size. What `wardgraph stats`, the REPL's banner and `GET /api/stats` show.
public struct GraphSummary: Sendable {
    public let storePath: String
    public let asOf: UInt64
    public let stats: GraphStats
    public let fileSize: UInt64

    public init(_ snapshot: GraphSnapshot, storePath: String, fileSize: UInt64) {
        self.storePath = storePath
        asOf = snapshot.asOf
        stats = GraphStats(snapshot)
        self.fileSize = fileSize
    }
}
