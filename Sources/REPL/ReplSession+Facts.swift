import Application
import WardGraph

/// `+fact.` and `-fact.`: planners correct the graph by hand, one transaction per
/// statement, authored by them; `:undo` takes back the session's last one.
/// The statements are the application layer's `FactStatement`s, the same as
/// `POST /api/facts` takes.
extension ReplSession {
    func changeFact(_ statement: String) {
        let relation = String(statement.dropFirst().drop(while: \.isWhitespace).prefix { $0 != "(" && $0 != "." && !$0.isWhitespace })
        if isSessionFact(statement, relation: relation) {
            // A relation that rules define, or one about no node, is not stored in the
            // graph: a fact of it is kept for the session, like a rule.
            guard statement.hasPrefix("+") else {
                fail("\(relation) is defined by rules, not stored in the graph, so there is nothing to retract; :forget-rules drops this session's rules and facts")
                return
            }
            addRule(String(statement.dropFirst()).trimmingCharacters(in: .whitespaces))
            return
        }
        let change: Change
        do { change = try FactStatement.parse(statement) } catch {
            fail(error.message)
            return
        }
        let verb = change.kind == .assert ? "asserted" : "retracted"
        commit { try Curation.commit([change], author: author, in: workspace) }
            describing: { _ in "\(verb) \(FactStatement.statementForm(change.fact))" }
    }

    /// Whether `+relation(…).` is a fact for the session rather than the graph: its
    /// relation is defined by rules (`+busy(企業).`), or it is not one of the graph's
    /// and its first argument is no node id (`+n(0).`). Facts about nodes
    /// (`+note("measure:泉区/R7/2.2", 要確認).`) go to the graph.
    func isSessionFact(_ statement: String, relation: String) -> Bool {
        if query.keptRuleHeads.contains(relation) { return true }
        if query.engine.inputSignatures.contains(where: { $0.name == relation }) { return false }
        var atom = String(statement.dropFirst())
        while let last = atom.last, last == "." || last.isWhitespace { atom.removeLast() }
        guard let (_, tuple) = try? query.engine.parseGroundAtom(atom), let first = tuple.first else { return true }
        return !NodeID.looksLikeID(query.engine.constants.display(first))
    }

    /// Writes one transaction as the session's author, then reads the graph anew.
    func commit(_ write: () throws -> Curation.Written?, describing what: (Curation.Written) -> String) {
        if asOf != nil {
            fail("reading the graph as of a past transaction; use :now before changing it")
            return
        }
        do {
            let written = try write()
            // A log cut meanwhile was read again before the write: forget the old ids first.
            noticeReload()
            if let written {
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
