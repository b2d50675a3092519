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
        checksums and transaction id, and decodes every transaction. Exits with status 1
        if the log is damaged, saying where (then see 'wardgraph repair'). An incomplete
        last record (left by an interrupted write) is reported; the next writer cuts it
        off, keeping its bytes in a side file.
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
            var message = error.description + RepairCommand.hint(for: error)
            if RepairCommand.isDamage(error), let plan = try? RepairPlan.make(path: path), !plan.later.isEmpty {
                message += " \(RepairCommand.laterSummary(plan))"
            }
            throw CommandFailure(message)
        }
        let statistics = LogStatistics(store)
        var table = TextTable(headers: ["", ""], alignments: [.left, .left])
        table.add(["format", "WardGraph log, version \(statistics.formatVersion)"])
        table.add(["file size", "\(Int(statistics.fileSize).grouped) bytes"])
        table.add(["transactions", "\(statistics.transactions.grouped)"])
        if let first = statistics.first, let last = statistics.last {
            table.add(["first", "\(first.id) at \(TimeFormat.string(millis: first.timestampMillis))"])
            table.add(["last", "\(last.id) at \(TimeFormat.string(millis: last.timestampMillis))"])
        }
        table.add(["operations", "\(statistics.operations.grouped) (\(counted(statistics.assertions, "assertion")), \(counted(statistics.retractions, "retraction")))"])
        table.add(["facts now", statistics.factsNow.grouped])
        if let perOperation = statistics.bytesPerOperation {
            table.add(["bytes per operation", String(format: "%.1f", perOperation)])
        }
        if !statistics.savedPrograms.isEmpty { table.add(["saved programs", statistics.savedPrograms.joined(separator: ", ")]) }
        if let torn = statistics.tornTail {
            table.add(["incomplete tail", "\(torn.length) bytes at byte \(torn.offset) (\(torn.reason))"])
        }
        context.out.line("\(path): ok")
        context.out.line(table.rendered())
        return 0
    }
}
