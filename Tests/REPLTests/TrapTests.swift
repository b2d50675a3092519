import Foundation
import Testing
import TestSupport
@testable import REPL

/// The mistakes a planner who knows a little SQL and no Prolog makes at the prompt,
/// each with the exact answer the shell now gives (issue 11). Each script runs as
/// the shell runs typed or piped lines: through `StatementBuffer`, then the session.
@Suite struct TrapTests {
    struct Trap: CustomTestStringConvertible, Sendable {
        let name: String
        let script: String
        /// What standard output must be, or hold (when `outputHolds`).
        let output: String
        var outputHolds = false
        /// What standard error must be exactly.
        let errors: String
        var quits = false
        var testDescription: String { name }
    }

    static let traps: [Trap] = [
        Trap(
            name: "a Japanese variable without ? is a constant, and the warning says so",
            script: "?- ward_partner(区, 連携先).\n",
            output: "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nno\n",
            errors: """
                <input>:1:17: warning: 区 is a constant and no node is called 区; for a variable write ?区 (did you mean '旭区'?)
                 1 | ?- ward_partner(区, 連携先).
                   |                 ^^
                <input>:1:20: warning: 連携先 is a constant and no node is called 連携先; for a variable write ?連携先
                 1 | ?- ward_partner(区, 連携先).
                   |                     ^^^^^^

                """),
        Trap(
            name: "?区 is a variable",
            script: "?- ward_partner(?区, 泉伝統文化保存会).\n",
            output: "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\n?区\n----\n泉区\n(1 row)\n",
            errors: ""),
        Trap(
            name: "a bare atom with variables is a question, with a note",
            script: "ward_partner(泉区, P).\n",
            output: "(15 rows)", outputHolds: true,
            errors: "note: read as the question ?- ward_partner(泉区, P). Questions start with ?-; a fact is added with +fact.\n"),
        Trap(
            name: "a bare fact is a question too, so a typo adds nothing",
            script: "ward_partner(泉区, 商店街).\nward_partner(泉区, 国連).\n?- ward_partner(泉区, 国連).\n",
            output: "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nyes\n年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nno\n年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nno\n",
            errors: """
                note: read as the question ?- ward_partner(泉区, 商店街). Questions start with ?-; a fact is added with +fact.
                note: read as the question ?- ward_partner(泉区, 国連). Questions start with ?-; a fact is added with +fact.
                <input>:1:21: warning: 国連 is a constant and no node is called 国連; for a variable write ?国連
                 1 | ?- ward_partner(泉区, 国連).
                   |                       ^^^^
                <input>:1:21: warning: 国連 is a constant and no node is called 国連; for a variable write ?国連
                 1 | ?- ward_partner(泉区, 国連).
                   |                       ^^^^

                """),
        Trap(
            name: "+fact. adds a fact of a relation that rules define, for the session only",
            script: "+ward_partner(泉区, 国連).\n?- ward_partner(泉区, 国連).\n",
            output: "fact added to ward_partner for this session (the graph is unchanged)\n年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nyes\n",
            errors: ""),
        Trap(
            name: "。 ends a statement",
            script: "?- ward_partner(泉区, 商店街)。\n?- ward_partner(泉区, 農家)．\n",
            output: "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nyes\n年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nyes\n",
            errors: ""),
        Trap(
            name: "a 。 line does not swallow the next statement",
            script: "?- ward_partner(泉区, 商店街)。\n?- partner_wards(商店街, N).\n",
            output: "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nyes\n年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nN\n-\n2\n(1 row)\n",
            errors: ""),
        Trap(
            name: "; ends a statement with an error instead of a waiting prompt",
            script: "?- ward_partner(泉区, P);\n",
            output: "",
            errors: """
                <input>:1:23: error: ';' is not part of the language: end a statement with '.' (or '。'), and join conditions with ','
                 1 | ?- ward_partner(泉区, P);
                   |                         ^

                """),
        Trap(
            name: "help typed bare shows the help, with the variable rule first",
            script: "help\n",
            output: "Variables start with ? or an ASCII capital letter: ?区, ?連携先, W, Partner.\n", outputHolds: true,
            errors: ""),
        Trap(name: "exit typed bare leaves", script: "exit\n?- ward(W).\n", output: "", errors: "", quits: true),
        Trap(name: "quit. typed bare leaves", script: "quit.\n", output: "", errors: "", quits: true),
        Trap(
            name: "input that ends inside a statement is an error with its line",
            script: "?- ward(W).\n?- ward_partner(泉区,\n   P)\n",
            output: "W", outputHolds: true,
            errors: """
                <input>:2: error: unterminated statement: the input ends before the '.' of the statement that starts on line 2:
                  ?- ward_partner(泉区,
                end every statement with '.' (or '。'); it was not run

                """),
        Trap(
            name: "the plan hierarchy works by name",
            script: #"?- serves(M, "横浜市中期計画 テーマ05"), measure_of(泉区, M)."# + "\n",
            output: "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\nM\n------------------------------------\nグリーン社会の実現に向けて\n地域防災力の向上と防災体制の整備強化\n(2 rows)\n",
            errors: ""),
        Trap(
            name: "an id printed by a query pastes back",
            script: "?- has_measure(ward:泉区, M), partners_with(M, partner:農家).\n"
                + #"?- partners_with("measure:泉区/R7/1.3", partner:農家)."# + "\n",
            output: "M\n------------------------------------------\n\"measure:泉区/R7/1.3\" 〈「農」の魅力発信〉\n(1 row)\nyes\n",
            errors: ""),
        Trap(
            name: ":history takes a name, a quoted id, or an id pasted with its label",
            script: ":history 港南区\n:history \"measure:泉区/R7/1.3\"\n:history \"measure:泉区/R7/1.3\" 〈「農」の魅力発信〉\n:history 泉\n",
            output: "ward:港南区", outputHolds: true,
            errors: ":history: no node is called 泉 (did you mean '泉区'?); give a name such as 泉区 or an id such as ward:泉区\n"),
    ]

