import TextLayout
import TransactionLog
import WardGraph

/// `wardgraph repair`: the only way damaged bytes leave the log, and only when asked.
/// The analysis and the repair are `RepairPlan` and `Salvage`; this prints them.
enum RepairCommand {
    static let spec = CommandSpec(
        name: "repair",
        summary: "cut a damaged log back to its last good transaction, or salvage the intact ones after it",
        usage: "[--salvage] [--yes]",
        details: """
        Without --yes it only says what it would do, and changes nothing.
        With --yes the log is cut at the first damaged record: that transaction and
        every later one leave the log, and the removed bytes are kept in a new side file
        (LOG.cut-N-at-OFFSET, never overwritten). With --salvage --yes the later
        transactions that are intact on their own are then applied again, in order, as
        new transactions with their original authors and times; a change that no longer
        applies (a retraction of a fact the damaged transaction had asserted) is dropped
        and listed. An incomplete last record left by an interrupted write is cut off
        the same way. A healthy log is left alone.
        """,
        options: [
            .flag("salvage", "after the cut, apply the intact later transactions again"),
            .flag("yes", "really change the log"),
        ],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    /// Whether `error` is damage that this command repairs.
    static func isDamage(_ error: StoreError) -> Bool {
        switch error {
        case .log(.damagedRecord), .log(.invalidRecord), .undecodableRecord: return true
        default: return false
        }
    }

    /// A sentence pointing at this command, for messages about a damaged log.
    static func hint(for error: StoreError) -> String {
        isDamage(error) ? "\nTo see what can be kept, run 'wardgraph repair' (it changes nothing without --yes)." : ""
    }

    /// One sentence on the intact transactions after the damage.
    static func laterSummary(_ plan: RepairPlan) -> String {
        let curation = plan.later.filter(\.isCuration)
        let people = curation.isEmpty ? "" : "; \(curation.count) of them made by people: \(curation.map { String($0.originalID) }.joined(separator: ", "))"
        return "\(counted(plan.later.count, "later transaction")) \(plan.later.count == 1 ? "is" : "are") intact (\(idRange(plan.later.map(\.originalID)))\(people)); 'wardgraph repair --salvage --yes' keeps them."
    }

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let path = context.storePath(arguments)
        let plan = try RepairPlan.make(path: path)
        guard let cut = plan.cutOffset else {
            context.out.line("\(path): the log is healthy; nothing to repair")
            return 0
        }
        let out = context.out
        for damage in plan.damage {
            switch damage {
            case .unreadable(let region):
                out.line("\(path): damaged at byte \(region.offset) (\(region.length) bytes, where transaction \(region.expectedTxID) should be): \(region.reason)")
            case .undecodable(let transaction, let offset, _, let reason):
                out.line("\(path): transaction \(transaction) at byte \(offset) cannot be decoded: \(reason)")
            }
        }
        if let torn = plan.tornTail {
            out.line("\(path): an incomplete last record of \(torn.length) bytes at byte \(torn.offset) (\(torn.reason)), left by an interrupted write")
        }
        out.line("Cutting at byte \(cut) removes \(plan.cutLength) bytes: \(removedSummary(plan)). A new side file keeps them.")
        let salvage = arguments.flag("salvage")
        if !plan.later.isEmpty {
            out.line(laterSummary(plan))
            if salvage { describeInapplicable(plan, context) }
        }
        guard arguments.flag("yes") else {
            let command = plan.later.isEmpty || salvage ? "repair\(salvage ? " --salvage" : "") --yes" : "repair --salvage --yes' (or 'wardgraph repair --yes' to cut only"
            out.line("Nothing was changed. Run 'wardgraph \(command)' to do it.")
            return 1
        }
        let outcome = try Salvage.run(plan, salvage: salvage, holder: "wardgraph repair")
        out.line("\(path): cut at byte \(cut); the removed bytes are in \(outcome.sideFile ?? "(nothing was removed)").")
        if salvage {
            for item in outcome.reapplied {
                let now = item.newID.map { "is now transaction \($0)" } ?? "was not applied: none of its changes applies any more"
                out.line("  transaction \(item.originalID) \(now)\(item.dropped.isEmpty ? "" : " (\(counted(item.dropped.count, "change")) dropped)")")
            }
        } else if !plan.later.isEmpty {
            out.line("The intact later transactions were not applied again; their bytes are in the side file.")
        }
        out.line("\(counted(outcome.transactions, "transaction")) in the log.")
        return 0
    }

    /// "transactions 2–14", or "only the incomplete record".
    private static func removedSummary(_ plan: RepairPlan) -> String {
        let last = max(plan.later.map(\.originalID).max() ?? 0, plan.damage.isEmpty ? 0 : plan.firstRemovedID)
        guard last >= plan.firstRemovedID else { return "only the incomplete record" }
        return "\(last == plan.firstRemovedID ? "transaction" : "transactions") \(idRange([plan.firstRemovedID, last]))"
    }

    private static func describeInapplicable(_ plan: RepairPlan, _ context: CommandContext) {
        for transaction in plan.later where !transaction.inapplicable.isEmpty {
            let who = transaction.isCuration ? "made by \(transaction.author)" : transaction.author
            context.out.line("  transaction \(transaction.originalID) (\(who)): \(counted(transaction.inapplicable.count, "change")) would no longer apply:")
            for change in transaction.inapplicable.prefix(20) {
                context.out.line("    \(change.kind == .assert ? "+" : "-") \(change.fact)   (the fact would not hold)")
            }
            if transaction.inapplicable.count > 20 { context.out.line("    … and \(transaction.inapplicable.count - 20) more") }
        }
    }

    private static func idRange(_ ids: [UInt64]) -> String {
        guard let low = ids.min(), let high = ids.max() else { return "none" }
        return low == high ? String(low) : "\(low)–\(high)"
    }
}
