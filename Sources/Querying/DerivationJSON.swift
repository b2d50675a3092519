import TextLayout
import Datalog
import ResultFormats

/// A derivation tree as JSON, for `--why` with `--format json`:
/// `{"atom": "p(a)", "kind": "rule", "rule": "…", "location": "f.dl:3", "premises": […]}`.
public enum DerivationJSON {
    public static func render(_ derivation: Derivation, constants: ConstantTable) -> String {
        func atom(_ relation: String, _ tuple: [Value]) -> String {
            tuple.isEmpty ? relation : "\(relation)(\(tuple.map(constants.source).joined(separator: ", ")))"
        }
        func node(_ d: Derivation) -> String {
            switch d {
            case .fact(let relation, let tuple, let source):
                return JSONText.object([
                    ("atom", JSONText.string(atom(relation, tuple))), ("kind", "\"fact\""),
                    ("source", source.map(JSONText.string) ?? "null"),
                ])
            case .rule(let relation, let tuple, let rule, let location, let premises):
                return JSONText.object([
                    ("atom", JSONText.string(atom(relation, tuple))), ("kind", "\"rule\""), ("rule", JSONText.string(rule)),
                    ("location", JSONText.string(location)), ("premises", JSONText.array(premises.map(node))),
                ])
            case .aggregate(let relation, let tuple, let rule, let location, let bindings, let samples):
                return JSONText.object([
                    ("atom", JSONText.string(atom(relation, tuple))), ("kind", "\"aggregate\""), ("rule", JSONText.string(rule)),
                    ("location", JSONText.string(location)), ("bindings", String(bindings)),
                    ("samples", JSONText.array(samples.map(node))),
                ])
            case .absent(let relation, let pattern):
                let arguments = pattern.map { $0.map(constants.source) ?? "_" }
                return JSONText.object([("atom", JSONText.string("\(relation)(\(arguments.joined(separator: ", ")))")), ("kind", "\"absent\"")])
            case .condition(let text):
                return JSONText.object([("condition", JSONText.string(text)), ("kind", "\"condition\"")])
            case .binding(let premises):
                return JSONText.object([("kind", "\"binding\""), ("premises", JSONText.array(premises.map(node)))])
            case .truncated(let relation, let tuple):
                return JSONText.object([("atom", JSONText.string(atom(relation, tuple))), ("kind", "\"truncated\"")])
            }
        }
        return node(derivation)
    }
}
