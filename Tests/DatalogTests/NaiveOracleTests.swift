import Datalog
import Testing
import TestSupport

/// Random programs over random facts: the engine's semi-naive evaluation must give
/// the same answers as a naive evaluator written here, which recomputes every rule
/// over all tuples until nothing changes, one layer at a time.
@Suite struct NaiveOracleTests {
    struct Literal {
        var relation: String
        var variables: [String]
        var negated = false
    }

    struct Rule {
        var head: String
        var headVariables: [String]
        var body: [Literal]
        var comparison: (String, String, String)?

        var text: String {
            var parts = body.map { ($0.negated ? "not " : "") + "\($0.relation)(\($0.variables.joined(separator: ", ")))" }
            if let (a, op, b) = comparison { parts.append("\(a) \(op) \(b)") }
            return "\(head)(\(headVariables.joined(separator: ", "))) :- \(parts.joined(separator: ", "))."
        }
    }

    static let arities = ["e0": 2, "e1": 2, "e2": 1, "a0": 2, "a1": 2, "a2": 1, "b0": 1, "b1": 2]
    static let variables = ["X", "Y", "Z", "W"]

    /// Layer a: positive rules over the facts and layer a (recursive); layer b: rules
    /// over the facts and layer a, with negation of layer a.
    static func randomProgram(_ g: inout SplitMix64) -> (facts: [String: Set<[Int]>], layers: [[Rule]]) {
        var facts: [String: Set<[Int]>] = [:]
        for name in ["e0", "e1", "e2"] {
            let arity = arities[name]!
            var rows = Set<[Int]>()
            for _ in 0..<(3 + g.next(below: 8)) { rows.insert((0..<arity).map { _ in g.next(below: 5) }) }
            facts[name] = rows
        }
        func rule(head: String, positive: [String], negative: [String]) -> Rule {
            var body: [Literal] = []
            for _ in 0..<(1 + g.next(below: 3)) {
                let name = positive[g.next(below: positive.count)]
                body.append(Literal(relation: name, variables: (0..<arities[name]!).map { _ in variables[g.next(below: 4)] }))
            }
            let bound = Array(Set(body.flatMap(\.variables))).sorted()
            if !negative.isEmpty && g.next(below: 2) == 0 {
                let name = negative[g.next(below: negative.count)]
                body.append(Literal(relation: name, variables: (0..<arities[name]!).map { _ in bound[g.next(below: bound.count)] }, negated: true))
            }
            var comparison: (String, String, String)?
            if g.next(below: 3) == 0 {
                comparison = (bound[g.next(below: bound.count)], ["!=", "<", "<="][g.next(below: 3)], bound[g.next(below: bound.count)])
            }
            let headVariables = (0..<arities[head]!).map { _ in bound[g.next(below: bound.count)] }
            return Rule(head: head, headVariables: headVariables, body: body, comparison: comparison)
        }
        var layerA: [Rule] = []
        for head in ["a0", "a1", "a2"] {
            for _ in 0..<(1 + g.next(below: 3)) {
                layerA.append(rule(head: head, positive: ["e0", "e1", "e2", "a0", "a1", "a2"], negative: []))
            }
        }
        var layerB: [Rule] = []
        for head in ["b0", "b1"] {
            for _ in 0..<(1 + g.next(below: 2)) {
                layerB.append(rule(head: head, positive: ["e0", "e1", "e2", "a0", "a1", "a2", head], negative: ["a0", "a1", "a2"]))
            }
        }
        return (facts, [layerA, layerB])
    }

    /// The naive fixpoint, layer by layer.
    static func naive(facts: [String: Set<[Int]>], layers: [[Rule]]) -> [String: Set<[Int]>] {
        var relations = facts
        for name in arities.keys where relations[name] == nil { relations[name] = [] }
        for layer in layers {
            var changed = true
            while changed {
                changed = false
                for rule in layer {
                    for tuple in derive(rule, relations) where relations[rule.head]!.insert(tuple).inserted {
                        changed = true
                    }
                }
            }
        }
        return relations
    }

