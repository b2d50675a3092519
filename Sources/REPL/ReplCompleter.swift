import Datalog
import LineEditor
import WardGraph

/// Tab completion in the REPL: meta-commands after ':', node ids after `kind:`
/// (quoted when the id is not a bare word), otherwise relation names and built-ins.
public struct ReplCompleter: Completer {
    /// The names to complete from, read when Tab is pressed.
    let names: @Sendable () -> (relations: [String], nodes: [String])

    public init(names: @escaping @Sendable () -> (relations: [String], nodes: [String])) {
        self.names = names
    }

    public func complete(line: String, cursor: String.Index) -> Completion {
        var start = cursor
        while start > line.startIndex {
            let previous = line[line.index(before: start)]
            if previous.isWhitespace || "(),=<>!+-".contains(previous) { break }
            start = line.index(before: start)
        }
        let word = String(line[start..<cursor])
        let range = start..<cursor
        if word.hasPrefix(":"), line[..<start].allSatisfy(\.isWhitespace) {
            let commands = ReplSession.metaCommands.map { ":" + $0.name }
            return Completion(candidates: commands.filter { $0.hasPrefix(word) }, range: range)
        }
        let (relations, nodes) = names()
        let unquoted = word.hasPrefix("\"") ? String(word.dropFirst()) : word
        if unquoted.contains(":") {
            let matches = nodes.filter { $0.hasPrefix(unquoted) }.sorted()
            return Completion(candidates: matches.map { Constant.isBareWord($0) && !word.hasPrefix("\"") ? $0 : "\"\($0)\"" }, range: range)
        }
        let words = relations + Builtin.allCases.map(\.rawValue) + ["not"]
        return Completion(candidates: Array(Set(words.filter { $0.hasPrefix(word) })).sorted(), range: range)
    }
}
