import TransactionLog

/// Why the store refused a change or could not be read. Nothing is written when a
/// change is refused.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The log itself (opening, damage, locking, I/O).
    case log(LogError)
    /// Change number `index` (0-based) breaks a rule of the graph model.
    case invalidFact(index: Int, fact: Fact, error: FactError)
    /// Change number `index` retracts a fact that does not hold.
    case retractingAbsentFact(index: Int, fact: Fact)
    /// A record passed its checksum but its body could not be decoded.
    case undecodableRecord(path: String, transaction: UInt64, offset: UInt64, reason: String)
    /// As-of a transaction the log does not have.
    case noSuchTransaction(UInt64, last: UInt64)

    public var description: String {
        switch self {
        case .log(let error):
            return error.description
        case .invalidFact(_, let fact, let error):
            return "\(error) (in fact: \(fact))"
        case .retractingAbsentFact(_, let fact):
            return "cannot retract a fact that does not hold: \(fact)"
        case .undecodableRecord(let path, let transaction, let offset, let reason):
            return "\(path): transaction \(transaction) at byte \(offset) cannot be decoded: \(reason). The file was written by something else or is damaged."
        case .noSuchTransaction(let id, let last):
            return last == 0
                ? "there is no transaction \(id): the log is empty"
                : "there is no transaction \(id): the log's transactions are 1 to \(last)"
        }
    }

    /// The index of the change at fault, for messages that name an input line.
    public var changeIndex: Int? {
        switch self {
        case .invalidFact(let index, _, _), .retractingAbsentFact(let index, _): return index
        default: return nil
        }
    }
}
