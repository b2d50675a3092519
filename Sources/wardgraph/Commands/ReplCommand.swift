import Foundation
import Ingestion
import Querying
import REPL
import TextLayout
import WardGraph

/// `wardgraph repl` (and `wardgraph` alone): the interactive shell.
enum ReplCommand {
    static let spec = CommandSpec(
        name: "repl",
        summary: "the interactive shell: query, explain and correct the graph (also: wardgraph alone)",
        usage: "",
        details: """
        Opens the shell on the store. In a terminal it edits lines (history, Ctrl-R,
        Tab completion, Japanese input); from a pipe it reads statements plainly, so
        'echo "?- ward(W)." | wardgraph' and 'wardgraph < session.dl' work.
        Type :help inside for the statements and commands. History is kept in
        $WARDGRAPH_HISTORY (default ~/.wardgraph_history).
        """,
        options: [
            SharedOptions.author, SharedOptions.prelude, SharedOptions.noPrelude, SharedOptions.lexicon,
        ],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore(arguments, create: !context.isDefaultStore(arguments))
        let prelude = arguments.flag("no-prelude") ? nil : try context.prelude(arguments, .expected(hint: ""))
        context.err.flush()
        let session = ReplSession(
            store: store, author: context.author(arguments), output: StandardStreams(), prelude: prelude,
            lexiconDirectory: context.lexiconDirectory(arguments))
        let history = context.environment["WARDGRAPH_HISTORY"]
            ?? context.environment["HOME"].map { $0 + "/.wardgraph_history" }
        let repl = Repl(session: session, historyPath: history)
        return repl.run(banner: repl.isInteractive ? banner(store) : nil)
    }

    /// The greeting in a terminal: the graph's size and where it is.
    static func banner(_ store: GraphStore) -> String {
        let stats = GraphStats(store.current)
        return """
            WardGraph — \(stats.nodesByKind[.ward] ?? 0) wards, \(stats.nodeCount.grouped) nodes, \(stats.facts.grouped) facts (\(store.path), transaction \(store.lastTransactionID))
            区運営方針の知識グラフ。:help で使い方、:quit で終了。 Type :help for help, :quit to leave.
            """
    }
}
