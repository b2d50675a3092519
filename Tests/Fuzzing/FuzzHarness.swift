import Datalog
import Dispatch
import Extraction
import Foundation
import Ingestion
import Querying
import REPL
import TestSupport
import TextLayout
import WardGraph

/// Runs fuzz cases in-process: mutated programs over the bundled ward graph (with
/// the prelude), and mutated documents through extraction and ingestion. Each
/// case's result lists what went wrong: an error without a place, a run past its
/// time limit, output that floods. A crash ends the process; that is what the
/// soak's child processes and the tests' runs through the binary are for.
public final class FuzzHarness {
    /// The limits every case runs under.
    public static let limits = Limits(maxDerivedTuples: 2_000_000, timeout: 2, maxMemoryBytes: 256 << 20)
    /// A case that takes longer than the time limit and this much is a hang: in CPU
    /// time of its thread (the machine may be busy with other work), or ten times
    /// as much in wall-clock time.
    public static let hangSlack = 3.0

    public let projectRoot: String
    public let programs: [(name: String, text: String)]
    public let documents: [(name: String, bytes: [UInt8])]
    let snapshot: GraphSnapshot
    let prelude: (name: String, text: String)
    let extractor: DocumentExtractor
    let directory: TemporaryDirectory
    /// A store that mutated documents are ingested into.
    let ingestStore: GraphStore
    /// The shell's session, over a copy of the graph that its cases change.
    let shell: ReplSession
    let shellOutput = CountingOutput()

    /// Counts what the shell writes instead of keeping it.
    final class CountingOutput: ReplOutput {
        var bytes = 0
        func write(_ text: String) { bytes += text.utf8.count }
        func error(_ text: String) { bytes += text.utf8.count }
    }

    /// What one case did.
    public struct CaseResult: Sendable {
        public let seconds: Double
        /// CPU seconds of the thread that ran it.
        public var cpuSeconds = 0.0
        /// Errors without a place, a hang, flooding output; empty when all is well.
        public var problems: [String] = []
        /// "answered", "errors", "stopped", "extracted", "refused", …
        public var outcome = ""
    }

    /// Builds the ward graph from `projectRoot`'s Graph/sources into a temporary store.
    public init(projectRoot: String) throws {
        self.projectRoot = projectRoot
        directory = TemporaryDirectory("fuzz")
        let lexicon = projectRoot + "/Graph/lexicon"
        let store = directory.file("graph.log")
        _ = try DefaultStore.build(at: store, sources: projectRoot + "/Graph/sources", lexiconDirectory: lexicon)
        snapshot = try GraphStore.open(at: store).current
        let preludePath = projectRoot + "/Queries/prelude.dl"
        prelude = (preludePath, try String(contentsOfFile: preludePath, encoding: .utf8))
        extractor = DocumentExtractor(lexicon: try Lexicon.load(directory: lexicon))
        ingestStore = try GraphStore.open(at: directory.file("ingest.log"), create: true, writer: "fuzz")
        try FileManager.default.copyItem(atPath: store, toPath: directory.file("shell.log"))
        shell = ReplSession(
            store: try GraphStore.open(at: directory.file("shell.log")), author: "fuzz", output: shellOutput,
            prelude: prelude, lexiconDirectory: lexicon)
        let queries = projectRoot + "/Queries"
        let names = try FileManager.default.contentsOfDirectory(atPath: queries).filter { $0.hasSuffix(".dl") }.sorted()
            + (try FileManager.default.contentsOfDirectory(atPath: queries + "/bench").filter { $0.hasSuffix(".dl") }.sorted().map { "bench/" + $0 })
        programs = try names.map { ($0, try String(contentsOfFile: "\(queries)/\($0)", encoding: .utf8)) }
        let sources = projectRoot + "/Graph/sources"
        documents = try FileManager.default.contentsOfDirectory(atPath: sources).filter { $0.hasSuffix(".txt") }.sorted().map {
            ($0, Array(try Data(contentsOf: URL(fileURLWithPath: "\(sources)/\($0)"))))
        }
    }

