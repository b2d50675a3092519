import Datalog
import Foundation
import Querying

/// The relations a program can use: the graph's, and those the prelude and the
/// kept rules define, with arity, argument names, the doc comment above their first
/// rule, and (when counted) their rows and one sample row. What `:schema` and
/// `GET /api/schema` show.
public struct Schema: Sendable {
    public struct Relation: Sendable {
        public let name: String
        public let arity: Int
        /// Argument names: the graph's own, or those of the doc comment's `name(A, B)`,
        /// or the first rule head's variables.
        public let arguments: [String]
        /// One line for a graph relation; the comment lines above the first rule of a derived one.
        public let doc: String?
        /// Defined by rules (the prelude, kept rules) rather than read from the graph.
        public let isDerived: Bool
        /// Where the first rule is, as `file:line`.
        public let definedAt: String?
        public let rows: Int?
        /// The smallest row, as an atom: `ward(ward:旭区)`.
        public let sample: String?
    }

    public let relations: [Relation]
    public let asOf: UInt64?

    /// The schema of what `session` keeps; with `counting`, every relation is
    /// computed to count its rows (cheap on the ward graph, bounded by the session's limits).
    public init(_ session: QuerySession, counting: Bool) throws(OperationError) {
        let (files, analysis) = session.analyzeKept()
        let program: AnalyzedProgram
        switch analysis {
        case .success(let analyzed): program = analyzed
        case .failure(let list):
            throw OperationError(.badInput, "the prelude or the kept rules have errors:\n" + files.render(list.diagnostics))
        }
        let inputs = Dictionary(session.engine.inputSignatures.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var firstRules: [String: Rule] = [:]
        for case .rule(let rule) in session.kept.program.statements where firstRules[rule.head.name] == nil {
            firstRules[rule.head.name] = rule
        }
        let run = counting ? session.engine.start(program, cancellation: session.cancellation) : nil
        let constants = session.engine.constants
        var relations: [Relation] = []
        for info in program.relations.values.sorted(by: { ($0.isDerived ? 1 : 0, $0.name) < ($1.isDerived ? 1 : 0, $1.name) }) {
            var tuples: [[Value]]? = nil
            if let run {
                do { tuples = try run.tuples(of: info.name) } catch let error as EvaluationError {
                    throw OperationError(.stopped, "counting \(info.name): \(error.message)")
                } catch {
                    throw OperationError(.failed, "counting \(info.name): \(error)")
                }
            }
            let sample = tuples?.min { a, b in
                zip(a, b).first { $0 != $1 }.map { constants.compare($0.0, $0.1) < 0 } ?? false
            }
            let rule = info.isDerived ? firstRules[info.name] : nil
            let doc = rule.map { Self.comment(above: $0.range, in: files) } ?? inputs[info.name]?.description
            relations.append(Relation(
                name: info.name, arity: info.arity,
                arguments: inputs[info.name]?.arguments.nilIfEmpty ?? Self.argumentNames(info.name, info.arity, doc: doc, rule: rule),
                doc: doc?.isEmpty == false ? doc : nil, isDerived: info.isDerived,
                definedAt: rule.map { "\(files.name(of: $0.range)):\($0.range.start.line)" },
                rows: tuples?.count,
                sample: sample.map { "\(info.name)(\($0.map(constants.source).joined(separator: ", ")))" }))
        }
        self.relations = relations
        asOf = session.snapshot?.asOf
    }

    /// The `%` comment lines just above `range` (a rule), without the `%`.
    static func comment(above range: SourceRange, in files: SourceFiles) -> String {
        guard range.file >= 0, range.file < files.files.count else { return "" }
        let lines = files.files[range.file].text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = range.start.line - 2
        var comment: [String] = []
        while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("%") {
            comment.insert(String(lines[index].trimmingCharacters(in: .whitespaces).dropFirst()).trimmingCharacters(in: .whitespaces), at: 0)
            index -= 1
        }
        return comment.joined(separator: "\n")
    }

    /// Names from the comment's `name(A, B)`, else from the rule head's variables
    /// (an aggregate is named by its function: `count`), else A1, A2, ….
    static func argumentNames(_ name: String, _ arity: Int, doc: String?, rule: Rule?) -> [String] {
        if let doc, let open = doc.range(of: name + "("), let close = doc[open.upperBound...].firstIndex(of: ")") {
            let names = doc[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if names.count == arity { return names }
        }
        return (0..<arity).map { index in
            guard let rule, index < rule.head.arguments.count else { return "A\(index + 1)" }
            switch rule.head.arguments[index] {
            case .expression(let expression): return expression.plainTerm?.variable ?? "A\(index + 1)"
            case .aggregate(let kind, _, _): return kind.rawValue
            }
        }
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
