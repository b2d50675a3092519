import Dispatch
import Foundation
import Testing
@testable import Datalog

/// What a hostile program found (issue 13), in the engine: deep nesting that
/// overflowed the parser's stack, analysis that was quadratic and outside the time
/// limit, errors that flooded the output, texts and relations that grew until the
/// allocator gave up, and a regular expression whose failure read as `false`.
@Suite struct BoundsTests {
    /// The syntax errors of `text`, and how many more were found than kept.
    func syntaxErrors(_ text: String) -> (diagnostics: [Diagnostic], omitted: Int, files: SourceFiles) {
        var sources = SourceSet()
        sources.add(name: "deep.dl", text: text)
        return (sources.diagnostics, sources.omittedDiagnostics, sources.files)
    }

    @Test(arguments: [
        ("parentheses", "?- X = " + String(repeating: "(", count: 14_000) + "1" + String(repeating: ")", count: 14_000) + "."),
        ("signs", "?- X = " + String(repeating: "- ", count: 20_000) + "1."),
        ("a long sum", "?- X = " + Array(repeating: "1", count: 40_000).joined(separator: " + ") + "."),
        ("a long product", "?- X = " + Array(repeating: "2", count: 5_000).joined(separator: " * ") + "."),
    ])
    func deepExpressionsAreALocatedErrorNotACrash(what: String, text: String) {
        let (diagnostics, _, files) = syntaxErrors(text)
        #expect(diagnostics.count == 1, "\(what)")
        let first = diagnostics.first
        #expect(first?.message.contains("nested more than 1,000 levels deep") == true, "\(what)")
        #expect(first?.range.start.line == 1)
        #expect((first?.range.start.column ?? 0) > 1_000)
        // The rendered line is a window around the caret, not the whole line.
        #expect(files.render(diagnostics).utf8.count < 1_000)
    }

    @Test func nestingUpToTheLimitStillWorks() throws {
        let runner = ProgramRunner()
        let nested = String(repeating: "(", count: 900) + "1" + String(repeating: ")", count: 900)
        #expect(try runner.answer("?- X = \(nested) + " + Array(repeating: "1", count: 90).joined(separator: " + ") + ".") == ["91"])
        #expect(try runner.answer("?- X = " + String(repeating: "- ", count: 900) + "1.") == ["1"])
    }

