import Application

/// `wardgraph schema`: the relations a program can use.
enum SchemaCommand {
    static let spec = CommandSpec(
        name: "schema",
        summary: "list the relations: the graph's and the prelude's, with arity, arguments and rows",
        usage: "[--as-of TX] [--format FORMAT]",
        details: """
        Lists every relation a query can use: those of the graph (ward, has_measure,
        label, …) and those the prelude defines (shared_partner, partner_wards, …), with
        their arity, argument names, row count and smallest row. --format json adds the
        prelude's doc comments.
        """,
        options: [AsOf.option, OutputFormat.option, SharedOptions.prelude, SharedOptions.noPrelude],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = try OutputFormat.chosen(arguments)
        let workspace = try context.workspace(arguments, prelude: .expected(hint: ""))
        let session = workspace.session(over: try AsOf.snapshot(workspace, arguments))
        let schema: Schema
        do { schema = try Schema(session, counting: true) } catch { throw OutputFormat.failure(error) }
        if OutputFormat.isJSON(arguments) {
            context.out.line(SchemaView.json(schema).rendered())
        } else {
            context.out.write(format.render(SchemaView.resultSet(schema)))
        }
        return 0
    }
}
