import Datalog
import Foundation
import WardGraph

/// A change to the graph written as the REPL's statements, the planners' way of
/// correcting what extraction got wrong:
///
///     +partners_with("measure:泉区/R7/2.2", "partner:フェリス女学院大学").
///     -partners_with("measure:泉区/R7/2.4", partner:商店街).
///     +label("partner:フェリス女学院大学", "フェリス女学院大学").
///     +attr("measure:泉区/R7/2.2", note, "要確認").
public enum FactStatement {
    /// The change a statement asks for; a bad-input error saying what is wrong.
    public static func parse(_ statement: String) throws(OperationError) -> Change {
        let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let sign = text.first, sign == "+" || sign == "-" else {
            throw OperationError(.badInput, "\(text): a change starts with + (assert) or - (retract), as in +partners_with(\"measure:泉区/R7/2.2\", \"partner:フェリス女学院大学\").")
        }
        var atom = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        if atom.hasSuffix(".") { atom.removeLast() }
        let fact: Fact
        do { fact = try self.fact(atom) } catch {
            throw OperationError(.badInput, "\(sign)\(atom): \(error.message)")
        }
        return sign == "+" ? .assert(fact) : .retract(fact)
    }

    /// A fact written as the statement that asserts it: `partners_with("measure:泉区/R7/2.2", partner:フェリス女学院大学)`.
    public static func statementForm(_ fact: Fact) -> String {
        let value: Constant
        switch fact.value {
        case .node(let id): value = .string(id.description)
        case .text(let text): value = .string(text)
        case .integer(let n): value = .integer(n)
        }
        return "\(fact.attribute)(\(Constant.string(fact.entity.description)), \(value))"
    }

    struct Problem: Error {
        let message: String
    }

    /// `rel(Entity, Value)`, `attr(Entity, Name, Value)` or `edge(From, Type, To)` as a fact.
    static func fact(_ text: String) throws(Problem) -> Fact {
        let engine = DatalogEngine()
        let relation: String, tuple: [Value]
        do { (relation, tuple) = try engine.parseGroundAtom(text) } catch let list as DiagnosticList {
            throw Problem(message: list.diagnostics.map(\.message).joined(separator: "; "))
        } catch {
            throw Problem(message: "\(error)")
        }
        let constants = tuple.map(engine.constants.constant)
        func string(_ c: Constant, _ what: String) throws(Problem) -> String {
            guard case .string(let s) = c else { throw Problem(message: "\(what) must be text, not \(c)") }
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
            throw Problem(message: "write +relation(Entity, Value), as in +partners_with(\"measure:泉区/R7/2.2\", \"partner:フェリス女学院大学\"), or +attr(Entity, Name, Value)")
        }
        let entity: NodeID
        do { entity = try NodeID(parsing: entityText) } catch { throw Problem(message: error.description) }
        let value: FactValue
        switch valueConstant {
        case .integer(let n): value = .integer(n)
        case .string(let s):
            if EdgeType(attribute: attribute) != nil {
                do { value = .node(try NodeID(parsing: s)) } catch { throw Problem(message: error.description) }
            } else {
                value = .text(s)
            }
        }
        let fact = Fact(entity, attribute, value)
        do { try FactRules.validate(fact) } catch { throw Problem(message: error.description) }
        return fact
    }
}
