import Foundation

extension GraphvizError: CustomStringConvertible {
    /// The command that installs what rendering needs on Debian and Ubuntu.
    public static let installCommand = "apt-get install graphviz fonts-noto-cjk"

    /// One or two sentences: what is wrong, with which file or program, and what to do.
    public var description: String {
        switch self {
        case .dotNotFound(let override, let searched):
            let looked: String
            if let override {
                looked = "\"\(override)\" (from WARDGRAPH_DOT or the configured path) is not an executable file"
            } else if searched.isEmpty {
                looked = "PATH is empty"
            } else {
                looked = "it is not in PATH (\(searched.joined(separator: ":")))"
            }
            return "Graphviz's dot program was not found: \(looked). Install it with `\(Self.installCommand)` "
                + "(on macOS: `brew install graphviz`), or set WARDGRAPH_DOT to the path of dot. "
                + "The DOT file was still written and can be rendered later with `dot -Tsvg FILE.dot -o FILE.svg`."
        case .cannotWriteFile(let path, let reason):
            return "\(path): cannot write the file: \(reason). Check that the directory exists and is writable."
        case .cannotReadFile(let path, let reason):
            return "\(path): cannot read the DOT file: \(reason). Check the path; the writer creates it with DotWriter.write(_:toFile:)."
        case .cannotLaunch(let dotPath, let reason):
            return "\(dotPath): could not start dot: \(reason). Check that it is the Graphviz dot program and is executable, or set WARDGRAPH_DOT."
        case .renderFailed(let dotPath, let format, let output, let status, let signalled, let standardError):
            let how = signalled ? "was killed by signal \(status)" : "exited with status \(status)"
            return "\(dotPath) -T\(format) -o \(output): dot \(how). \(Self.quote(standardError)) "
                + "The DOT file is unchanged; render it by hand with dot to see the problem."
        case .timedOut(let dotPath, let format, let output, let seconds, let standardError):
            return "\(dotPath) -T\(format) -o \(output): dot did not finish within \(Self.format(seconds)) seconds and was stopped. "
                + "\(Self.quote(standardError)) Draw fewer nodes (a smaller selection), or allow a longer timeout."
        }
    }

    /// `120` rather than `120.0`, `0.3` as it is.
    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// What dot wrote to standard error, trimmed and cut to a readable length.
    private static func quote(_ standardError: String) -> String {
        let trimmed = standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "It printed nothing on standard error." }
        let limit = 2000
        let shown = trimmed.count > limit ? trimmed.prefix(limit) + " […]" : trimmed[...]
        return "It said: \(shown)"
    }
}
