import Datalog
import Testing

/// Every kind of error, with its file, line, column and caret.
@Suite struct DiagnosticTests {
    var runner: ProgramRunner {
        var runner = ProgramRunner()
        runner.input("has_measure", [[.string("ward:泉区"), .string("measure:泉区/R7/1")]])
        runner.input("partners_with", [[.string("measure:泉区/R7/1"), .string("partner:社会福祉協議会")]])
        return runner
    }

    @Test func syntaxErrorsAreAllReported() {
        let errors = runner.errors("""
            p(X) :- q(X)
            r(1).
            s(X :- t(X).
            ?- p(X)
            """)
        #expect(errors.count == 3)
        #expect(errors[0].hasPrefix("test.dl:2:1: error: expected ',' or '.' after a condition of the rule, found 'r'"))
        #expect(errors[0].contains("\n 2 | r(1).\n   | ^"))
        #expect(errors[1].hasPrefix("test.dl:3:5: error: expected ',' or ')' in the arguments of s"))
        #expect(errors[2].hasPrefix("test.dl:4:8: error: unterminated statement: the text ends before the '.' of the statement that starts at line 4, column 1"))
    }

    @Test func caretStandsUnderWideCharacters() {
        let errors = runner.errors("?- has_measure(泉区, M), partner_with(M, P).")
        #expect(errors.count == 1)
        let expected = """
            test.dl:1:24: error: unknown relation 'partner_with'; did you mean 'partners_with'?
             1 | ?- has_measure(泉区, M), partner_with(M, P).
               |                          ^^^^^^^^^^^^
            """
        #expect(errors[0] == expected)
    }

    @Test func unsafeVariables() {
        let errors = runner.errors("""
            a(X, Y) :- has_measure(X, _).
            b(X) :- has_measure(X, M), not partners_with(M, P).
            c(X) :- has_measure(X, _), Y > 3.
            d(X).
            """)
        #expect(errors.count == 4)
        #expect(errors[0].hasPrefix("test.dl:1:6: error: unsafe variable Y: it appears in the head"))
        #expect(errors[1].hasPrefix("test.dl:2:49: error: unsafe variable P: it appears in a negated condition"))
        #expect(errors[2].hasPrefix("test.dl:3:28: error: unsafe variable Y: it appears in a comparison"))
        #expect(errors[3].hasPrefix("test.dl:4:3: error: unsafe variable X: it appears in the head"))
    }

    @Test func recursionThroughNegationNamesTheCycle() {
        let errors = runner.errors("""
            win(X) :- move(X, Y), not win(Y).
            move(a, b). move(b, a).
            p(X) :- q(X).
            q(X) :- p(X), not r(X).
            r(X) :- q(X).
            """)
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("test.dl:1:27: error: cannot stratify {win}: win depends negatively (through 'not') on win, which depends on win again (win → win)"))
        #expect(errors[1].hasPrefix("test.dl:4:19: error: cannot stratify {p, q, r}: q depends negatively (through 'not') on r, which depends on q again (q → r → q)"))
    }

    @Test func recursionThroughAggregation() {
        let errors = runner.errors("n(count(X)) :- n(X).")
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("test.dl:1:16: error: cannot stratify {n}: n depends through an aggregate on n"))
    }

    @Test func arityMismatches() {
        let errors = runner.errors("""
            p(X, Y) :- has_measure(X, Y).
            q(X) :- p(X).
            r(X) :- has_measure(X).
            """)
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("test.dl:2:9: error: p is used with 1 argument here, but p has 2 at its first use (line 1, column 1)"))
        #expect(errors[1].hasPrefix("test.dl:3:9: error: has_measure is used with 1 argument here, but the input relation has_measure has 2"))
    }

    @Test func builtinTypeErrors() {
        let errors = runner.errors("""
            a(X) :- has_measure(X, _), length(X, "three").
            b(X) :- has_measure(X, _), contains(X, 3).
            c(N) :- has_measure(X, _), N = X + "1".
            d(X) :- has_measure(X, _), matches(X, "[unclosed").
            e(X) :- has_measure(X, _), concat(X, Y).
            """)
        #expect(errors.count == 5)
        #expect(errors[0].hasPrefix("test.dl:1:38: error: type error: length(Text, Characters) expects a whole number here"))
        #expect(errors[1].hasPrefix("test.dl:2:40: error: type error: contains(Text, Part) expects text here, not the number 3"))
        #expect(errors[2].hasPrefix("test.dl:3:36: error: type error: '+' works on whole numbers"))
        #expect(errors[3].hasPrefix("test.dl:4:39: error: invalid regular expression"))
        #expect(errors[4].hasPrefix("test.dl:5:28: error: concat takes 3 arguments, concat(A, B, AB), not 2"))
    }

    @Test func unknownParameter() {
        let errors = runner.errors("?- has_measure($ward, M).")
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("test.dl:1:16: error: parameter $ward has no value; pass it with --param ward=VALUE"))
    }

    @Test func badCharacters() {
        let errors = runner.errors("?- has_measure(W, M) ! x.\n?- has_measure(W, M);")
        #expect(errors.count == 2, "\(errors)")
        #expect(errors[0].hasPrefix("test.dl:1:22: error: unexpected '!'"))
        #expect(errors[1] == """
            test.dl:2:21: error: ';' is not part of the language: end a statement with '.' (or '。'), and join conditions with ','
             2 | ?- has_measure(W, M);
               |                     ^
            """)
    }

    /// What a Japanese input method types reads as what it means: 、 and ， as ',',
    /// 。 and ． as '.', ？ー as '?-'.
    @Test(arguments: ["?- has_measure(W、M)。", "?- has_measure(W，M)．", "？－ has_measure(W, M).", "?- has_measure(W, M)。?- has_measure(W, M)。"])
    func japanesePunctuationReadsAsMeant(_ text: String) {
        #expect(runner.errors(text).isEmpty)
    }

    @Test func unterminatedTextNamesTheStatementItEndsIn() {
        for (text, expected) in [
            ("?- has_measure(W, M)", "test.dl:1:21: error: unterminated statement: the text ends before the '.' of the statement that starts at line 1, column 1\n 1 | ?- has_measure(W, M)\n   |                     ^\n  note: end every statement with '.' (or '。')"),
            ("p(X) :- has_measure(X, _).\nq(X) :-\n  p(X)\n", "test.dl:3:7: error: unterminated statement: the text ends before the '.' of the statement that starts at line 2, column 1\n 3 |   p(X)\n   |       ^\n  note: end every statement with '.' (or '。')"),
        ] {
            #expect(runner.errors(text) == [expected])
        }
    }

    @Test func definingABuiltinIsRefused() {
        let errors = runner.errors("contains(X, Y) :- has_measure(X, Y).")
        #expect(errors.first?.contains("'contains' is a built-in and cannot be defined") == true)
    }
}
