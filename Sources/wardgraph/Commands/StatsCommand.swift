import TextLayout
import WardGraph

/// `wardgraph stats`: nodes by kind, edges by type, facts, transactions, file size.
enum StatsCommand {
    static let spec = CommandSpec(
        name: "stats",
        summary: "count nodes by kind, edges by type, facts and transactions",
        usage: "[--as-of TX]",
        details: "Counts the graph as it stands, or as it stood after transaction TX.",
        options: [AsOf.option],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore(arguments)
        let snapshot = try AsOf.snapshot(store, arguments)
        let stats = GraphStats(snapshot)
        var table = TextTable(headers: ["", "", "count"], alignments: [.left, .left, .right])
        table.add(["nodes", "", stats.nodeCount.grouped])
        for kind in NodeKind.allCases { table.add(["", kind.rawValue, (stats.nodesByKind[kind] ?? 0).grouped]) }
        table.add(["edges", "", stats.edgeCount.grouped])
        for edge in EdgeType.allCases { table.add(["", edge.rawValue, (stats.edgesByType[edge] ?? 0).grouped]) }
        table.add(["facts", "", stats.facts.grouped])
        table.add(["", "edges", stats.edgeCount.grouped])
        table.add(["", "attributes", stats.attributeFacts.grouped])
        table.add(["transactions", "", Int(snapshot.asOf).grouped])
        table.add(["file size", "", "\(Int(store.fileSize).grouped) bytes"])
        context.out.line("\(store.path), as of transaction \(snapshot.asOf)")
        context.out.line(table.rendered())
        return 0
    }
}

/// The `--as-of TX` option shared by the commands that read the graph.
enum AsOf {
    static let option = OptionSpec.value("as-of", "TX", "read the graph as it was after transaction TX (see 'wardgraph log')")

    static func snapshot(_ store: GraphStore, _ arguments: ParsedArguments) throws -> GraphSnapshot {
        guard let tx = try arguments.integer("as-of", atLeast: 0) else { return store.current }
        do {
            return try store.snapshot(asOf: UInt64(tx))
        } catch let error as StoreError {
            throw CommandFailure("--as-of \(tx): \(error)")
        }
    }
}
