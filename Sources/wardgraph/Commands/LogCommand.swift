import TextLayout
import WardGraph

/// `wardgraph log`: the transactions, newest last.
enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        summary: "list the transactions: id, time, author, changes",
        usage: "[--last N]",
        details: "Lists every transaction of the log in order. Use a transaction id with --as-of to read the graph as it was then.",
        options: [.value("last", "N", "only the last N transactions")],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore(arguments)
        var transactions = store.transactions[...]
        if let last = try arguments.integer("last", atLeast: 1) { transactions = transactions.suffix(last) }
        var table = TextTable(headers: ["tx", "time", "changes", "author"], alignments: [.right, .left, .left, .left])
        for info in transactions {
            table.add([String(info.id), TimeFormat.string(millis: info.timestampMillis), describe(info), info.author])
        }
        context.out.line(table.rendered())
        context.out.line("(\(store.transactions.count) transaction\(store.transactions.count == 1 ? "" : "s"))")
        return 0
    }

    static func describe(_ info: TransactionInfo) -> String {
        switch info.content {
        case .facts(_, let assertions, let retractions): return "+\(assertions.grouped) -\(retractions.grouped)"
        case .program(let name): return "rules '\(name)'"
        }
    }
}
