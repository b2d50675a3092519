import Datalog
import Extraction
import Foundation
import Querying
import WardGraph

/// A program text and the name messages give it: the prelude, a saved rule set.
public struct ProgramSource: Sendable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// The store a front end works on, with what reading and changing it needs: the
/// prelude, the lexicon, the documents the graph was read from.
///
/// Every operation of the application layer runs against a workspace. Reads take a
/// `GraphSnapshot` (immutable, safe to share between threads); the store itself is
/// only touched under the workspace's lock, so the HTTP service can call it from
/// many threads while the CLI and the REPL call it from one.
public final class Workspace: @unchecked Sendable {
    public let storePath: String
    public let prelude: ProgramSource?
    public let lexiconDirectory: String?
    public let documents: DocumentLibrary
    private let store: GraphStore
    private let lock = NSLock()

    public init(store: GraphStore, prelude: ProgramSource?, lexiconDirectory: String?, documents: DocumentLibrary? = nil) {
        self.store = store
        storePath = store.path
        self.prelude = prelude
        self.lexiconDirectory = lexiconDirectory
        self.documents = documents ?? DocumentLibrary(directories: DocumentLibrary.defaultDirectories(storePath: store.path))
    }

    /// Runs `body` with the store, alone: writes, and reads a snapshot does not cover.
    public func withStore<T>(_ body: (GraphStore) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(store)
    }

    /// Reads what other processes appended since the last read; the number of new transactions.
    @discardableResult
    public func refresh() throws(OperationError) -> Int {
        do { return try withStore { try $0.refresh() } } catch {
            throw OperationError(.failed, "reading \(storePath): \(error)")
        }
    }

    /// The graph as this workspace last read it.
    public func current() -> GraphSnapshot {
        withStore { $0.current }
    }

    /// The graph as it stood after transaction `asOf`, or as last read for nil.
    public func snapshot(asOf: UInt64?) throws(OperationError) -> GraphSnapshot {
        guard let asOf else { return current() }
        do { return try withStore { try $0.snapshot(asOf: asOf) } } catch {
            throw OperationError(.notFound, "\(error)")
        }
    }

    public var lastTransactionID: UInt64 { withStore { $0.lastTransactionID } }

    /// How many times the store read its log again because another process had cut
    /// or replaced it (see `GraphStore.reloads`).
    public var reloads: Int { withStore { $0.reloads } }

    /// A query session over `snapshot` with the prelude kept.
    public func session(over snapshot: GraphSnapshot, limits: Limits = .standard) -> QuerySession {
        let session = QuerySession(limits: limits)
        session.use(snapshot)
        if let prelude { session.keep(name: prelude.name, text: prelude.text) }
        return session
    }

    /// The lexicon that extraction and ingest need.
    public func lexicon() throws(OperationError) -> Lexicon {
        guard let lexiconDirectory else {
            throw OperationError(.notFound, "no lexicon found (Graph/lexicon beside the store); give its directory with --lexicon DIR")
        }
        do { return try Lexicon.load(directory: lexiconDirectory) } catch {
            throw OperationError(.failed, "\(error)")
        }
    }
}
