import Application
import WardGraph

/// `wardgraph stats`: nodes by kind, edges by type, facts, transactions, file size.
enum StatsCommand {
    static let spec = CommandSpec(
        name: "stats",
        summary: "count nodes by kind, edges by type, facts and transactions",
        usage: "[--as-of TX] [--format FORMAT]",
        details: "Counts the graph as it stands, or as it stood after transaction TX.",
        options: [AsOf.option, OutputFormat.option],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = try OutputFormat.chosen(arguments)
        let workspace = try context.workspace(arguments)
        let snapshot = try AsOf.snapshot(workspace, arguments)
        let fileSize = workspace.withStore { $0.fileSize }
        context.out.write(format.render(StatsView.resultSet(GraphSummary(snapshot, storePath: workspace.storePath, fileSize: fileSize))))
        return 0
    }
}

/// The `--as-of TX` option shared by the commands that read the graph.
enum AsOf {
    static let option = OptionSpec.value("as-of", "TX", "read the graph as it was after transaction TX (see 'wardgraph log')")

    static func snapshot(_ workspace: Workspace, _ arguments: ParsedArguments) throws -> GraphSnapshot {
        let tx = try arguments.integer("as-of", atLeast: 0)
        do { return try workspace.snapshot(asOf: tx.map(UInt64.init)) } catch {
            throw CommandFailure("--as-of \(tx ?? 0): \(error.message)")
        }
    }
}
