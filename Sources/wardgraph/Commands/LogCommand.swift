import Application

/// `wardgraph log`: the transactions, newest last.
enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        summary: "list the transactions: id, time, author, changes",
        usage: "[--last N] [--format FORMAT]",
        details: "Lists every transaction of the log in order. Use a transaction id with --as-of to read the graph as it was then.",
        options: [.value("last", "N", "only the last N transactions"), OutputFormat.option],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = try OutputFormat.chosen(arguments)
        let last = try arguments.integer("last", atLeast: 1)
        let workspace = try context.workspace(arguments)
        context.out.write(format.render(LogView.resultSet(LogListing(workspace.current(), last: last))))
        return 0
    }
}
