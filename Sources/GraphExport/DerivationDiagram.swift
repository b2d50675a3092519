import Datalog
import GraphViz

/// A derivation tree from `why` as a diagram: each conclusion above its premises,
/// input facts as green leaves with their source line, absent (negated) premises
/// dashed, conditions as plain text.
public enum DerivationDiagram {
    public static func graph(_ derivation: Derivation, constants: ConstantTable) -> DotGraph {
        var graph = DotGraph(name: "why", isDirected: true, title: "why", rankDirection: .bottomToTop)
        var counter = 0
        func atom(_ relation: String, _ tuple: [Value]) -> String {
            tuple.isEmpty ? relation : "\(relation)(\(tuple.map(constants.source).joined(separator: ", ")))"
        }
        @discardableResult
        func add(_ d: Derivation) -> String {
            counter += 1
            let id = "n\(counter)"
            let label: String
            let style: NodeStyle
            var children: [Derivation] = []
            switch d {
            case .fact(let relation, let tuple, let source):
                label = atom(relation, tuple) + (source.map { "\n\($0)" } ?? "")
                style = NodeStyle(shape: .box, fill: "#DDF2DF", border: "#2E7D32")
            case .rule(let relation, let tuple, let rule, let location, let premises):
                label = atom(relation, tuple) + "\nby \(rule) (\(location))"
                style = NodeStyle(shape: .box, fill: "#DCE8FA", border: "#1F4E9A", options: [.rounded])
                children = premises
            case .aggregate(let relation, let tuple, let rule, let location, let bindings, let samples):
                label = atom(relation, tuple) + "\nby \(rule) (\(location))\nover \(bindings) bindings"
                style = NodeStyle(shape: .box, fill: "#EDE3F7", border: "#6A3FA0", options: [.rounded])
                children = samples
            case .absent(let relation, let pattern):
                label = "not " + atom(relation, pattern.map { $0 ?? constants.string("_") })
                style = NodeStyle(shape: .box, border: "#999999", fontColor: "#555555", options: [.dashed])
            case .condition(let text):
                label = text
                style = NodeStyle(shape: .plainText)
            case .binding(let premises):
                label = "binding"
                style = NodeStyle(shape: .point)
                children = premises
            case .truncated(let relation, let tuple):
                label = atom(relation, tuple) + "\n…"
                style = NodeStyle(shape: .box, options: [.dotted])
            }
            graph.add(DotNode(id: id, label: label, style: style))
            for child in children {
                let childID = add(child)
                graph.add(DotEdge(from: childID, to: id, style: EdgeStyle(color: "#777777")))
            }
            return id
        }
        add(derivation)
        return graph
    }
}
