import WardGraph

/// `wardgraph dump`: every fact that holds, in the input format of `assert`.
enum DumpCommand {
    static let spec = CommandSpec(
        name: "dump",
        summary: "print every fact, in the format 'wardgraph assert' reads",
        usage: "[--as-of TX]",
        details: """
        Prints the facts that hold (or held after transaction TX), sorted, one per line
        as entity<TAB>attribute<TAB>value, so that 'wardgraph dump | wardgraph assert
        --store other.log' copies the graph.
        """,
        options: [AsOf.option],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        for fact in try AsOf.snapshot(workspace, arguments).facts() {
            context.out.line(fact.description)
        }
        return 0
    }
}
