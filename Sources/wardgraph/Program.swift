import Foundation
import TextLayout
import WardGraph

/// Finds the subcommand, parses its arguments, runs it, and turns errors into
/// messages and exit statuses: 0 ok, 1 bad input or a failed check, 2 usage.
enum Program {
    static func run(_ arguments: [String], _ context: CommandContext) -> Int32 {
        // `wardgraph` alone (or with only options such as --store) is the main job: the REPL.
        if arguments.first.map({ $0.hasPrefix("-") && !["-h", "--help"].contains($0) }) ?? true {
            return run(["repl"] + arguments, context)
        }
        guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
            if arguments.count > 1, let spec = Commands.all.first(where: { $0.name == arguments[1] }) {
                context.out.line(HelpText.command(spec))
            } else {
                context.out.line(HelpText.overview(Commands.all))
            }
            return 0
        }
        guard let spec = Commands.all.first(where: { $0.name == name }) else {
            let hint = Suggestion.hint(for: name, in: Commands.all.map(\.name))
            return usageFailure("unknown command '\(name)'\(hint)", command: nil, context)
        }
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: spec)
            if parsed.flag("help") {
                context.out.line(HelpText.command(spec))
                return 0
            }
            return try spec.run(parsed, context)
        } catch let error as UsageError {
            return usageFailure(error.message, command: spec.name, context)
        } catch {
            report(error, context)
            return 1
        }
    }

    /// Prints an error on standard error, with the diagnostics or hints it carries.
    static func report(_ error: Error, _ context: CommandContext) {
        switch error {
        case let failure as CommandFailure:
            for diagnostic in failure.diagnostics { context.err.line(diagnostic.rendered()) }
            if !failure.message.isEmpty { context.err.line("wardgraph: error: \(failure.message)") }
        case let error as StoreError:
            context.err.line("wardgraph: error: \(error)\(RepairCommand.hint(for: error))")
        default:
            context.err.line("wardgraph: error: \(error)")
        }
    }

    private static func usageFailure(_ message: String, command: String?, _ context: CommandContext) -> Int32 {
        context.err.line("wardgraph: error: \(message)")
        context.err.line("Run 'wardgraph \(command.map { "\($0) " } ?? "")--help' for usage.")
        return 2
    }
}
