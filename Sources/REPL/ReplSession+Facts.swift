import Datalog
import WardGraph

/// `+fact.` and `-fact.`: planners correct the graph by hand, one transaction per
/// statement, authored by them; `:undo` takes back the session's last one.
///
///     +partners_with("measure:泉区/R7/2.2", "partner:フェリス女学院大学").
///     -partners_with("measure:泉区/R7/2.4", partner:商店街).
///     +label("partner:フェリス女学院大学", "フェリス女学院大学").
///     +attr("measure:泉区/R7/2.2", note, "要確認").
extension ReplSession {
    func changeFact(_ statement: String) {
        let isAssertion = statement.hasPrefix("+")
        let atomText = String(statement.dropFirst()).trimmingCharacters(in: .whitespaces)
        let fact: Fact
        do {
            fact = try parseFact(atomText)
        } catch let error as FactStatementError {
            fail("\(isAssertion ? "+" : "-")\(atomText): \(error.message)")
            return
        } catch let list as DiagnosticList {
            fail("\(isAssertion ? "+" : "-")\(atomText): " + list.diagnostics.map(\.message).joined(separator: "; "))
            return
        } catch {
            fail("\(error)")
            return
        }
        commit([isAssertion ? .assert(fact) : .retract(fact)], describing: "\(isAssertion ? "asserted" : "retracted") \(Self.statementForm(fact))")
    }

    /// Writes one transaction as the session's author, then reads the graph anew.
    func commit(_ changes: [Change], describing what: String) {
        if asOf != nil {
            fail("reading the graph as of a past transaction; use :now before changing it")
            return
        }
        do {
            let committed = try store.commit(changes, author: author)
            noticeReload()
            guard let info = committed else { return }
            sessionTransactions.append(info.id)
            output.write("transaction \(info.id): \(what)\n")
        } catch {
            fail("\(error)")
        }
        refreshGraph()
    }

    /// Retracts what the session's last transaction asserted and re-asserts what it retracted.
    func undo() {
        guard let last = sessionTransactions.popLast() else {
            fail(":undo: this session has made no change to undo")
            return
        }
        do {
            let inverse = try store.changes(in: last).reversed().map { change -> Change in
                change.kind == .assert ? .retract(change.fact) : .assert(change.fact, source: change.source)
            }
            let before = sessionTransactions
            commit(inverse, describing: "undid transaction \(last)")
            sessionTransactions = before
        } catch {
            fail("\(error)")
        }
    }

    /// A fact written as the statement that asserts it: `partners_with("measure:泉区/R7/2.2", partner:フェリス女学院大学)`.
    static func statementForm(_ fact: Fact) -> String {
        let value: Constant
        switch fact.value {
        case .node(let id): value = .string(id.description)
        case .text(let text): value = .string(text)
        case .integer(let n): value = .integer(n)
        }
        return "\(fact.attribute)(\(Constant.string(fact.entity.description)), \(value))"
    }

    struct FactStatementError: Error {
        let message: String
    }

    /// `rel(Entity, Value)`, `attr(Entity, Name, Value)` or `edge(From, Type, To)` as a fact.
    func parseFact(_ text: String) throws -> Fact {
        let engine = query.engine
        let (relation, tuple) = try engine.parseGroundAtom(text)
        let constants = tuple.map(engine.constants.constant)
        func string(_ c: Constant, _ what: String) throws -> String {
            guard case .string(let s) = c else { throw FactStatementError(message: "\(what) must be text, not \(c)") }
            return s
        }
        let entityText: String, attribute: String, valueConstant: Constant
        switch (relation, constants.count) {
        case ("attr", 3), ("edge", 3):
            entityText = try string(constants[0], "the entity")
            attribute = try string(constants[1], "the attribute")
            valueConstant = constants[2]
        case (_, 2):
            entityText = try string(constants[0], "the entity")
            attribute = relation
            valueConstant = constants[1]
        default:
            throw FactStatementError(message: "write +relation(Entity, Value), as in +partners_with(\"measure:泉区/R7/2.2\", \"partner:フェリス女学院大学\"), or +attr(Entity, Name, Value)")
        }
        let entity: NodeID
        do { entity = try NodeID(parsing: entityText) } catch {
            throw FactStatementError(message: error.description)
        }
        let value: FactValue
        switch valueConstant {
        case .integer(let n): value = .integer(n)
        case .string(let s):
            if EdgeType(attribute: attribute) != nil {
                do { value = .node(try NodeID(parsing: s)) } catch { throw FactStatementError(message: error.description) }
            } else {
                value = .text(s)
            }
        }
        let fact = Fact(entity, attribute, value)
        do { try FactRules.validate(fact) } catch { throw FactStatementError(message: error.description) }
        return fact
    }
}
