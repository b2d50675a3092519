import Foundation
import GraphInterchange

/// `wardgraph export --format souffle -o DIR`: the graph's relations as Soufflé fact
/// files, a directory rather than one file's bytes.
extension ExportCommand {
    static func runSouffle(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let diagramOnly = ["ward", "query", "why", "font", "max-nodes", "base"].filter { arguments.value($0) != nil }
            + ["shared-partners", "cluster-by-ward", "no-legend"].filter { arguments.flag($0) }
        if let first = diagramOnly.first { throw UsageError("--\(first) does not apply to --format souffle, which writes every relation of the graph") }
        guard let output = arguments.value("output") else { throw UsageError("--format souffle writes a directory of fact files: give it with -o DIR") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && !isDirectory.boolValue {
            throw CommandFailure("\(output) is a file; --format souffle writes a directory of fact files")
        }
        let workspace = try context.workspace(arguments)
        let snapshot = try AsOf.snapshot(workspace, arguments)
        do {
            let written = try SouffleExport.write(snapshot, to: output)
            context.err.line("wrote \(written.count) relations (\(written.reduce(0) { $0 + $1.tuples }) tuples) and schema.dl to \(output)")
        } catch {
            throw CommandFailure("\(error)")
        }
        return 0
    }
}