    static func derive(_ rule: Rule, _ relations: [String: Set<[Int]>]) -> [[Int]] {
        var results: [[Int]] = []
        func extend(_ index: Int, _ binding: [String: Int]) {
            if index == rule.body.count {
                if let (a, op, b) = rule.comparison {
                    let x = binding[a]!, y = binding[b]!
                    let holds = op == "!=" ? x != y : (op == "<" ? x < y : x <= y)
                    if !holds { return }
                }
                results.append(rule.headVariables.map { binding[$0]! })
                return
            }
            let literal = rule.body[index]
            if literal.negated {
                let tuple = literal.variables.map { binding[$0]! }
                if !relations[literal.relation]!.contains(tuple) { extend(index + 1, binding) }
                return
            }
            for tuple in relations[literal.relation]! {
                var next = binding
                var fits = true
                for (variable, value) in zip(literal.variables, tuple) {
                    if let bound = next[variable], bound != value { fits = false; break }
                    next[variable] = value
                }
                if fits { extend(index + 1, next) }
            }
        }
        extend(0, [:])
        return results
    }

    /// The facts, in a fixed order, and the rules as one program text.
    static func programText(facts: [String: Set<[Int]>], layers: [[Rule]]) -> String {
        var text = ""
        for (name, rows) in facts.sorted(by: { $0.key < $1.key }) {
            for row in rows.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                text += "\(name)(\(row.map(String.init).joined(separator: ", "))).\n"
            }
        }
        for rule in layers.flatMap({ $0 }) { text += rule.text + "\n" }
        return text
    }

    @Test(arguments: 0..<150)
    func semiNaiveMatchesNaive(seed: Int) throws {
        var g = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let (facts, layers) = Self.randomProgram(&g)
        var text = Self.programText(facts: facts, layers: layers)
        let derived = ["a0", "a1", "a2", "b0", "b1"]
        for name in derived {
            let vars = (0..<Self.arities[name]!).map { "V\($0)" }.joined(separator: ", ")
            text += "?- \(name)(\(vars)).\n"
        }
        let expected = Self.naive(facts: facts, layers: layers)
        let answers = try ProgramRunner().answers(text)
        for (name, answer) in zip(derived, answers) {
            let oracle = Set(expected[name]!.map { $0.map(String.init).joined(separator: " | ") })
            #expect(Set(answer) == oracle, "relation \(name) differs for program:\n\(text)")
            #expect(answer.count == oracle.count)
        }
    }

    /// Queries with constants run over the magic-set rewriting: the same answers as
    /// the oracle's, restricted to the constants.
    @Test(arguments: 0..<150)
    func magicSetsMatchNaive(seed: Int) throws {
        var g = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        let (facts, layers) = Self.randomProgram(&g)
        var text = Self.programText(facts: facts, layers: layers)
        let expected = Self.naive(facts: facts, layers: layers)
        var checks: [(String, Int, Int)] = []  // relation, bound column, constant
        for name in ["a0", "a1", "a2", "b0", "b1"] {
            let arity = Self.arities[name]!
            let column = g.next(below: arity)
            let constant = g.next(below: 5)
            checks.append((name, column, constant))
            let arguments = (0..<arity).map { $0 == column ? String(constant) : "V\($0)" }
            text += "?- \(name)(\(arguments.joined(separator: ", "))).\n"
        }
        let runner = ProgramRunner()
        let withMagic = try runner.answers(text)
        runner.engine.useMagicSets = false
        let without = try runner.answers(text)
        #expect(withMagic == without, "magic sets changed an answer of:\n\(text)")
        for ((name, column, constant), answer) in zip(checks, withMagic) {
            let arity = Self.arities[name]!
            let oracle = Set(expected[name]!.filter { $0[column] == constant }.map { row in
                (0..<arity).filter { $0 != column }.map { String(row[$0]) }.joined(separator: " | ")
            })
            #expect(Set(answer) == oracle, "\(name) with column \(column) = \(constant) in:\n\(text)")
        }
    }
}
