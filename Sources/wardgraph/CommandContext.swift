import Application
import Extraction
import Foundation
import Ingestion
import Querying
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
        chosenStorePath(arguments) ?? ProjectLayout.defaultStore
    }

    /// `--store`, else `$WARDGRAPH_STORE` (unless empty); nil for the project's default.
    private func chosenStorePath(_ arguments: ParsedArguments) -> String? {
        arguments.value("store") ?? environment["WARDGRAPH_STORE"].flatMap { $0.isEmpty ? nil : $0 }
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
        if isDefaultStore(arguments) && !FileSystem.exists(path) && FileSystem.isDirectory(ProjectLayout.sources) {
            try buildDefaultStore(at: path, arguments)
        }
        if !create && !FileSystem.exists(path) {
            throw CommandFailure("no store at \(path): give another path with --store, or create one with 'wardgraph assert'")
        }
        let store = try GraphStore.open(at: path, create: create, writer: writer)
        if let torn = store.tornTail {
            let what = store.tornTailWasCut
                ? "cut off; its bytes are kept in \(store.tornTailSavedTo ?? "a side file")"
                : "ignored (the next writer will cut it off, keeping its bytes in a side file)"
            warn("\(path): an incomplete last record of \(torn.length) bytes at byte \(torn.offset) (\(torn.reason)), left by an interrupted write, was \(what)")
        }
        return store
    }

    /// The store with the prelude (loaded if found), the lexicon's directory and the
    /// documents' library: what the application layer's operations run against.
    func workspace(_ arguments: ParsedArguments, writer: String? = nil, create: Bool = false, prelude need: PreludeNeed = .optional) throws -> Workspace {
        let store = try openStore(arguments, writer: writer, create: create)
        let prelude = arguments.flag("no-prelude") ? nil : try self.prelude(arguments, need)
        return Workspace(
            store: store, prelude: prelude.map { ProgramSource(name: $0.name, text: $0.text) },
            lexiconDirectory: lexiconDirectory(arguments))
    }

    /// Whether the store is the project's default (no --store, no $WARDGRAPH_STORE).
    func isDefaultStore(_ arguments: ParsedArguments) -> Bool {
        chosenStorePath(arguments) == nil
    }

    /// The lexicon's directory: --lexicon, $WARDGRAPH_LEXICON, or Graph/lexicon beside
    /// the store (or in the current directory); nil if there is none.
    func lexiconDirectory(_ arguments: ParsedArguments) -> String? {
        ProjectLayout.lexiconDirectory(explicit: arguments.value("lexicon"), storePath: storePath(arguments), environment: environment)
    }

    /// The lexicon: --lexicon, $WARDGRAPH_LEXICON, or Graph/lexicon beside the store.
    func lexicon(_ arguments: ParsedArguments) throws -> Lexicon {
        guard let directory = lexiconDirectory(arguments) else {
            throw CommandFailure("no lexicon found (\(ProjectLayout.lexicon)); give its directory with --lexicon DIR")
        }
        do { return try Lexicon.load(directory: directory) } catch { throw CommandFailure("\(error)") }
    }

    /// How much a command needs the prelude.
    enum PreludeNeed {
        /// A prelude that cannot be read is an error; finding none is a warning,
        /// ending with `hint`.
        case expected(hint: String)
        /// Loaded if found and readable; otherwise left out without a word.
        case optional
    }

    /// The prelude (--prelude, $WARDGRAPH_PRELUDE, beside the store, or in the current
    /// directory), named by its path as shown in messages; nil if there is none.
    func prelude(_ arguments: ParsedArguments, _ need: PreludeNeed) throws -> (name: String, text: String)? {
        guard let path = Prelude.locate(explicit: arguments.value("prelude"), storePath: storePath(arguments), environment: environment) else {
            if case .expected(let hint) = need {
                warn("no prelude found (\(Prelude.relativePath)); relations such as ward_partner are not defined\(hint)")
            }
            return nil
        }
        switch Prelude.read(path) {
        case .success(let text): return (Self.displayPath(path), text)
        case .failure(let error):
            guard case .expected = need else { return nil }
            throw CommandFailure(error.description)
        }
    }

    /// A path relative to the current directory when it is under it (shorter in messages).
    static func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    /// Builds the default store from Graph/sources, for a first run.
    private func buildDefaultStore(at path: String, _ arguments: ParsedArguments) throws {
        guard let lexicon = lexiconDirectory(arguments) else {
            throw CommandFailure("no lexicon found (\(ProjectLayout.lexicon)) to build the default store from \(ProjectLayout.sources)")
        }
        let built = try DefaultStore.build(at: path, sources: ProjectLayout.sources, lexiconDirectory: lexicon)
        let wards = built.reports.map { "\($0.ward) \($0.fiscalYear)" }.joined(separator: ", ")
        note(String(format: "wardgraph: built the default store %@ from %@ (%d documents: %@) in %.0f ms",
                    path, ProjectLayout.sources, built.reports.count, wards, built.seconds * 1000))
        for failure in built.failures { warn("\(failure.file): \(failure.error)") }
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
