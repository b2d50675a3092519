import Datalog
import Testing

/// The translation to Soufflé's language, read as text: names, types, inputs,
/// aggregates, and the located errors for what does not translate. (Running the
/// translations is SouffleDifferentialTests'.)
@Suite struct SouffleTranslatorTests {
    /// The translation of `text` over an input `attr(Id, Name, Value)` of texts and
    /// numbers and an input `line(Id, N)` of numbers; or its rendered errors.
    static func translate(_ text: String) -> (program: String, errors: [String]) {
        let engine = DatalogEngine()
        engine.addInput(InputRelation(InputSignature(name: "attr", arity: 3, columnTypes: [.text, .text, .mixed])) { _ in })
        engine.addInput(InputRelation(InputSignature(name: "line", arity: 2)) { writer in
            writer.add([engine.constants.string("m1"), engine.constants.integer(3)])
        })
        var sources = SourceSet()
        sources.add(name: "test.dl", text: text)
        switch engine.analyze(sources) {
        case .failure(let list): return ("", list.diagnostics.map { sources.files.render($0) })
        case .success(let program):
            do {
                return (try engine.translateToSouffle(program, sources: sources.files).text, [])
            } catch let list as DiagnosticList {
                return ("", list.diagnostics.map { sources.files.render($0) })
            } catch {
                return ("", ["\(error)"])
            }
        }
    }

    @Test func rulesQueriesAndInputsCarryOver() {
        let (program, errors) = Self.translate("""
            level(M, L) :- attr(M, level, L).
            deep(M) :- line(M, N), N > 2, not level(M, "1").
            ?- deep(M).
            """)
        #expect(errors == [])
        #expect(program.contains(".decl attr(c1: symbol, c2: symbol, c3: symbol)\n.input attr(IO=file, filename=\"attr.facts\", rfc4180=true, delimiter=\"\\t\")"))
        // A fact file's types are read off its data: line holds texts and numbers.
        #expect(program.contains(".decl line(c1: symbol, c2: number)"))
        #expect(program.contains(".decl level(c1: symbol, c2: symbol)"))
        #expect(program.contains("// test.dl:1\nlevel(M, L) :-\n    attr(M, \"level\", L).\n"))
        #expect(program.contains("deep(M) :-\n    line(M, N),\n    N > 2,\n    !level(M, \"1\").\n"))
        #expect(program.contains(".decl query_1(M: symbol)\nquery_1(M) :-\n    deep(M).\n.output query_1\n"))
    }

    @Test func japaneseAndReservedNamesBecomeSouffleIdentifiers() {
        let (program, errors) = Self.translate("""
            区の線(?区, N) :- line(?区, N).
            count(X) :- line(X, _).
            ?- 区の線(?区, N), count(?区).
            """)
        #expect(errors == [])
        #expect(program.contains(".decl _r_533a__306e__7dda_(c1: symbol, c2: number)"))
        #expect(program.contains("_r_533a__306e__7dda_(_v_3f__533a_, N) :-\n    line(_v_3f__533a_, N)."))
        #expect(program.contains("_rcount(X) :-\n    line(X, _)."))
        #expect(program.contains(".decl query_1(_v_3f__533a_: symbol, N: number)"))
    }

    @Test func aggregatesRangeOverAHelperOfTheirDistinctBindings() {
        let (program, errors) = Self.translate("""
            per(M, count(N)) :- line(M, N).
            total(sum(N), max(N)) :- line(_, N).
            ?- per(M, C), total(S, X).
            """)
        #expect(errors == [])
        #expect(program.contains("_agg_per_0(M, N) :-\n    line(M, N).\nper(G, A) :-\n    _agg_per_0(G, _),\n    A = count : { _agg_per_0(G, _) }.\n"))
        #expect(program.contains("_agg_total_1(N) :-\n    line(_, N).\ntotal(A, A2) :-\n    A = sum X : { _agg_total_1(X) },\n    A2 = max X2 : { _agg_total_1(X2) }.\n"))
    }

    @Test(arguments: [
        ("c(collect(M)) :- line(M, _).\n?- c(X).", "test.dl:1:3: error: does not translate to Soufflé: collect(…) joins texts in order"),
        ("?- line(M, _), length(M, 2).", "test.dl:1:16: error: does not translate to Soufflé: length(…) counts characters"),
        ("?- line(M, _), matches(M, \"\\\\w+\").", "test.dl:1:27: error: does not translate to Soufflé: the pattern \"\\\\w+\" uses \\w"),
        ("?- line(M, _), matches(M, \"区+\").", "quantifies the Japanese character 区"),
        ("?- line(M, _), matches(M, \"^.区\").", "has a . not followed by * or +"),
        ("?- line(M, _), concat(A, B, M).", "test.dl:1:16: error: does not translate to Soufflé: concat(A, B, AB) splitting AB every way"),
        ("?- attr(M, level, L), L > 1.", "test.dl:1:23: error: does not translate to Soufflé: the comparison: text (column 3 of the input attr, which holds texts and numbers"),
        ("?- attr(M, level, 2).", "column 3 of attr: text (column 3 of the input attr, which holds texts and numbers"),
        ("?- line(M, 6000000000).", "test.dl:1:12: error: does not translate to Soufflé: the number 6000000000 does not fit Soufflé's 32-bit number"),
        ("p(1). p(a).\n?- p(X).", "test.dl:1:9: error: does not translate to Soufflé: column 1 of p: a number (the number 1 at 1:3) meets text (the text \"a\" at 1:9)"),
        ("lo(min(M)) :- line(M, _).\n?- lo(X).", "test.dl:1:4: error: does not translate to Soufflé: min(…) of texts"),
    ])
    func whatDoesNotTranslateIsALocatedError(text: String, message: String) {
        let (program, errors) = Self.translate(text)
        #expect(program == "")
        #expect(errors.contains { $0.contains(message) }, "\(errors)")
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() {
        let (_, errors) = Self.translate("?- line(M, _), length(M, 2), matches(M, \"\\\\d\").\nc(collect(M)) :- line(M, _).\n?- c(X).")
        #expect(errors.count == 3, "\(errors)")
    }

    @Test(arguments: [
        ("abc", nil as String?), ("^(?:港|旭)区$", nil), ("[0-9]+円", nil), ("泉.*区", nil), ("[^,]+", nil),
        ("\\d", "\\d"), ("[^,]", "negated class"), ("(?i)abc", "(?…) group"), ("a++", "possessive"), ("[区]", "character class"),
    ])
    func patternsTranslateOnlyWhenBytesAndCharactersAgree(pattern: String, problem: String?) {
        let found = SouffleTranslator.regexProblem(pattern)
        if let problem { #expect(found?.contains(problem) == true, "\(pattern): \(found ?? "nil")") } else { #expect(found == nil, "\(pattern)") }
    }
}
