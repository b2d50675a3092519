import Datalog
import TextLayout

/// The one view of a derivation: the indented tree of `DerivationRenderer` for a
/// terminal, and JSON whose fact leaves carry the document, the line and its text:
/// `{"atom": "p(a)", "kind": "rule", "rule": "…", "location": "f.dl:3", "premises": […]}`.
public enum DerivationView {
    public static func text(_ explanation: Explanation) -> String {
        DerivationRenderer(constants: explanation.constants).render(explanation.derivation)
    }

    public static func json(_ explanation: Explanation) -> JSONValue {
        let constants = explanation.constants
        func atom(_ relation: String, _ tuple: [Value]) -> JSONValue {
            .string(tuple.isEmpty ? relation : "\(relation)(\(tuple.map(constants.source).joined(separator: ", ")))")
        }
        func node(_ d: Derivation) -> JSONValue {
            switch d {
            case .fact(let relation, let tuple, let source):
                var members: [(String, JSONValue)] = [("atom", atom(relation, tuple)), ("kind", "fact"), ("source", .string(source))]
                if let reference = source.flatMap(SourceReference.init(parsing:)) {
                    members += [
                        ("document", .string(reference.document)), ("line", .integer(reference.line)),
                        ("last_line", .integer(reference.lastLine)),
                        ("text", .string(explanation.lineTexts["\(reference.document):\(reference.line)"])),
                    ]
                }
                return .object(members)
            case .rule(let relation, let tuple, let rule, let location, let premises):
                return .object([
                    ("atom", atom(relation, tuple)), ("kind", "rule"), ("rule", .string(rule)),
                    ("location", .string(location)), ("premises", .array(premises.map(node))),
                ])
            case .aggregate(let relation, let tuple, let rule, let location, let bindings, let samples):
                return .object([
                    ("atom", atom(relation, tuple)), ("kind", "aggregate"), ("rule", .string(rule)),
                    ("location", .string(location)), ("bindings", .integer(bindings)), ("samples", .array(samples.map(node))),
                ])
            case .absent(let relation, let pattern):
                let arguments = pattern.map { $0.map(constants.source) ?? "_" }
                return .object([("atom", .string("\(relation)(\(arguments.joined(separator: ", ")))")), ("kind", "absent")])
            case .condition(let text):
                return .object([("condition", .string(text)), ("kind", "condition")])
            case .binding(let premises):
                return .object([("kind", "binding"), ("premises", .array(premises.map(node)))])
            case .truncated(let relation, let tuple):
                return .object([("atom", atom(relation, tuple)), ("kind", "truncated")])
            }
        }
        return node(explanation.derivation)
    }
}
