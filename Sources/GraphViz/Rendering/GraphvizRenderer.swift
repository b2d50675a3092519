import Foundation

/// Renders DOT to SVG, PNG or PDF with Graphviz's `dot` program.
///
///     let renderer = GraphvizRenderer()
///     try DotWriter().write(graph, toFile: "asahi.dot")          // always kept
///     let report = try renderer.render(dotFile: "asahi.dot", format: .svg, to: "asahi.svg")
///
/// Runs `dot -T<format> -o <file>` with an argument vector, never through a
/// shell, so no file name or label can be read as a command; the DOT arrives on
/// standard input. `dot` is found by `DotLocator` (explicit path, `WARDGRAPH_DOT`,
/// PATH). The image is written to a temporary file beside the target and renamed
/// over it only when `dot` succeeds, so a failed render never leaves a truncated
/// SVG in place of a good one.
public struct GraphvizRenderer: Sendable {
    /// Output formats; each is the name passed to `-T`.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case svg, png, pdf
    }

    /// The environment variable naming the `dot` to use.
    public static let environmentVariable = DotLocator.environmentVariable

    /// A `dot` to use instead of `WARDGRAPH_DOT` and PATH.
    public var dotPath: String?
    /// How long `dot` may run before it is stopped; large graphs can take a minute.
    public var timeout: Duration
    /// Where `WARDGRAPH_DOT` and PATH are read; tests pass their own.
    public var environment: [String: String]

    public init(
        dotPath: String? = nil, timeout: Duration = .seconds(120),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.dotPath = dotPath
        self.timeout = timeout
        self.environment = environment
    }

    /// The `dot` that `render` would run.
    public func locateDot() throws(GraphvizError) -> String {
        try DotLocator(explicitPath: dotPath, environment: environment).locate()
    }

    /// Renders the DOT file at `dotFile` (fed to `dot` as standard input) into `outputPath`.
    @discardableResult
    public func render(dotFile: String, format: Format, to outputPath: String) throws(GraphvizError) -> RenderReport {
        let dot = try locateDot()
        guard let input = FileHandle(forReadingAtPath: dotFile) else {
            let exists = FileManager.default.fileExists(atPath: dotFile)
            throw .cannotReadFile(path: dotFile, reason: exists ? "it exists but cannot be opened for reading" : "no such file")
        }
        defer { try? input.close() }
        return try run(dot: dot, input: input, format: format, to: outputPath)
    }

    /// Renders DOT text into `outputPath`, through a temporary file removed before returning.
    @discardableResult
    public func render(dot text: String, format: Format, to outputPath: String) throws(GraphvizError) -> RenderReport {
        let dot = try locateDot()
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("wardgraph-\(UUID().uuidString).dot").path
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw .cannotWriteFile(path: temporary, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        guard let input = FileHandle(forReadingAtPath: temporary) else {
            throw .cannotReadFile(path: temporary, reason: "the temporary DOT file could not be reopened")
        }
        defer { try? input.close() }
        return try run(dot: dot, input: input, format: format, to: outputPath)
    }

    private func run(dot: String, input: FileHandle, format: Format, to outputPath: String) throws(GraphvizError) -> RenderReport {
        let target = URL(fileURLWithPath: outputPath)
        var isDirectory: ObjCBool = false
        let directory = target.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotWriteFile(path: outputPath, reason: "the directory \(directory) does not exist")
        }
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial").path
        defer { try? FileManager.default.removeItem(atPath: partial) }

        let outcome = try ProcessRunner.run(
            executable: dot, arguments: ["-T\(format.rawValue)", "-o", partial],
            standardInput: input, timeout: timeout)
        if outcome.timedOut {
            let (seconds, attoseconds) = timeout.components
            throw .timedOut(
                dotPath: dot, format: format.rawValue, output: outputPath,
                seconds: Double(seconds) + Double(attoseconds) / 1e18, standardError: outcome.standardError)
        }
        guard outcome.status == 0, !outcome.signalled else {
            throw .renderFailed(
                dotPath: dot, format: format.rawValue, output: outputPath, status: outcome.status,
                signalled: outcome.signalled, standardError: outcome.standardError)
        }
        guard FileManager.default.fileExists(atPath: partial) else {
            throw .renderFailed(
                dotPath: dot, format: format.rawValue, output: outputPath, status: 0, signalled: false,
                standardError: outcome.standardError + "\n(dot exited successfully but wrote no output file)")
        }
        guard rename(partial, outputPath) == 0 else {
            throw .cannotWriteFile(path: outputPath, reason: String(cString: strerror(errno)))
        }
        return RenderReport(outputPath: outputPath, dotPath: dot, warnings: outcome.standardError)
    }
}

/// What a successful render produced.
public struct RenderReport: Sendable, Hashable {
    public let outputPath: String
    /// The `dot` that ran.
    public let dotPath: String
    /// What `dot` printed on standard error although it succeeded (unknown colours,
    /// missing fonts); empty when it printed nothing. Worth logging, not failing on.
    public let warnings: String
}
