import Application
import Foundation
import WardGraph

/// The graph every request reads: the workspace's snapshot, renewed when the log
/// grows. A background thread looks at the log every `interval` (a `stat`-cheap
/// read of what follows the last record), so a transaction appended by another
/// process, such as `wardgraph ingest` in another terminal, is served within that
/// time without a restart. Each request takes one snapshot and reads only it.
///
/// A snapshot is published with its node index made (on this thread, not in a
/// request), so that node pages and the labels of answers never scan the graph.
final class SnapshotPublisher: @unchecked Sendable {
    private let workspace: Workspace
    private let lock = NSLock()
    private var snapshot: GraphSnapshot
    private var past: [UInt64: GraphSnapshot] = [:]
    private var pastOrder: [UInt64] = []
    private var stopped = false

    init(workspace: Workspace, interval: Double) {
        self.workspace = workspace
        snapshot = Self.prepared(workspace.current())
        let thread = Thread { [weak self] in
            while let self, !self.isStopped {
                self.refresh()
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.name = "snapshot refresh"
        thread.start()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    /// The graph as last read.
    var current: GraphSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    /// Reads what was appended and publishes it. Errors (a damaged tail being written)
    /// leave the last good snapshot in place; the next round tries again.
    func refresh() {
        guard (try? workspace.refresh()) ?? 0 > 0 || workspace.lastTransactionID != current.asOf else { return }
        let renewed = Self.prepared(workspace.current())
        lock.lock()
        snapshot = renewed
        lock.unlock()
    }

    /// `snapshot` with its node index made.
    private static func prepared(_ snapshot: GraphSnapshot) -> GraphSnapshot {
        _ = snapshot.nodeIndex
        return snapshot
    }

    /// The graph as of `tx` (the current one for nil); a few past ones are kept, since
    /// replaying the log to an older transaction costs more than reading one.
    func snapshot(asOf tx: UInt64?) throws(OperationError) -> GraphSnapshot {
        let now = current
        guard let tx, tx != now.asOf else { return now }
        lock.lock()
        let kept = past[tx]
        lock.unlock()
        if let kept { return kept }
        let made = try workspace.snapshot(asOf: tx)
        lock.lock()
        past[tx] = made
        pastOrder.append(tx)
        if pastOrder.count > 8 { past[pastOrder.removeFirst()] = nil }
        lock.unlock()
        return made
    }
}
