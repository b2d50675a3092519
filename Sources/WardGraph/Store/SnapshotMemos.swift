import Foundation

/// What is worked out once for a snapshot and then shared by all its copies and
/// all the threads that read it: the node index, the nodes by label, the wards'
/// documents. A snapshot is immutable, so what is made from it never goes stale.
final class SnapshotMemos: Sendable {
    let nodeIndex = Memo<NodeIndex>()
    let nodesByLabel = Memo<[String: [NodeID]]>()
    let wardDocuments = Memo<[WardDocument]>()
}

/// A value made on first use: a second thread that asks while the first makes it
/// waits for that one instead of making another; `existing` never waits.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let making = NSLock()
    private var made: Value?

    /// The value if it has been made, without making it or waiting for it.
    var existing: Value? {
        lock.lock()
        defer { lock.unlock() }
        return made
    }

    func value(_ make: () -> Value) -> Value {
        if let made = existing { return made }
        making.lock()
        defer { making.unlock() }
        if let made = existing { return made }
        let value = make()
        lock.lock()
        made = value
        lock.unlock()
        return value
    }
}
