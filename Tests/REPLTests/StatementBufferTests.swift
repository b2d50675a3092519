import Testing
@testable import REPL

@Suite struct StatementBufferTests {
    @Test func oneLineOneStatement() {
        var buffer = StatementBuffer()
        #expect(buffer.add(line: "?- ward(W).") == ["?- ward(W)."])
        #expect(buffer.isEmpty)
    }

    @Test func aRuleOverSeveralLines() {
        var buffer = StatementBuffer()
        #expect(buffer.add(line: "busy(P) :-") == [])
        #expect(!buffer.isEmpty)
        #expect(buffer.add(line: "   partner_wards(P, N),") == [])
        #expect(buffer.add(line: "   N >= 3.") == ["busy(P) :-\n   partner_wards(P, N),\n   N >= 3."])
        #expect(buffer.isEmpty)
    }

    @Test func severalStatementsOnOneLineAndDotsInsideStringsAndComments() {
        var buffer = StatementBuffer()
        let statements = buffer.add(line: #"p("a. b"). q(X) :- p(X). % the end. really"#)
        #expect(statements == [#"p("a. b")."#, "q(X) :- p(X)."])
        #expect(buffer.isEmpty)
        #expect(buffer.add(line: #"?- measure_of(W, "measure:泉区/R7/1.2", T)."#) == [#"?- measure_of(W, "measure:泉区/R7/1.2", T)."#])
    }

    @Test func metaCommandsAndDirectives() {
        var buffer = StatementBuffer()
        #expect(buffer.add(line: "  :help") == [":help"])
        #expect(buffer.add(line: ".limit 5") == [".limit 5"])
        #expect(buffer.add(line: "% only a comment") == [])
        // ':-' at the start of a line continues a rule; ':name' ends an unfinished one.
        #expect(buffer.add(line: "p(X)") == [])
        #expect(buffer.add(line: "  :- q(X).") == ["p(X)\n  :- q(X)."])
        #expect(buffer.add(line: "?- p(X") == [])
        #expect(buffer.add(line: ":quit") == ["?- p(X", ":quit"])
    }

    @Test func remainderIsNotAComment() {
        var buffer = StatementBuffer()
        #expect(buffer.add(line: "even(X) :- n(X), X % 2 = 0.") == ["even(X) :- n(X), X % 2 = 0."])
    }
}