    @Test(arguments: traps)
    func theTrapIsAnswered(_ trap: Trap) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try ReplSessionTests.session(dir)
        let quit = Self.run(trap.script, in: session)
        let (out, err) = capture.take()
        if trap.outputHolds {
            #expect(out.contains(trap.output), "\(out)")
        } else {
            #expect(out == trap.output)
        }
        #expect(err == trap.errors)
        #expect(quit == trap.quits)
    }

    @Test func historyByNameIsTheHistoryOfTheNode() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try ReplSessionTests.session(dir)
        _ = Self.run(":history 港南区\n:history ward:港南区\n", in: session)
        let out = capture.take().0
        let half = out.count / 2
        #expect(out.prefix(half) == out.suffix(out.count - half))
        _ = Self.run(":history \"measure:泉区/R7/1.3\"\n:history \"measure:泉区/R7/1.3\" 〈「農」の魅力発信〉\n", in: session)
        #expect(capture.take().0.contains("+  measure:泉区/R7/1.3  label"))
    }

    @Test func aLineMissingOnlyItsPeriodGetsAHintAtTheContinuationPrompt() {
        let hint = "(the statement goes on until a '.' or '。'; type one to end it, or Ctrl-C to clear it)"
        #expect(ReplSession.continuationHint("?- ward_partner(泉区, P)\n") == hint)
        #expect(ReplSession.continuationHint("clear\n") == hint)
        #expect(ReplSession.continuationHint("busy(P) :-\n") == nil)
        #expect(ReplSession.continuationHint("?- ward_partner(泉区,\n") == nil)
    }

    /// Feeds a script to the session line by line, as the shell does; whether it quit.
    static func run(_ script: String, in session: ReplSession) -> Bool {
        var buffer = StatementBuffer()
        for line in script.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            for statement in buffer.add(line: String(line)) where session.handle(statement) == .quit {
                return true
            }
        }
        if !buffer.isEmpty { session.unterminated(buffer.pending.trimmingCharacters(in: .whitespacesAndNewlines), line: buffer.pendingStartLine) }
        return false
    }
}
