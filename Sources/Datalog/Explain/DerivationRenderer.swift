/// Draws a derivation tree as indented text, with ASCII branches (box-drawing
/// characters are "ambiguous" width and misalign in Japanese terminals).
///
///     shared_partner(泉区, 港北区, 社会福祉協議会)   by shared_partner(W1, W2, P) :- … (prelude.dl:14)
///     +- ward_partner(泉区, 社会福祉協議会)   by …
///     |  +- has_measure("ward:泉区", "measure:泉区/R7/2")   fact, izumi-r7.txt:40
///     |  `- …
///     `- 泉区 < 港北区
public struct DerivationRenderer {
    let constants: ConstantTable

    public init(constants: ConstantTable) {
        self.constants = constants
    }

    public func render(_ derivation: Derivation) -> String {
        var lines: [String] = []
        draw(derivation, prefix: "", childPrefix: "", into: &lines)
        return lines.joined(separator: "\n")
    }

    private func atom(_ relation: String, _ tuple: [Value]) -> String {
        tuple.isEmpty ? relation : "\(relation)(\(tuple.map(constants.source).joined(separator: ", ")))"
    }

    private func label(_ derivation: Derivation) -> String {
        switch derivation {
        case .fact(let relation, let tuple, let source):
            return "\(atom(relation, tuple))   fact" + (source.map { ", \($0)" } ?? "")
        case .rule(let relation, let tuple, let rule, let location, _):
            return "\(atom(relation, tuple))   by \(rule)   (\(location))"
        case .aggregate(let relation, let tuple, let rule, let location, let bindings, let samples):
            let shown = samples.count < bindings ? ", \(samples.count) shown" : ""
            return "\(atom(relation, tuple))   by \(rule)   (\(location)); over \(bindings) binding\(bindings == 1 ? "" : "s")\(shown)"
        case .absent(let relation, let pattern):
            let arguments = pattern.map { $0.map(constants.source) ?? "_" }
            return "not \(arguments.isEmpty ? relation : "\(relation)(\(arguments.joined(separator: ", ")))")   absent"
        case .condition(let text):
            return text
        case .binding:
            return "binding"
        case .truncated(let relation, let tuple):
            return "\(atom(relation, tuple))   … (tree cut here)"
        }
    }

    private func children(_ derivation: Derivation) -> [Derivation] {
        switch derivation {
        case .rule(_, _, _, _, let premises), .binding(let premises): return premises
        case .aggregate(_, _, _, _, _, let samples): return samples
        default: return []
        }
    }

    private func draw(_ derivation: Derivation, prefix: String, childPrefix: String, into lines: inout [String]) {
        lines.append(prefix + label(derivation))
        let kids = children(derivation)
        for (i, child) in kids.enumerated() {
            let last = i == kids.count - 1
            draw(child, prefix: childPrefix + (last ? "`- " : "+- "), childPrefix: childPrefix + (last ? "   " : "|  "), into: &lines)
        }
    }
}
