import Datalog
import LineEditor
import WardGraph

/// What Tab completes from: relation names, node ids, and the names of nodes
/// (labels) that planners write in the prelude's relations.
public struct CompletionNames: Sendable {
    public var relations: [String] = []
    public var nodes: [String] = []
    /// Labels of wards, partners, plans, sections and measures, sorted.
    public var names: [String] = []

    public init(relations: [String] = [], nodes: [String] = [], names: [String] = []) {
        self.relations = relations
        self.nodes = nodes
        self.names = names
    }
}

/// Tab completion in the REPL: meta-commands after ':', node ids after `kind:`
/// (quoted when the id is not a bare word), otherwise relation names, built-ins and
/// the names of nodes (`泉区`, `"横浜市中期計画 テーマ05"`, quoted when not a bare word).
public struct ReplCompleter: Completer {
    /// The names to complete from, read when Tab is pressed.
    let names: @Sendable () -> CompletionNames

    public init(names: @escaping @Sendable () -> CompletionNames) {
        self.names = names
    }

    public func complete(line: String, cursor: String.Index) -> Completion {
        var start = cursor
        if line[..<cursor].filter({ $0 == "\"" }).count % 2 == 1, let quote = line[..<cursor].lastIndex(of: "\"") {
            // Inside an open quote: the word is everything since it, spaces included.
            start = quote
        } else {
            while start > line.startIndex {
                let previous = line[line.index(before: start)]
                if previous.isWhitespace || "(),=<>!+-".contains(previous) { break }
                start = line.index(before: start)
            }
        }
        let word = String(line[start..<cursor])
        let range = start..<cursor
        if word.hasPrefix(":"), line[..<start].allSatisfy(\.isWhitespace) {
            let commands = ReplSession.metaCommands.map { ":" + $0.name }
            return Completion(candidates: commands.filter { $0.hasPrefix(word) }, range: range)
        }
        let known = names()
        let quoted = word.hasPrefix("\"")
        let unquoted = quoted ? String(word.dropFirst()) : word
        func typed(_ text: String) -> String { Constant.isBareWord(text) && !quoted ? text : Constant.quoted(text) }
        if unquoted.contains(":") {
            let matches = known.nodes.filter { $0.hasPrefix(unquoted) }.sorted()
            return Completion(candidates: matches.map(typed), range: range)
        }
        guard !unquoted.isEmpty else { return Completion(candidates: [], range: range) }
        let words = quoted ? [] : known.relations + Builtin.allCases.map(\.rawValue) + ["not"]
        let candidates = Set(words.filter { $0.hasPrefix(word) }).union(known.names.filter { $0.hasPrefix(unquoted) }.map(typed))
        return Completion(candidates: candidates.sorted(), range: range)
    }
}
