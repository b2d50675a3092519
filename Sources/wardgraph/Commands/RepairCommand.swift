import TransactionLog
import WardGraph

/// `wardgraph repair`: the only way damaged bytes leave the log, and only when asked.
enum RepairCommand {
    static let spec = CommandSpec(
        name: "repair",
        summary: "cut a damaged log back to its last good transaction",
        usage: "[--yes]",
        details: """
        When 'wardgraph check' reports damage, the log is cut at the first damaged record:
        that transaction and every later one are removed from the log, and the removed
        bytes are kept in a side file (LOG.cut-at-OFFSET) so that nothing is lost.
        Without --yes it only says what it would do. An incomplete last record left by
        an interrupted write is simply cut off. A healthy log is left alone.
        """,
        options: [.flag("yes", "really cut the log")],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    /// A sentence pointing at this command, for messages about a damaged log.
    static func hint(for error: StoreError) -> String {
        switch error {
        case .log(.damagedRecord), .log(.invalidRecord), .undecodableRecord:
            return "\nTo keep the transactions before the damage, run 'wardgraph repair'."
        default:
            return ""
        }
    }

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let path = context.storePath(arguments)
        let damageOffset: UInt64
        let what: String
        do {
            // Reading only: the torn tail, if any, is cut below under the writer lock.
            guard try GraphStore.open(at: path).tornTail != nil else {
                context.out.line("\(path): the log is healthy; nothing to repair")
                return 0
            }
            let store = try GraphStore.open(at: path, writer: "wardgraph repair")
            store.close()
            context.out.line("\(path): cut off an incomplete last record; \(store.transactions.count) transactions remain")
            return 0
        } catch StoreError.log(.damagedRecord(_, let offset, let expected, _, _)) {
            damageOffset = offset
            what = "transaction \(expected) and all later ones"
        } catch StoreError.log(.invalidRecord(_, let offset, let txID, _)) {
            damageOffset = offset
            what = txID.map { "transaction \($0) and all later ones" } ?? "the record there and all later ones"
        } catch StoreError.undecodableRecord(_, let transaction, let offset, _) {
            damageOffset = offset
            what = "transaction \(transaction) and all later ones"
        }
        guard arguments.flag("yes") else {
            context.out.line("\(path): damaged at byte \(damageOffset). Repair would cut the log there, removing \(what) (kept in \(path).cut-at-\(damageOffset)). Run 'wardgraph repair --yes' to do it.")
            return 1
        }
        let side = try LogFile.cut(at: path, offset: damageOffset, holder: "wardgraph repair")
        let store = try GraphStore.open(at: path)
        context.out.line("\(path): cut at byte \(damageOffset), removing \(what); the removed bytes are in \(side). \(store.transactions.count) transactions remain.")
        return 0
    }
}
