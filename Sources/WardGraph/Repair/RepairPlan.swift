import TransactionLog

/// What `repair` would do to a log, worked out without changing it: where the log
/// must be cut, what is damaged, and which later transactions are intact on their
/// own, with the changes of each that would no longer apply if they were applied
/// again after the cut (a salvage).
public struct RepairPlan: Sendable {
    /// Something wrong in the log.
    public enum Damage: Sendable, Equatable {
        /// Bytes that are no valid record.
        case unreadable(LogInspection.DamagedRegion)
        /// A record whose checksums pass but whose body cannot be decoded.
        case undecodable(transaction: UInt64, offset: UInt64, size: Int, reason: String)

        public var offset: UInt64 {
            switch self {
            case .unreadable(let region): return region.offset
            case .undecodable(_, let offset, _, _): return offset
            }
        }
    }

    /// A transaction after the cut whose record is intact.
    public struct LaterTransaction: Sendable {
        public enum Content: Sendable {
            case facts(origin: Origin, changes: [Change])
            case program(name: String, text: String)
        }

        public let originalID: UInt64
        public let offset: UInt64
        public let author: String
        public let timestampMillis: Int64
        public let content: Content
        /// The changes a salvage would drop: retractions of facts that would not hold.
        public let inapplicable: [Change]

        /// Made by a person (hand-made facts or saved rules), not by ingesting a document.
        public var isCuration: Bool {
            if case .facts(.document, _) = content { return false }
            return true
        }

        public var changeCount: Int {
            if case .facts(_, let changes) = content { return changes.count }
            return 0
        }
    }

    public let path: String
    /// The transactions before the cut, which stay as they are.
    public let kept: Int
    public let damage: [Damage]
    public let tornTail: TornTail?
    /// Where the log would be cut: the first damage, else the torn tail; nil for a healthy log.
    public let cutOffset: UInt64?
    /// Bytes from `cutOffset` to the end of the file.
    public let cutLength: UInt64
    public let later: [LaterTransaction]

    public var isHealthy: Bool { cutOffset == nil }
    /// The id of the first transaction the cut would remove.
    public var firstRemovedID: UInt64 { UInt64(kept) + 1 }

    /// Inspects the log at `path` and plans its repair. Fails only if the log's
    /// header is unusable or the file cannot be read.
    public static func make(path: String) throws -> RepairPlan {
        let inspection: LogInspection
        do { inspection = try LogFile.inspect(at: path) } catch let error as LogError { throw StoreError.log(error) }
        var prefix = inspection.records
        var damage = inspection.damage.map(Damage.unreadable)
        var candidates = inspection.salvageable
        let store: GraphStore
        do {
            store = try GraphStore.replaying(path: path, contents: inspection.contents(of: prefix))
        } catch StoreError.undecodableRecord(_, let transaction, let offset, let reason) {
            let bad = prefix.firstIndex { $0.offset == offset }!
            damage.insert(.undecodable(transaction: transaction, offset: offset, size: prefix[bad].size, reason: reason), at: 0)
            candidates = Array(prefix[(bad + 1)...]) + candidates
            prefix = Array(prefix[..<bad])
            store = try GraphStore.replaying(path: path, contents: inspection.contents(of: prefix))
        }

        var holding = Set(store.current.facts())
        var later: [LaterTransaction] = []
        for record in candidates {
            let decoded: TransactionBody.Decoded
            do {
                decoded = try inspection.withBody(of: record) { try TransactionBody.decodeAlone($0) }
            } catch {
                damage.append(.undecodable(transaction: record.txID, offset: record.offset, size: record.size, reason: "\(error)"))
                continue
            }
            let content: LaterTransaction.Content
            var inapplicable: [Change] = []
            switch decoded {
            case .program(let name, let text):
                content = .program(name: name, text: text)
            case .facts(let origin, let changes):
                content = .facts(origin: origin, changes: changes)
                let split = Salvage.applicable(changes) { holding.contains($0) }
                inapplicable = split.dropped
                for change in split.kept {
                    if change.kind == .assert { holding.insert(change.fact) } else { holding.remove(change.fact) }
                }
            }
            later.append(LaterTransaction(
                originalID: record.txID, offset: record.offset, author: record.author, timestampMillis: record.timestampMillis,
                content: content, inapplicable: inapplicable))
        }
        let cut = damage.map(\.offset).min() ?? inspection.tornTail?.offset
        return RepairPlan(
            path: path, kept: prefix.count, damage: damage.sorted { $0.offset < $1.offset }, tornTail: inspection.tornTail,
            cutOffset: cut, cutLength: cut.map { inspection.fileSize - $0 } ?? 0, later: later)
    }
}