    @Test func aBodyOfMoreThanAThousandConditionsIsAnError() {
        let body = (0..<1_200).map { "X\($0) = \($0)" }.joined(separator: ", ")
        let (diagnostics, _, _) = syntaxErrors("?- \(body).")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("more than 1,000 conditions") == true)
    }

    /// 8,000 bad characters on one line: the errors are all counted, a thousand are
    /// kept, a hundred are shown, each with a clipped line.
    @Test func errorsAreCappedAndLinesClipped() {
        let (diagnostics, omitted, files) = syntaxErrors("?- p(X), " + String(repeating: "!", count: 8_000) + ".")
        #expect(diagnostics.count == Diagnostic.collectionLimit)
        #expect(diagnostics.count + omitted >= 8_000)
        let text = files.render(diagnostics, omitted: omitted)
        #expect(text.utf8.count < 60_000)
        #expect(text.contains("… and 7,9"))
        #expect(text.hasSuffix("more errors (fix the ones above first)"))
    }

    static let chain = "e(1). p0(X) :- e(X). " + (1..<10_000).map { "p\($0)(X) :- p\($0 - 1)(X)." }.joined(separator: " ")

    /// CPU seconds of the current thread (the machine may be busy with other work).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A chain of 10,000 rules is analysed and answered in a few CPU seconds in a
    /// debug build (the release build took 20 s, and 150 s over the magic-set
    /// rewriting, when rules were looked up by scanning them all).
    @Test(arguments: ["?- p9999(X).", "?- p9999(1)."])
    func aLongChainOfRulesIsAnalysedInLinearTime(query: String) throws {
        var runner = ProgramRunner()
        runner.engine.limits = Limits(maxDerivedTuples: 1_000_000, timeout: 120)
        let start = Self.threadCPUSeconds()
        #expect(try runner.answer(Self.chain + " " + query).count == 1)
        let seconds = Self.threadCPUSeconds() - start
        #expect(seconds < 15, "took \(seconds) CPU seconds")
    }

    /// Under a time limit the chain finishes or stops in time, whichever phase it is in.
    @Test func aLongChainStopsAtTheTimeLimit() throws {
        var runner = ProgramRunner()
        runner.engine.limits = Limits(maxDerivedTuples: 1_000_000, timeout: 0.3)
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            _ = try runner.answer(Self.chain + " ?- p9999(1).")
        } catch let error as DiagnosticList {
            #expect(error.diagnostics.first?.message.contains("the time limit") == true)
        } catch let error as EvaluationError {
            #expect(error == .timedOut(seconds: 0.3))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(seconds < 5, "took \(seconds) s under a limit of 0.3 s")
    }

    /// The time limit covers analysis: a deadline already past stops it with an
    /// error located at the statement it had reached.
    @Test func theTimeLimitCoversAnalysis() {
        let runner = ProgramRunner()
        let chain = "e(1). p0(X) :- e(X). " + (1..<2_000).map { "p\($0)(X) :- p\($0 - 1)(X)." }.joined(separator: " ")
        var sources = SourceSet()
        sources.add(name: "chain.dl", text: chain + " ?- p1999(X).")
        let cancellation = Cancellation()
        cancellation.cancel()
        let result = runner.engine.analyze(sources, deadline: Deadline(limits: .standard, cancellation: cancellation))
        guard case .failure(let list) = result else {
            Issue.record("analysis went on after its cancellation")
            return
        }
        #expect(list.diagnostics.count == 1)
        #expect(list.diagnostics.first?.message == "evaluation cancelled")
        #expect(list.diagnostics.first?.range.file == 0)
    }

    /// A string doubled at each step: stopped by the size of one value, at the concat.
    @Test func aTextGrowingWithoutEndIsStoppedAtTheBuiltIn() throws {
        let runner = ProgramRunner()
        do {
            _ = try runner.answer("s(1, \"a\"). s(N, T) :- s(M, S), N = M + 1, N < 60, concat(S, S, T). ?- s(N, T), N > 50.")
            Issue.record("the doubling was not stopped")
        } catch let EvaluationError.valueTooLarge(bytes, limit, range) {
            #expect(bytes > limit && limit == 1 << 20)
            #expect(range.start.line == 1 && range.start.column == 51)
        }
    }

    /// A product of arity 16 is stopped by the memory limit, with a clear message.
    @Test func aWideProductIsStoppedByTheMemoryLimit() throws {
        var runner = ProgramRunner()
        runner.engine.limits = Limits(maxDerivedTuples: 500_000_000, timeout: 60, maxMemoryBytes: 64 << 20)
        let facts = (1...10).map { "r(\($0))." }.joined(separator: " ")
        let variables = (0..<16).map { "V\($0)" }
        let rule = "p(\(variables.joined(separator: ", "))) :- \(variables.map { "r(\($0))" }.joined(separator: ", "))."
        do {
            _ = try runner.answer("\(facts) \(rule) ?- p(\(variables.joined(separator: ", "))), V0 = 0.")
            Issue.record("the product was not stopped")
        } catch let error as EvaluationError {
            guard case .tooMuchMemory(let bytes, let limit, let relation) = error else {
                Issue.record("stopped by \(error), not by the memory limit")
                return
            }
            #expect(bytes > limit)
            #expect(relation == "p")
            #expect(error.message.contains("--max-memory"))
        }
    }

    /// The matcher gives up on `^(a|b)*$` over 200,000 characters: an error located
    /// at `matches`, where it used to be a silent `false`.
    @Test func aRegexThatTheMatcherGivesUpOnIsAnError() throws {
        let runner = ProgramRunner()
        let text = String(repeating: "a", count: 200_000)
        do {
            let rows = try runner.answer("s(\"\(text)\").\n?- s(S), matches(S, \"^(a|b)*$\").")
            Issue.record("no error; \(rows.count) rows")
        } catch let EvaluationError.regex(message, range) {
            #expect(message.contains("200,000 characters"))
            #expect(range.start.line == 2 && range.start.column == 10)
        }
        // Short texts still match.
        #expect(try runner.answer("s(\"abab\"). ?- s(S), matches(S, \"^(a|b)*$\").") == ["abab"])
    }
}
