import Dispatch
import Foundation
import Fuzzing

/// `wardgraph-bench soak`: the fuzz suite of the tests, much longer. Cases run in
/// child processes (`soak-batch`), a batch at a time, so that a crash or a hang is
/// counted and pinned to its case instead of ending the soak; a share of the program
/// cases also runs through the `wardgraph` binary; and rounds of log damage check
/// that no committed byte is ever lost.
enum SoakCommand {
    struct Options {
        var cases = 20_000
        var seed: UInt64 = 20_261_206
        var logRounds = 300
        var binaryEvery = 20
        var project = FileManager.default.currentDirectoryPath
    }

    static func options(_ arguments: [String]) throws -> Options {
        var options = Options()
        var parser = BenchArguments(arguments, command: "soak")
        while let option = try parser.next() {
            switch option {
            case "--cases": options.cases = try parser.number(of: option)
            case "--seed": options.seed = UInt64(try parser.number(of: option))
            case "--log-rounds": options.logRounds = try parser.number(of: option)
            case "--binary-every": options.binaryEvery = try parser.number(of: option, atLeast: 1)
            case "--project": options.project = try parser.value(of: option)
            default: throw parser.unknown(option)
            }
        }
        return options
    }

    /// What the soak counted.
    struct Tally {
        var cases: [String: Int] = [:]
        var binaryRuns = 0
        var crashes: [String] = []
        var hangs: [String] = []
        var unlocated: [String] = []
    }

    static let kinds = ["program", "document", "shell"]
    static let batchSize = 250

    static func run(arguments: [String]) throws {
        let options = try options(arguments)
        let start = DispatchTime.now().uptimeNanoseconds
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let wardgraph = me.deletingLastPathComponent().appendingPathComponent("wardgraph").path
        var tally = Tally()
        // Programs, documents and shell sessions in the proportions of the test.
        let counts = ["program": options.cases * 7 / 10, "document": options.cases * 2 / 10, "shell": options.cases / 10]
        for kind in kinds {
            var from = 0
            while from < counts[kind]! {
                let count = min(batchSize, counts[kind]! - from)
                runBatch(me.path, kind: kind, from: from, count: count, options: options, tally: &tally)
                from += count
                progress(tally, start)
            }
        }
        tally.binaryRuns = try throughTheBinary(wardgraph, options: options, tally: &tally)

        var log = LogSoak.Tally()
        let soak = LogSoak(binary: FileManager.default.isExecutableFile(atPath: wardgraph) ? wardgraph : nil)
        for round in 0..<options.logRounds { soak.round(seed: options.seed &+ UInt64(round), into: &log) }

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let total = tally.cases.values.reduce(0, +)
        print("""

        soak: seed \(options.seed), \(String(format: "%.0f", seconds)) s
          cases           \(total) in-process (\(kinds.map { "\(tally.cases[$0] ?? 0) \($0)" }.joined(separator: ", "))), \(tally.binaryRuns) through the binary
          crashes         \(tally.crashes.count)
          hangs           \(tally.hangs.count)
          unlocated       \(tally.unlocated.count)
          log rounds      \(log.rounds) (\(log.steps) checked steps, \(log.cuts) cuts into side files, \(log.refusals) refusals, \(log.salvaged) transactions salvaged)
          bytes lost      \(log.bytesLost)
        """)
        for line in (tally.crashes + tally.hangs + tally.unlocated + log.failures).prefix(50) { print("  " + line) }
        exit(tally.crashes.isEmpty && tally.hangs.isEmpty && tally.unlocated.isEmpty && log.bytesLost == 0 ? 0 : 1)
    }

    private static func progress(_ tally: Tally, _ start: UInt64) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let line = String(format: "  %6.0f s  %@  crashes %d  hangs %d  unlocated %d\n", seconds,
                          kinds.map { "\($0) \(tally.cases[$0] ?? 0)" }.joined(separator: ", "),
                          tally.crashes.count, tally.hangs.count, tally.unlocated.count)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Runs cases `from..<from + count` of `kind` in a child; if it dies or hangs,
    /// runs them again one per child to find which.
    private static func runBatch(_ me: String, kind: String, from: Int, count: Int, options: Options, tally: inout Tally) {
        let limit = Double(count) * 15 + 60
        let result = child(me, ["soak-batch", kind, String(options.seed), String(from), String(count), options.project], timeout: limit)
        if result.exited {
            tally.cases[kind, default: 0] += count
            for line in result.output.split(separator: "\n") {
                if line.hasPrefix("hang ") { tally.hangs.append(String(line)) }
                if line.hasPrefix("problem ") { tally.unlocated.append(String(line)) }
            }
            return
        }
        for index in from..<from + count {
            let single = child(me, ["soak-batch", kind, String(options.seed), String(index), "1", options.project], timeout: 60)
            tally.cases[kind, default: 0] += 1
            if !single.exited {
                let what = single.timedOut ? "hang" : "crash"
                let entry = "\(what) \(kind) case \(index) (seed \(options.seed)): \(single.reason)"
                if single.timedOut { tally.hangs.append(entry) } else { tally.crashes.append(entry) }
            }
        }
    }

