import Foundation
import TransactionLog
import WardGraph

/// Corrections by hand: changes written as one transaction authored by a person, and
/// the undoing of a transaction. Writes go through the log's single-writer lock:
/// when another process holds it, the error names the holder and nothing is written.
public enum Curation {
    /// What a curation wrote.
    public struct Written: Sendable {
        public let transaction: TransactionInfo
        public let changes: [Change]
    }

    /// Parses every statement (all problems are reported, nothing is written if any),
    /// then commits them as one transaction; nil when there was nothing to change.
    public static func apply(_ statements: [String], author: String, in workspace: Workspace) throws(OperationError) -> Written? {
        var changes: [Change] = []
        var problems: [String] = []
        for statement in statements {
            do { changes.append(try FactStatement.parse(statement)) } catch { problems.append(error.message) }
        }
        guard problems.isEmpty else { throw OperationError(.badInput, problems.joined(separator: "\n")) }
        return try commit(changes, author: author, in: workspace)
    }

    /// Writes `changes` as one transaction of `author`, after reading what others appended.
    public static func commit(_ changes: [Change], author: String, in workspace: Workspace) throws(OperationError) -> Written? {
        guard !changes.isEmpty else { return nil }
        let author = author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !author.isEmpty else { throw OperationError(.badInput, "a change needs an author: who makes it") }
        do {
            return try workspace.withStore { store -> Written? in
                try store.refresh()
                return try store.commit(changes, author: author).map { Written(transaction: $0, changes: changes) }
            }
        } catch {
            throw writeError(error)
        }
    }

    /// Retracts what transaction `tx` asserted and re-asserts what it retracted, as a
    /// new transaction of `author`.
    public static func undo(_ tx: UInt64, author: String, in workspace: Workspace) throws(OperationError) -> Written? {
        let inverse: [Change]
        do {
            inverse = try workspace.withStore { store in
                try store.refresh()
                return try store.changes(in: tx).reversed().map { change -> Change in
                    change.kind == .assert ? .retract(change.fact) : .assert(change.fact, source: change.source)
                }
            }
        } catch {
            throw writeError(error)
        }
        return try commit(inverse, author: author, in: workspace)
    }

    /// Saves rules typed in a session under `name`, so the next session loads them.
    public static func saveRules(name: String, text: String, author: String, in workspace: Workspace) throws(OperationError) -> TransactionInfo {
        do { return try workspace.withStore { try $0.saveProgram(name: name, text: text, author: author) } } catch {
            throw writeError(error)
        }
    }

    /// A store error as the operation's error: a held lock or a refused change is a
    /// conflict (naming the holder), a missing transaction is not found.
    public static func writeError(_ error: Error) -> OperationError {
        switch error {
        case StoreError.log(.locked(_, _, let holder)):
            return OperationError(.conflict, "another writer holds the log's lock: \(holder); try again when it is done")
        case let error as StoreError where error.changeIndex != nil:
            return OperationError(.conflict, error.description)
        case StoreError.noSuchTransaction:
            return OperationError(.notFound, "\(error)")
        case let error as OperationError:
            return error
        default:
            return OperationError(.failed, "\(error)")
        }
    }
}
