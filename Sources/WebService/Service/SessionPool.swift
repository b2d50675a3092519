import Application
import Datalog
import Foundation
import Querying
import WardGraph

/// Query sessions ready to run over the current graph: the prelude parsed and the
/// graph's relations registered, so a request does not pay for them. Sessions are
/// per snapshot (a new transaction empties the pool) and are retired once their
/// constant table has grown (each query interns its own strings) or a run was cut
/// short, so the pool's memory stays flat however many requests come. A session
/// reads the documents of one year selection; a request for another year takes an
/// idle session of that selection if there is one, since changing it drops the
/// relations the session has loaded.
final class SessionPool: @unchecked Sendable {
    private let workspace: Workspace
    private let limits: Limits
    /// Idle sessions kept at most: as many as may run at once.
    private let capacity: Int
    private let lock = NSLock()
    private var transaction: UInt64 = .max
    private var idle: [(session: QuerySession, constants: Int)] = []

    init(workspace: Workspace, limits: Limits, capacity: Int) {
        self.workspace = workspace
        self.limits = limits
        self.capacity = capacity
    }

    /// Runs `body` with a session over `snapshot` reading the documents `years`
    /// selects; pooled when it is the pool's graph.
    func withSession<T, E: Error>(
        over snapshot: GraphSnapshot, years: YearSelection = .latest, pooled: Bool = true, _ body: (QuerySession) throws(E) -> T
    ) throws(E) -> T {
        var taken: (session: QuerySession, constants: Int)?
        if pooled {
            lock.lock()
            if transaction != snapshot.asOf {
                transaction = snapshot.asOf
                idle.removeAll()
            }
            if let same = idle.lastIndex(where: { $0.session.years == years }) {
                taken = idle.remove(at: same)
            } else {
                taken = idle.popLast()
            }
            lock.unlock()
        }
        let session = taken?.session ?? workspace.session(over: snapshot, limits: limits)
        session.years = years
        let result = try body(session)
        let baseline = taken?.constants ?? session.engine.constants.stringCount
        let reusable = pooled && !session.cancellation.isCancelled && session.engine.constants.stringCount < baseline + 10_000
        if reusable {
            session.parameters = [:]
            lock.lock()
            if transaction == snapshot.asOf && idle.count < capacity { idle.append((session, baseline)) }
            lock.unlock()
        }
        return result
    }
}
