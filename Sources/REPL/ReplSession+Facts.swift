import Application
import WardGraph

/// `+fact.` and `-fact.`: planners correct the graph by hand, one transaction per
/// statement, authored by them; `:undo` takes back the session's last one.
/// The statements are the application layer's `FactStatement`s, the same as
/// `POST /api/facts` takes.
extension ReplSession {
    func changeFact(_ statement: String) {
        let change: Change
        do { change = try FactStatement.parse(statement) } catch {
            fail(error.message)
            return
        }
        let verb = change.kind == .assert ? "asserted" : "retracted"
        commit { try Curation.commit([change], author: author, in: workspace) }
            describing: { _ in "\(verb) \(FactStatement.statementForm(change.fact))" }
    }

    /// Writes one transaction as the session's author, then reads the graph anew.
    func commit(_ write: () throws -> Curation.Written?, describing what: (Curation.Written) -> String) {
        if asOf != nil {
            fail("reading the graph as of a past transaction; use :now before changing it")
            return
        }
        do {
            if let written = try write() {
                sessionTransactions.append(written.transaction.id)
                output.write("transaction \(written.transaction.id): \(what(written))\n")
            }
        } catch {
            fail((error as? OperationError)?.message ?? "\(error)")
        }
        refreshGraph()
    }

    /// Retracts what the session's last transaction asserted and re-asserts what it retracted.
    func undo() {
        guard let last = sessionTransactions.popLast() else {
            fail(":undo: this session has made no change to undo")
            return
        }
        let before = sessionTransactions
        commit { try Curation.undo(last, author: author, in: workspace) } describing: { _ in "undid transaction \(last)" }
        sessionTransactions = before
    }
}
