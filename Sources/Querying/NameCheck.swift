import Datalog
import TextLayout
import WardGraph

/// Warnings for the constants of a query that name nothing in the graph: the
/// planner's commonest silent mistake is a Japanese variable written without `?`
/// (`?- ward_partner(区, 連携先).` reads 区 and 連携先 as names and answers "no").
///
/// A text constant in a relation's argument is known when the graph has it (a node
/// id, a label, an attribute or a value), when a rule or fact of the program
/// mentions it, or when it is a node's default label (its id's last segment).
/// Otherwise it draws a warning with a caret; a bare word is told how to write a
/// variable, and every unknown name gets the closest label as a "did you mean".
/// Built-ins (`contains(T, "防災")`) and comparisons are not checked: their texts
/// are patterns, not names.
enum NameCheck {
    static func warnings(
        queries: [Query], rules: [Rule], files: SourceFiles, snapshot: GraphSnapshot
    ) -> [Diagnostic] {
        var unknown: [(text: String, range: SourceRange)] = []
        var programConstants: Set<String>?
        var defaultLabels: Set<String>?
        scan: for query in queries {
            for literal in query.body {
                let atom: Atom
                switch literal {
                case .atom(let a), .negated(let a, _): atom = a
                case .comparison: continue
                }
                guard Builtin(rawValue: atom.name) == nil else { continue }
                for term in atom.arguments {
                    guard case .constant(.string(let text)) = term.kind, !snapshot.mentions(text) else { continue }
                    if programConstants == nil { programConstants = constants(of: rules) }
                    if programConstants!.contains(text) { continue }
                    if defaultLabels == nil { defaultLabels = Set(snapshot.nodes().map { String($0.lastSegment) }) }
                    if defaultLabels!.contains(text) { continue }
                    unknown.append((text, term.range))
                    // As many as a front end shows: each costs a search for its closest name.
                    if unknown.count == Diagnostic.displayLimit { break scan }
                }
            }
        }
        guard !unknown.isEmpty else { return [] }
        let labels = snapshot.nodesByLabel().keys.sorted()
        return unknown.map { text, range in
            let quoted = files.text(at: range)?.hasPrefix("\"") ?? false
            let suggestion = Suggestion.closest(to: text, in: NodeID.looksLikeID(text) ? snapshot.nodes().map(\.description).sorted() : labels)
            // Quoted as it would be typed back: 'a bare word', or "a quoted text".
            let hint = suggestion.map { Constant.isBareWord($0) ? " (did you mean '\($0)'?)" : " (did you mean \(Constant.quoted($0))?)" } ?? ""
            let message: String
            if !quoted, Constant.isBareWord(text), !text.contains(":") {
                message = "\(text) is a constant and no node is called \(text); for a variable write ?\(text)\(hint)"
            } else {
                message = "no node, label or value in the graph is \(Constant.string(text))\(hint)"
            }
            return Diagnostic(message, range: range, severity: .warning)
        }
    }

    /// Every text constant in the rules' heads and bodies (facts included).
    private static func constants(of rules: [Rule]) -> Set<String> {
        var found = Set<String>()
        func add(_ expression: Expression) {
            switch expression {
            case .term(let t): if case .constant(.string(let s)) = t.kind { found.insert(s) }
            case .binary(_, let a, let b, _):
                add(a)
                add(b)
            case .negate(let a, _): add(a)
            }
        }
        for rule in rules {
            for argument in rule.head.arguments {
                if case .expression(let e) = argument { add(e) }
            }
            for literal in rule.body {
                switch literal {
                case .atom(let a), .negated(let a, _): a.arguments.forEach { add(.term($0)) }
                case .comparison(_, let x, let y, _):
                    add(x)
                    add(y)
                }
            }
        }
        return found
    }
}
