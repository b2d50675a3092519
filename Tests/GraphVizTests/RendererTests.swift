import Foundation
import Testing
import TestSupport
@testable import GraphViz

/// Finding `dot` and reporting its failures, with stand-in programs: these run
/// whether Graphviz is installed or not.
@Suite struct RendererTests {
    /// An executable shell script standing in for `dot`.
    static func fakeDot(_ body: String, in directory: TemporaryDirectory, name: String = "dot") -> String {
        let path = directory.file(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n\(body)\n".utf8), attributes: [.posixPermissions: 0o755])
        return path
    }

    @Test func missingDotNamesTheInstallCommand() {
        let renderer = GraphvizRenderer(environment: ["WARDGRAPH_DOT": "/nonexistent", "PATH": "/usr/bin:/bin"])
        let error = #expect(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph {}", format: .svg, to: "/nonexistent/out.svg")
        }
        #expect(error == .dotNotFound(override: "/nonexistent", searched: ["/usr/bin", "/bin"]))
        let message = error?.description ?? ""
        #expect(message.contains("apt-get install graphviz fonts-noto-cjk"))
        #expect(message.contains("/nonexistent"))
        #expect(message.contains("WARDGRAPH_DOT"))
    }

    @Test func dotNotOnPathNamesTheInstallCommand() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let renderer = GraphvizRenderer(environment: ["PATH": directory.path])
        let error = #expect(throws: GraphvizError.self) { try renderer.locateDot() }
        #expect(error == .dotNotFound(override: nil, searched: [directory.path]))
        #expect(error?.description.contains(GraphvizError.installCommand) == true)
    }

    @Test func dotIsFoundOnPathAndOverridesWin() throws {
        let first = TemporaryDirectory()
        let second = TemporaryDirectory()
        defer { first.remove(); second.remove() }
        try FileManager.default.createDirectory(atPath: first.file("dot"), withIntermediateDirectories: true)  // not a program
        let onPath = Self.fakeDot("exit 0", in: second)
        let custom = Self.fakeDot("exit 0", in: second, name: "dot-custom")
        let path = "\(first.path)::\(second.path)"

        #expect(try GraphvizRenderer(environment: ["PATH": path]).locateDot() == onPath)
        #expect(try GraphvizRenderer(environment: ["PATH": path, "WARDGRAPH_DOT": custom]).locateDot() == custom)
        #expect(try GraphvizRenderer(environment: ["PATH": path, "WARDGRAPH_DOT": "dot-custom"]).locateDot() == custom)
        #expect(try GraphvizRenderer(dotPath: onPath, environment: ["WARDGRAPH_DOT": "/nonexistent"]).locateDot() == onPath)
        #expect(throws: GraphvizError.dotNotFound(override: "/nonexistent", searched: [first.path, second.path])) {
            try GraphvizRenderer(environment: ["PATH": path, "WARDGRAPH_DOT": "/nonexistent"]).locateDot()
        }
    }

    @Test func argumentsAreAVectorAndDotIsReadOnStandardInput() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Records its arguments one per line and copies standard input to the -o file.
        let dot = Self.fakeDot(#"for a in "$@"; do echo "$a"; done > "$(dirname "$0")/args"; cat > "$3""#, in: directory)
        let output = directory.file("out; rm -rf $HOME.svg")
        let report = try GraphvizRenderer(dotPath: dot).render(dot: "digraph { \"旭区\" }", format: .svg, to: output)
        #expect(report.outputPath == output)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "digraph { \"旭区\" }")
        let arguments = try String(contentsOfFile: directory.file("args"), encoding: .utf8).split(separator: "\n")
        #expect(arguments.count == 3)
        #expect(arguments.first == "-Tsvg")
        #expect(arguments.dropFirst().first == "-o")
    }

    @Test func failureCarriesExitStatusAndStandardError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let dot = Self.fakeDot("echo 'Error: something specific' >&2; exit 3", in: directory)
        let output = directory.file("out.png")
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer(dotPath: dot).render(dot: "digraph {}", format: .png, to: output)
        }
        #expect(error == .renderFailed(dotPath: dot, format: "png", output: output, status: 3, signalled: false, standardError: "Error: something specific\n"))
        #expect(error?.description.contains("exited with status 3") == true)
        #expect(error?.description.contains("something specific") == true)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func successWithoutOutputFileIsAFailure() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let dot = Self.fakeDot("exit 0", in: directory)
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer(dotPath: dot).render(dot: "digraph {}", format: .svg, to: directory.file("out.svg"))
        }
    }

    @Test func slowDotIsStoppedAtTheTimeout() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let dot = Self.fakeDot("echo starting >&2; exec sleep 30", in: directory)
        let started = ContinuousClock.now
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer(dotPath: dot, timeout: .milliseconds(300)).render(dot: "digraph {}", format: .svg, to: directory.file("out.svg"))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        guard case .timedOut(_, _, _, let seconds, let standardError) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(seconds == 0.3)
        #expect(standardError.contains("starting"))
        #expect(error?.description.contains("did not finish within 0.3 seconds") == true)
    }

    /// Test runners call from Dispatch worker threads, which block most signals; the
    /// child must not inherit that mask, or SIGTERM at the timeout would be ignored.
    @Test func timeoutStopsTheProgramWithSIGTERMEvenFromAWorkerThread() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let program = Self.fakeDot("exec sleep 30", in: directory)
        let input = try #require(FileHandle(forReadingAtPath: "/dev/null"))
        let outcome = try ProcessRunner.run(executable: program, arguments: [], standardInput: input, timeout: .milliseconds(100))
        #expect(outcome.timedOut)
        #expect(outcome.signalled)
        #expect(outcome.status == SIGTERM)
    }

    @Test func unreadableDotFileIsReported() {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer(dotPath: "/bin/true").render(dotFile: "/nonexistent/graph.dot", format: .svg, to: "/tmp/x.svg")
        }
        #expect(error == .cannotReadFile(path: "/nonexistent/graph.dot", reason: "no such file"))
        #expect(error?.description.contains("/nonexistent/graph.dot") == true)
    }

    @Test func missingOutputDirectoryIsReportedBeforeRunning() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let dot = Self.fakeDot("touch \"$(dirname \"$0\")/ran\"; exit 0", in: directory)
        let output = directory.file("missing/out.svg")
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer(dotPath: dot).render(dot: "digraph {}", format: .svg, to: output)
        }
        #expect(error == .cannotWriteFile(path: output, reason: "the directory \(directory.path)/missing does not exist"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("ran")))
    }

    @Test func writerWritesTheDOTFileEvenWithoutDot() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("wards.dot")
        try DotWriter().write(SampleGraphs.plain, toFile: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == DotWriter().write(SampleGraphs.plain))
        #expect(throws: GraphvizError.self) { try DotWriter().write(SampleGraphs.plain, toFile: "/nonexistent/dir/x.dot") }
    }

    @Test func dotTextIsWrittenAsGiven() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("text.dot")
        let text = DotWriter().write(SampleGraphs.clustersAndLegend)
        try DotWriter.write(dot: text, toFile: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        let error = #expect(throws: GraphvizError.self) { try DotWriter.write(dot: text, toFile: "/nonexistent/dir/x.dot") }
        guard case .cannotWriteFile(let failedPath, _) = error else {
            Issue.record("expected cannotWriteFile, got \(String(describing: error))")
            return
        }
        #expect(failedPath == "/nonexistent/dir/x.dot")
    }
}
