import TransactionLog

/// Carries out a `RepairPlan`: cuts the log where the plan says (keeping the cut
/// bytes in a side file), and with `salvage`, applies the intact later
/// transactions again, in order, each as a new transaction with its original
/// author, time and origin, dropping only the changes that no longer apply.
public enum Salvage {
    /// What a repair did.
    public struct Outcome: Sendable {
        /// The side file holding every byte that was cut.
        public let sideFile: String?
        /// Each later transaction that was applied again: its old and new ids, and
        /// the changes dropped because they no longer applied. `newID` is nil when
        /// nothing of it applied any more.
        public let reapplied: [(originalID: UInt64, newID: UInt64?, dropped: [Change])]
        /// Transactions in the log afterwards.
        public let transactions: Int
    }

    /// Repairs the log of `plan`: cuts it, then (with `salvage`) re-applies the later
    /// transactions. Changes are checked against the log as it is then, so a plan
    /// made a moment earlier stays safe to carry out.
    public static func run(_ plan: RepairPlan, salvage: Bool, holder: String) throws -> Outcome {
        guard let offset = plan.cutOffset else {
            return Outcome(sideFile: nil, reapplied: [], transactions: plan.kept)
        }
        let side: String?
        do { side = try LogFile.cut(at: plan.path, offset: offset, holder: holder) } catch let error as LogError {
            throw StoreError.log(error)
        }
        let store = try GraphStore.open(at: plan.path, writer: holder)
        defer { store.close() }
        var reapplied: [(UInt64, UInt64?, [Change])] = []
        if salvage {
            for transaction in plan.later {
                store.clock = { transaction.timestampMillis }
                switch transaction.content {
                case .program(let name, let text):
                    let info = try store.saveProgram(name: name, text: text, author: transaction.author)
                    reapplied.append((transaction.originalID, info.id, []))
                case .facts(let origin, let changes):
                    let current = store.current
                    let split = applicable(changes) { current.contains($0) }
                    let info = try store.commit(split.kept, author: transaction.author, origin: origin)
                    reapplied.append((transaction.originalID, info?.id, split.dropped))
                }
            }
        }
        return Outcome(sideFile: side, reapplied: reapplied, transactions: store.transactions.count)
    }

    /// The changes of one transaction that apply where `holds` tells which facts
    /// hold before it, and those that do not: a retraction of a fact that does not
    /// hold (an assertion always applies).
    static func applicable(_ changes: [Change], holds: (Fact) -> Bool) -> (kept: [Change], dropped: [Change]) {
        var pending: [Fact: Bool] = [:]
        var kept: [Change] = []
        var dropped: [Change] = []
        for change in changes {
            switch change.kind {
            case .assert:
                kept.append(change)
                pending[change.fact] = true
            case .retract:
                if pending[change.fact] ?? holds(change.fact) {
                    kept.append(change)
                    pending[change.fact] = false
                } else {
                    dropped.append(change)
                }
            }
        }
        return (kept, dropped)
    }
}
