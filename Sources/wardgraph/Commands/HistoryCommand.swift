import TextLayout
import WardGraph

/// `wardgraph history ENTITY`: every assertion and retraction about one node.
enum HistoryCommand {
    static let spec = CommandSpec(
        name: "history",
        summary: "list the assertions and retractions about a node",
        usage: "ENTITY",
        details: """
        Lists, oldest first, every change to a fact about ENTITY (a node id such as
        ward:泉区 or partner:社会福祉協議会): as its subject, or as the node an edge
        points to. Each line gives the transaction, its time, + or -, the fact, its
        source lines and the author.
        """,
        options: [],
        positionals: 1...1,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let text = arguments.positionals[0]
        let entity: NodeID
        do { entity = try NodeID(parsing: text) } catch {
            throw CommandFailure("\(text): \(error)")
        }
        let store = try context.openStore(arguments)
        let entries = store.history(of: entity)
        guard !entries.isEmpty else {
            throw CommandFailure("no facts about \(entity) in \(store.path)")
        }
        var table = TextTable(headers: ["tx", "time", "", "entity", "attribute", "value", "source", "author"])
        table.alignments[0] = .right
        for entry in entries {
            let change = entry.change
            table.add([
                String(entry.transaction), TimeFormat.string(millis: entry.timestampMillis),
                change.kind == .assert ? "+" : "-", change.fact.entity.description, change.fact.attribute,
                change.fact.value.description, change.source?.description ?? "", entry.author,
            ])
        }
        context.out.line(table.rendered())
        return 0
    }
}
