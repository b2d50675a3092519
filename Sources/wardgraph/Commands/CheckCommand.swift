import Foundation
import TextLayout
import TransactionLog
import WardGraph

/// `wardgraph check`: verifies every record of the log and prints its statistics.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "verify the log and print its statistics",
        usage: "",
        details: """
        Reads the whole log without changing it: checks the header, every record's
        checksum and transaction id, and decodes every transaction. Exits with status 1
        if the log is damaged (then see 'wardgraph repair'). An incomplete last record
        (left by an interrupted write) is reported; the next writer cuts it off.
        """,
        options: [],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let path = context.storePath(arguments)
        let store: GraphStore
        do {
            store = try context.openStore(arguments)
        } catch let error as StoreError {
            context.err.line("\(path): DAMAGED")
            throw CommandFailure(error.description + RepairCommand.hint(for: error))
        }
        let operations = store.operationCount
        let retractions = store.transactions.reduce(0) { $0 + $1.retractions }
        var table = TextTable(headers: ["", ""], alignments: [.left, .left])
        table.add(["format", "WardGraph log, version \(LogFormat.version)"])
        table.add(["file size", "\(Int(store.fileSize).grouped) bytes"])
        table.add(["transactions", "\(store.transactions.count.grouped)"])
        if let first = store.transactions.first, let last = store.transactions.last {
            table.add(["first", "\(first.id) at \(TimeFormat.string(millis: first.timestampMillis))"])
            table.add(["last", "\(last.id) at \(TimeFormat.string(millis: last.timestampMillis))"])
        }
        table.add(["operations", "\(operations.grouped) (\(counted(operations - retractions, "assertion")), \(counted(retractions, "retraction")))"])
        table.add(["facts now", store.factCount.grouped])
        if operations > 0 {
            let perOperation = Double(store.fileSize) / Double(operations)
            table.add(["bytes per operation", String(format: "%.1f", perOperation)])
        }
        if !store.programs.isEmpty { table.add(["saved programs", store.programs.keys.sorted().joined(separator: ", ")]) }
        if let torn = store.tornTail {
            table.add(["incomplete tail", "\(torn.length) bytes at byte \(torn.offset) (\(torn.reason))"])
        }
        context.out.line("\(path): ok")
        context.out.line(table.rendered())
        return 0
    }
}
