import Datalog
import Testing

@Suite struct WhyTests {
    var runner: ProgramRunner {
        var runner = ProgramRunner()
        let constants = runner.engine.constants
        let edges: [(String, String, String)] = [("a", "b", "g.txt:1"), ("b", "c", "g.txt:2"), ("c", "d", "g.txt:3"), ("d", "b", "g.txt:4")]
        runner.engine.addInput(InputRelation(
            InputSignature(name: "edge", arity: 2),
            provenance: { tuple in
                let pair = (constants.display(tuple[0]), constants.display(tuple[1]))
                return edges.first { $0.0 == pair.0 && $0.1 == pair.1 }?.2
            },
            load: { writer in for (x, y, _) in edges { writer.add([constants.string(x), constants.string(y)]) } }))
        return runner
    }

    @Test func recursiveDerivationGoesDownToSourcedFacts() throws {
        let tree = try runner.why("""
            path(X, Y) :- edge(X, Y).
            path(X, Z) :- path(X, Y), edge(Y, Z).
            """, "path(a, d)")
        #expect(tree == """
            path(a, d)   by path(X, Z) :- path(X, Y), edge(Y, Z).   (test.dl:2)
            +- path(a, c)   by path(X, Z) :- path(X, Y), edge(Y, Z).   (test.dl:2)
            |  +- path(a, b)   by path(X, Y) :- edge(X, Y).   (test.dl:1)
            |  |  `- edge(a, b)   fact, g.txt:1
            |  `- edge(b, c)   fact, g.txt:2
            `- edge(c, d)   fact, g.txt:3
            """)
    }

    @Test func negatedPremisesAreAbsentLeavesAndConditionsShowTheirValues() throws {
        let tree = try runner.why("""
            node(X) :- edge(X, _).
            node(Y) :- edge(_, Y).
            source(X) :- node(X), not edge(_, X), X != z.
            """, "source(a)")
        #expect(tree == """
            source(a)   by source(X) :- node(X), not edge(_, X), X != z.   (test.dl:3)
            +- node(a)   by node(X) :- edge(X, _).   (test.dl:1)
            |  `- edge(a, b)   fact, g.txt:1
            +- not edge(_, a)   absent
            `- a != z
            """)
    }

    @Test func aggregatesShowTheirBindings() throws {
        let tree = try runner.why("out(X, count(Y)) :- edge(X, Y).  into(count(X)) :- edge(X, b).", "into(2)")
        #expect(tree.hasPrefix("into(2)   by into(count(X)) :- edge(X, b).   (test.dl:1); over 2 bindings"))
        #expect(tree.contains("edge(a, b)   fact, g.txt:1"))
        #expect(tree.contains("edge(d, b)   fact, g.txt:4"))
    }

    @Test func factsOfTheProgramAndComputedHeads() throws {
        let tree = try runner.why("n(0). n(M) :- n(K), M = K + 1, M < 3.", "n(2)")
        #expect(tree == """
            n(2)   by n(M) :- n(K), M = K + 1, M < 3.   (test.dl:1)
            +- n(1)   by n(M) :- n(K), M = K + 1, M < 3.   (test.dl:1)
            |  +- n(0)   by n(0).   (test.dl:1)
            |  +- 1 = 0 + 1
            |  `- 1 < 3
            +- 2 = 1 + 1
            `- 2 < 3
            """)
    }

    @Test func whatDoesNotHoldIsSaid() {
        #expect(throws: DerivationError.notDerived("path(d, a)")) {
            try runner.why("path(X, Y) :- edge(X, Y). path(X, Z) :- path(X, Y), edge(Y, Z).", "path(d, a)")
        }
        #expect(throws: DerivationError.unknownRelation("paht", suggestion: "path")) {
            try runner.why("path(X, Y) :- edge(X, Y).", "paht(a, b)")
        }
    }
}
