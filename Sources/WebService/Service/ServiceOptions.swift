import Datalog
import Foundation

/// How the service behaves, beyond the HTTP server's own limits: who may write, what
/// other origins may call it, and what one query may cost.
public struct ServiceOptions: Sendable {
    /// The bearer token that writes need; nil: the service is read-only.
    public var token: String?
    /// The one origin allowed to call the API from another site's pages; nil: none.
    public var corsOrigin: String?
    /// Limits of one query, why, or schema count.
    public var queryLimits = Limits(maxDerivedTuples: 5_000_000, timeout: 10)
    /// Evaluations running at once; past this, a request waits for a slot. Twice the
    /// processors: evaluation is CPU-bound, so more at once adds no throughput, only
    /// latency (at 64 connections on 2 cores, 16 at once gave p99 76 ms, 4 gave 26 ms,
    /// at the same 3,300 answers a second), while two per processor leave room for a
    /// slow query beside quick ones.
    public var maxConcurrentQueries = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Seconds a request waits for a slot; past this, 503 with Retry-After.
    public var queueTimeout = 1.0
    /// How often the log is checked for transactions other processes appended.
    public var refreshInterval = 0.25
    /// Where the planners' questions (`*.dl`) are, for the explorer's menu.
    public var queriesDirectory: String?
    /// Answers kept for repeated questions, at most this many bytes in all.
    public var cacheBytes = 64 << 20

    public init() {}

    public var isReadOnly: Bool { token == nil }
}
