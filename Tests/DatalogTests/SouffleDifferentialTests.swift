import Datalog
import Testing
import TestSupport

/// Soufflé as a second, independent oracle: the engine's random oracle programs
/// and hand-written ones (aggregates, arithmetic, text built-ins, Japanese names)
/// are translated with `translateToSouffle`, run by Soufflé, and must answer
/// exactly as the engine does. Skipped where Soufflé is not installed (CI).
@Suite(.enabled(
    if: Souffle.executable != nil,
    "souffle was not found on the PATH (nor in WARDGRAPH_SOUFFLE); build it from source as the README says to run these tests"))
struct SouffleDifferentialTests {
    /// Runs `text` on the engine and, translated, on Soufflé; compares every query's rows.
    static func compare(_ text: String, parameters: [String: Constant] = [:]) throws {
        var sources = SourceSet()
        sources.add(name: "test.dl", text: text)
        let engine = DatalogEngine()
        let program = try engine.analyze(sources, parameters: parameters).get()
        let run = engine.start(program)
        let expected = try program.queries.map { query in
            try run.answer(query).rows.map { row in row.map(engine.constants.display) }
        }
        let translated = try engine.translateToSouffle(program, sources: sources.files)
        let got = try Souffle.run(program: translated.text, outputs: translated.outputs.map(\.relation))
        #expect(translated.outputs.count == expected.count)
        for (output, rows) in zip(translated.outputs, expected) {
            let souffleRows = got[output.relation] ?? []
            #expect(Set(souffleRows) == Set(rows), "\(output.relation) differs for:\n\(text)\n--- Soufflé program:\n\(translated.text)")
            #expect(souffleRows.count == rows.count, "\(output.relation): Soufflé gave duplicate rows")
        }
    }

    /// A random program of NaiveOracleTests with one query per derived relation, each
    /// argument written by `argument(relation, column, generator)`.
    static func oracleProgram(seed: UInt64, argument: (String, Int, inout SplitMix64) -> String) -> String {
        var g = SplitMix64(seed: seed)
        let (facts, layers) = NaiveOracleTests.randomProgram(&g)
        var text = NaiveOracleTests.programText(facts: facts, layers: layers)
        for name in ["a0", "a1", "a2", "b0", "b1"] {
            var arguments: [String] = []
            for column in 0..<NaiveOracleTests.arities[name]! { arguments.append(argument(name, column, &g)) }
            text += "?- \(name)(\(arguments.joined(separator: ", "))).\n"
        }
        return text
    }

    /// The programs of NaiveOracleTests.semiNaiveMatchesNaive, same seeds.
    @Test(arguments: 0..<150)
    func oracleProgramsAnswerAlike(seed: Int) throws {
        try Self.compare(Self.oracleProgram(seed: UInt64(seed) &* 7919 &+ 17) { _, column, _ in "V\(column)" })
    }

    /// Programs like NaiveOracleTests.magicSetsMatchNaive's: a constant in one column of each query.
    @Test(arguments: 0..<150)
    func oracleProgramsWithConstantsAnswerAlike(seed: Int) throws {
        var constantColumn: [String: Int] = [:]
        try Self.compare(Self.oracleProgram(seed: UInt64(seed) &* 104_729 &+ 3) { name, column, g in
            if constantColumn[name] == nil { constantColumn[name] = g.next(below: NaiveOracleTests.arities[name]!) }
            return constantColumn[name] == column ? String(g.next(below: 5)) : "V\(column)"
        })
    }

    static let wards = """
        ward_partner(泉区, 企業). ward_partner(泉区, 自治会町内会). ward_partner(港北区, 企業).
        ward_partner(港北区, 商店街). ward_partner(旭区, 企業). ward_partner(旭区, 自治会町内会).
        ward_partner(金沢区, "NPO法人 横浜"). measures(泉区, 12). measures(港北区, 7). measures(旭区, 12).
        measures(金沢区, -3).

        """

    static let programs: [String] = [
        // aggregates: per group, without groups, several in one head, over an empty body
        wards + """
            partner_wards(P, count(W)) :- ward_partner(W, P).
            ?- partner_wards(P, N).
            stats(count(P), sum(N), min(N), max(N)) :- partner_wards(P, N).
            ?- stats(C, S, Lo, Hi).
            ?- stats2(C) , C > 0.
            stats2(count(W, P)) :- ward_partner(W, P).
            total(sum(N)) :- measures(W, N).
            ?- total(T).
            none(count(W)) :- ward_partner(W, 商店街), ward_partner(W, "NPO法人 横浜").
            ?- none(N).
            highest(max(N), min(N)) :- measures(W, N).
            ?- highest(Hi, Lo).
            by_size(N, count(W)) :- measures(W, N).
            ?- by_size(N, C).
            """,
        // arithmetic, comparisons of numbers and of Japanese texts (code point order)
        wards + """
            ?- measures(W, N), M = N * 2 - 1, M > 0, R = N % 5, Q = N / 2.
            ?- ward_partner(W1, P), ward_partner(W2, P), W1 < W2.
            ?- measures(W, N), N >= 7, N != 12.
            shifted(W, N + 100) :- measures(W, N).
            ?- shifted(W, N), N < 105.
            ?- measures(W, N), -N > 0.
            """,
        // text built-ins on Japanese text
        wards + """
            ?- ward_partner(W, P), starts_with(W, 港).
            ?- ward_partner(W, P), ends_with(P, 会), contains(P, 町内).
            ?- ward_partner(W, P), concat(W, "の", X), concat(X, P, Y).
            ?- ward_partner(W, _), concat(Stem, "区", W).
            ?- ward_partner(W, _), concat("泉", Rest, W).
            ?- ward_partner(W, P), matches(W, "^(?:港|旭)区$").
            ?- ward_partner(W, P), matches(P, "NPO.*横浜").
            ?- ward_partner(W, P), matches(P, "[A-Z]+").
            """,
        // Japanese relation and variable names, and names that are Soufflé keywords
        wards + """
            連携(?区, ?先) :- ward_partner(?区, ?先).
            range(X) :- ward_partner(X, _).
            match(X, Y) :- range(X), range(Y), X != Y.
            ?- 連携(?区, 企業), not match(?区, 泉区).
            ?- range(X).
            """,
        // negation, anonymous variables, a query without variables, quotes and backslashes in texts
        """
        e(1, 2). e(2, 3). e(3, 1). e(4, 4). t("a\\"b"). t("c\\\\d"). t("タブ無し").
        reach(X, Y) :- e(X, Y).
        reach(X, Z) :- reach(X, Y), e(Y, Z).
        ?- reach(X, Y), not e(X, _).
        ?- e(1, 2).
        ?- e(2, 1).
        ?- t(T).
        ?- reach(X, X), not reach(X, 4).
        """,
    ]

    @Test(arguments: 0..<programs.count)
    func handWrittenProgramsAnswerAlike(index: Int) throws {
        try Self.compare(Self.programs[index])
    }
}
