import Application

/// `wardgraph node ID`: everything the graph says about one node.
enum NodeCommand {
    static let spec = CommandSpec(
        name: "node",
        summary: "show a node: its attributes, edges in and out, source lines and history",
        usage: "NAME|ID [--as-of TX] [--format text|json]",
        details: """
        Shows a node, by name (泉区, 商店街) or id (ward:泉区, partner:商店街): its kind and label, its
        attributes, the edges out of it and into it with the other end's label, the
        document lines it was read from with their text (from Graph/sources), and every
        change to it. The same page as the HTTP service's /api/nodes/ID.
        """,
        options: [AsOf.option, .value("format", "FORMAT", "text (default) or json")],
        positionals: 1...1,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = arguments.value("format") ?? "text"
        guard ["text", "json"].contains(format) else { throw UsageError("unknown format '\(format)'; use text or json") }
        let workspace = try context.workspace(arguments)
        let page: NodePage
        do {
            page = try NodePage(try AsOf.snapshot(workspace, arguments), id: arguments.positionals[0], documents: workspace.documents)
        } catch let error as OperationError {
            throw OutputFormat.failure(error)
        }
        context.out.write(format == "json" ? NodeView.json(page).rendered() + "\n" : NodeView.text(page))
        return 0
    }
}
