import Application

/// `wardgraph diff WARD [YEAR1 YEAR2]`: what changed between two of a ward's documents.
enum DiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        summary: "compare two fiscal years of a ward's policy, measure by measure",
        usage: "WARD [YEAR1 YEAR2]",
        details: """
        Lists the measures added, removed, renamed or moved between the ward's
        documents of YEAR1 and YEAR2 (R6, 令和6年度 or 2024; without years, its two
        latest), and the partners and plans each measure gained or lost. Measures are
        matched by title similarity and position, so a renamed or renumbered measure
        is one change, not a removal and an addition. Example:
          wardgraph diff 泉区 R7 R8
        """,
        options: [AsOf.option, OutputFormat.option],
        positionals: 1...3,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = try OutputFormat.chosen(arguments)
        let positionals = arguments.positionals
        guard positionals.count != 2 else { throw UsageError("give two years, as in 'wardgraph diff \(positionals[0]) R6 R7', or none for the two latest") }
        let workspace = try context.workspace(arguments)
        do {
            let comparison = try YearComparison(
                try AsOf.snapshot(workspace, arguments), ward: positionals[0],
                from: positionals.count == 3 ? positionals[1] : nil, to: positionals.count == 3 ? positionals[2] : nil)
            context.out.write(format.render(YearComparisonView.resultSet(comparison)))
        } catch let error as OperationError {
            throw OutputFormat.failure(error)
        }
        return 0
    }
}
