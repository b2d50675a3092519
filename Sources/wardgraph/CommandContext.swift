import Foundation
import TextLayout
import TransactionLog
import WardGraph

/// What every subcommand gets: its output streams, the environment, and the store.
final class CommandContext: Sendable {
    let out = TextOutput.standardOutput
    let err = TextOutput.standardError
    let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `--store`, else `$WARDGRAPH_STORE`, else `Graph/wardgraph.log` in the current directory.
    func storePath(_ arguments: ParsedArguments) -> String {
        arguments.value("store") ?? environment["WARDGRAPH_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "Graph/wardgraph.log"
    }

    /// The person a hand-made change is attributed to.
    func author(_ arguments: ParsedArguments) -> String {
        arguments.value("author") ?? environment["WARDGRAPH_AUTHOR"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    /// Opens the store, reporting a torn tail on standard error.
    /// - Parameters:
    ///   - writer: hold the writer lock under this name.
    ///   - create: create an empty store if there is none.
    func openStore(_ arguments: ParsedArguments, writer: String? = nil, create: Bool = false) throws -> GraphStore {
        let path = storePath(arguments)
        if !create && !FileSystem.exists(path) {
            throw CommandFailure("no store at \(path): give another path with --store, or create one with 'wardgraph assert'")
        }
        let store = try GraphStore.open(at: path, create: create, writer: writer)
        if let torn = store.tornTail {
            let what = store.tornTailWasCut ? "cut off" : "ignored (the next writer will cut it off)"
            warn("\(path): an incomplete last record of \(torn.length) bytes at byte \(torn.offset) (\(torn.reason)), left by an interrupted write, was \(what)")
        }
        return store
    }

    func warn(_ message: String) {
        err.line("wardgraph: warning: \(message)")
    }

    func note(_ message: String) {
        err.line(message)
    }
}

/// A command that failed on bad input or a failed check: exit status 1.
struct CommandFailure: Error {
    let message: String
    let diagnostics: [SourceDiagnostic]

    init(_ message: String, diagnostics: [SourceDiagnostic] = []) {
        self.message = message
        self.diagnostics = diagnostics
    }
}