    /// Every `binaryEvery`-th program case through `wardgraph query`: it must exit 0 or 1.
    private static func throughTheBinary(_ wardgraph: String, options: Options, tally: inout Tally) throws -> Int {
        guard FileManager.default.isExecutableFile(atPath: wardgraph) else { return 0 }
        let harness = try FuzzHarness(projectRoot: options.project)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = directory + "/g.log"
        _ = child(wardgraph, ["ingest", "--store", store, "--lexicon", options.project + "/Graph/lexicon"]
            + harness.documents.map { options.project + "/Graph/sources/" + $0.name }, timeout: 120)
        var runs = 0
        for index in stride(from: 0, to: options.cases * 7 / 10, by: options.binaryEvery) {
            let (name, bytes) = harness.programCase(seed: options.seed, index: index)
            let file = directory + "/" + name
            _ = FileManager.default.createFile(atPath: file, contents: Data(bytes)) // a failure shows as the case not running
            let result = child(wardgraph, [
                "query", "--store", store, "--prelude", options.project + "/Queries/prelude.dl", "--timeout", "2",
                "--max-memory", "256M", "--max-tuples", "2000000", file,
            ], timeout: 60)
            runs += 1
            if !result.exited || result.status > 1 {
                let entry = "binary program case \(index) (seed \(options.seed)): \(result.reason)"
                if result.timedOut { tally.hangs.append(entry) } else { tally.crashes.append(entry) }
            }
            try? FileManager.default.removeItem(atPath: file)
        }
        return runs
    }

    struct ChildResult {
        var exited = false
        var status: Int32 = 0
        var timedOut = false
        var reason = ""
        var output = ""
    }

    /// Runs a child process to its end or until `timeout` seconds (then kills it).
    static func child(_ executable: String, _ arguments: [String], timeout: Double) -> ChildResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        var result = ChildResult()
        // The handler is set before the launch: set after it, a child that ends at
        // once may never call it, and the soak would wait for it for ever.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            result.reason = "could not start: \(error)"
            return result
        }
        nonisolated(unsafe) var output = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { output = pipe.fileHandleForReading.readDataToEndOfFile() }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            result.timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + .milliseconds(500)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        reading.wait()
        result.output = String(decoding: output, as: UTF8.self)
        result.status = process.terminationStatus
        result.exited = !result.timedOut && process.terminationReason == .exit
        result.reason = result.timedOut ? "still running after \(Int(timeout)) s"
            : process.terminationReason == .uncaughtSignal ? "killed by signal \(process.terminationStatus)" : "exit status \(result.status)"
        return result
    }
}

/// `wardgraph-bench soak-case KIND SEED INDEX PROJECT FILE`: writes one case to FILE
/// (a program, a document, or a shell session's lines), to replay it through the
/// binary (`wardgraph query FILE`, `wardgraph extract FILE`, `wardgraph < FILE`).
enum SoakCase {
    static func run(arguments: [String]) throws {
        guard arguments.count >= 5, let seed = UInt64(arguments[1]), let index = Int(arguments[2]) else {
            print("usage: wardgraph-bench soak-case program|document|shell SEED INDEX PROJECT FILE")
            exit(2)
        }
        let harness = try FuzzHarness(projectRoot: arguments[3])
        let bytes: [UInt8]
        switch arguments[0] {
        case "document": bytes = harness.documentCase(seed: seed, index: index).bytes
        case "shell": bytes = Array(harness.shellCase(seed: seed, index: index).joined(separator: "\n").utf8)
        default: bytes = harness.programCase(seed: seed, index: index).bytes
        }
        guard FileManager.default.createFile(atPath: arguments[4], contents: Data(bytes)) else {
            throw BenchArguments.Failure(description: "soak-case could not write \(arguments[4])")
        }
    }
}

/// `wardgraph-bench soak-batch KIND SEED FROM COUNT PROJECT`: runs fuzz cases in
/// this process and prints a line for each problem (for `soak`).
enum SoakBatch {
    static func run(arguments: [String]) throws {
        guard arguments.count >= 5, let seed = UInt64(arguments[1]), let from = Int(arguments[2]), let count = Int(arguments[3]) else {
            print("usage: wardgraph-bench soak-batch program|document|shell SEED FROM COUNT PROJECT")
            exit(2)
        }
        let harness = try FuzzHarness(projectRoot: arguments[4])
        for index in from..<from + count {
            let result: FuzzHarness.CaseResult
            switch arguments[0] {
            case "document":
                let (name, bytes) = harness.documentCase(seed: seed, index: index)
                result = harness.runDocument(bytes, name: name, ingest: index % 8 == 0)
            case "shell":
                result = harness.runShell(harness.shellCase(seed: seed, index: index))
            default:
                let (name, bytes) = harness.programCase(seed: seed, index: index)
                result = harness.runProgram(bytes, name: name)
            }
            for problem in result.problems {
                print("\(problem.hasPrefix("a hang") ? "hang" : "problem") \(arguments[0]) case \(index) (seed \(seed)): \(problem)")
            }
        }
    }
}