    deinit {
        ingestStore.close()
        directory.remove()
    }

    // MARK: - Cases

    /// The bytes of program case `index` of the run seeded `seed`: a program of
    /// `Queries/` (or two spliced), mutated.
    public func programCase(seed: UInt64, index: Int) -> (name: String, bytes: [UInt8]) {
        var mutator = Mutator(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        var text = programs[mutator.below(programs.count)].text
        if mutator.chance(15) { text += "\n" + programs[mutator.below(programs.count)].text }
        return ("case-\(seed)-\(index).dl", mutator.mutateProgram(text))
    }

    /// The bytes of document case `index`: a window of a seed document, mutated.
    public func documentCase(seed: UInt64, index: Int) -> (name: String, bytes: [UInt8]) {
        var mutator = Mutator(seed: seed &+ UInt64(index) &* 0x85EB_CA6B &+ 1)
        let document = documents[mutator.below(documents.count)].bytes
        var lines = document.split(separator: 0x0A, omittingEmptySubsequences: false)
        if mutator.chance(60) {
            let start = mutator.below(lines.count)
            lines = Array(lines[start..<min(lines.count, start + 5 + mutator.below(120))])
            if mutator.chance(80) { lines.insert(ArraySlice("令和7年度 泉区運営方針".utf8), at: 0) }
        }
        let window = Array(lines.joined(separator: [0x0A]))
        return ("doc-\(seed)-\(index).txt", mutator.mutateDocument(window))
    }

    /// The lines of shell case `index`: a mutated program's lines, with meta-commands
    /// (some with odd arguments) and hand-made changes among them.
    public func shellCase(seed: UInt64, index: Int) -> [String] {
        var mutator = Mutator(seed: seed &+ UInt64(index) &* 0xC2B2_AE35 &+ 2)
        let (_, bytes) = programCase(seed: seed &+ 7, index: index)
        // At most 100 lines: each statement of the shell is checked with every rule kept
        // before it, so thousands of rules typed one by one take quadratic time.
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(100).map(String.init)
        let numbers = ["0", "-1", "1", "3", "99999999999999999999", "2", "", "x"]
        for _ in 0..<(1 + mutator.below(6)) {
            let number = numbers[mutator.below(numbers.count)]
            let commands = [
                ":schema", ":rules", ":forget-rules", ":undo", ":now", ":help", ":timing off", ":log \(number)", ":limit \(number)",
                ":asof \(number)", ":format \(["json", "csv", "tsv", "table", "xml"][mutator.below(5)])",
                ":why shared_partner(泉区, 港北区, 企業)", ":why partner_wards(P, 3)", ":why \(lines.first ?? "")",
                ":explain ?- shared_partner(泉区, W, P).", ":explain \(lines.last ?? "")", ":history ward:泉区", ":history \(number)",
                ":load \(directory.path)/missing.dl", ":export \(directory.path)/shell.dot ward 泉区", ":save-rules fuzz",
                "+attr(\"measure:泉区/R7/1\", note, \"\(number)\").", "-attr(\"measure:泉区/R7/1\", note, \"\(number)\").",
                "+partners_with(\"measure:泉区/R7/2\", \(number)).", ":nonsense \(number)",
            ]
            lines.insert(commands[mutator.below(commands.count)], at: mutator.below(lines.count + 1))
        }
        return lines
    }

    // MARK: - Running

    /// Feeds a shell case's lines to the shell, as its loop does.
    public func runShell(_ lines: [String]) -> CaseResult {
        let start = (DispatchTime.now().uptimeNanoseconds, Self.threadCPUSeconds())
        var buffer = StatementBuffer()
        var problems: [String] = []
        // Each case starts without the rules earlier cases typed.
        _ = shell.handle(":forget-rules")
        shellOutput.bytes = 0
        for line in lines {
            for statement in buffer.add(line: line) { _ = shell.handle(statement) }
        }
        if !buffer.isEmpty { shell.handle(buffer.pending) }
        _ = shell.handle(":now")
        if shellOutput.bytes > 2_000_000 { problems.append("\(shellOutput.bytes) bytes of output") }
        return finish(start, problems, "ran")
    }

    /// The query session of program cases: made anew every 50 cases, so that the
    /// texts the cases intern do not pile up, and not for each (loading the graph's
    /// relations costs more than most cases).
    private var session: QuerySession?
    private var sessionUses = 0

    private func programSession() -> QuerySession {
        if let session, sessionUses < 50 {
            sessionUses += 1
            return session
        }
        let fresh = QuerySession(limits: Self.limits)
        fresh.use(snapshot)
        fresh.keep(name: prelude.name, text: prelude.text)
        session = fresh
        sessionUses = 1
        return fresh
    }

    /// Runs a program: decoded, analysed and answered over the graph with the prelude.
    public func runProgram(_ bytes: [UInt8], name: String) -> CaseResult {
        let start = (DispatchTime.now().uptimeNanoseconds, Self.threadCPUSeconds())
        var problems: [String] = []
        var outcome = ""
        do {
            let text = try UTF8Text.decode(bytes, file: name)
            let result = programSession().run(name: name, text: text)
            for diagnostic in result.diagnostics where !Self.isLocated(diagnostic.range, in: result.files) {
                problems.append("an error without a place: \(diagnostic.message)")
            }
            let rendered = result.files.render(result.diagnostics, omitted: result.omittedDiagnostics)
            if rendered.utf8.count > 200_000 { problems.append("\(rendered.utf8.count) bytes of error messages") }
            outcome = result.diagnostics.isEmpty ? "answered" : "errors"
            for answer in result.answers {
                if case .failure(let error, let range) = answer {
                    outcome = "stopped"
                    if !Self.isLocated(range, in: result.files) { problems.append("a runtime error without a place: \(error.message)") }
                }
            }
        } catch {
            outcome = "not UTF-8"
            if error.line < 1 || error.column < 1 { problems.append("invalid UTF-8 without a place: \(error.message)") }
        }
        return finish(start, problems, outcome)
    }

    /// Extracts a document, and ingests every eighth into a scratch store.
    public func runDocument(_ bytes: [UInt8], name: String, ingest: Bool) -> CaseResult {
        let start = (DispatchTime.now().uptimeNanoseconds, Self.threadCPUSeconds())
        var problems: [String] = []
        var outcome = "extracted"
        do {
            let document = try extractor.extract(bytes: bytes, fileName: name)
            if ingest {
                do {
                    _ = try Ingestor(store: ingestStore, extractor: extractor).ingest(bytes: bytes, fileName: name, force: bytes.count % 2 == 0)
                    outcome = "ingested"
                } catch let error as IngestError {
                    outcome = "refused"
                    if !"\(error)".contains(name) { problems.append("a refusal that does not name the file: \(error)") }
                }
            }
            if document.ward.isEmpty { problems.append("a document without a ward") }
        } catch let error as ExtractionError {
            outcome = "rejected"
            if !error.description.hasPrefix(name + ":") { problems.append("an extraction error that does not name the file: \(error)") }
        } catch {
            outcome = "failed"
            problems.append("an unexpected error: \(error)")
        }
        return finish(start, problems, outcome)
    }

    private func finish(_ start: (UInt64, Double), _ problems: [String], _ outcome: String) -> CaseResult {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.0) / 1e9
        var result = CaseResult(seconds: seconds, problems: problems, outcome: outcome)
        result.cpuSeconds = Self.threadCPUSeconds() - start.1
        let limit = Self.limits.timeout + Self.hangSlack
        if result.cpuSeconds > limit || seconds > 10 * limit {
            result.problems.append(String(
                format: "a hang: %.1f s (%.1f s of CPU) under a time limit of %.0f s", seconds, result.cpuSeconds, Self.limits.timeout))
        }
        return result
    }

    /// CPU seconds used by the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Whether a diagnostic names a file of the run and a line and column in it.
    static func isLocated(_ range: SourceRange, in files: SourceFiles) -> Bool {
        range.file >= 0 && range.file < files.files.count && range.start.line >= 1 && range.start.column >= 1
    }
}
