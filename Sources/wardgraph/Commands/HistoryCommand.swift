import Application

/// `wardgraph history NAME|ID`: every assertion and retraction about one node.
enum HistoryCommand {
    static let spec = CommandSpec(
        name: "history",
        summary: "list the assertions and retractions about a node",
        usage: "NAME|ID [--as-of TX] [--format FORMAT]",
        details: """
        Lists, oldest first, every change to a fact about a node, given by its name
        (泉区, 社会福祉協議会) or its id (ward:泉区, "measure:泉区/R7/2.4" as a query
        prints it): as its subject, or as the node an edge points to. Each line gives the transaction, its time, + or -, the fact, its
        source lines and the author.
        """,
        options: [AsOf.option, OutputFormat.option],
        positionals: 1...1,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = try OutputFormat.chosen(arguments)
        let workspace = try context.workspace(arguments)
        do {
            let history = try EntityHistory(try AsOf.snapshot(workspace, arguments), entity: arguments.positionals[0])
            context.out.write(format.render(HistoryView.resultSet(history)))
        } catch let error as OperationError {
            throw OutputFormat.failure(error)
        }
        return 0
    }
}
