import Datalog
import Dispatch
import ResultFormats
import WardGraph

/// Runs programs of the query language over the graph: the engine with the graph's
/// relations (and any fact files) as inputs, the prelude and the rules loaded so
/// far, parameters and limits. Used by `wardgraph query` and by the REPL.
public final class QuerySession {
    public let engine = DatalogEngine()
    /// Sources whose rules stay: the prelude, loaded files, rules typed in the REPL.
    public private(set) var sources: [(name: String, text: String)] = []
    public var parameters: [String: Constant] = [:]
    public let cancellation = Cancellation()
    public private(set) var snapshot: GraphSnapshot?

    public init(limits: Limits = .standard) {
        engine.limits = limits
    }

    public var limits: Limits {
        get { engine.limits }
        set { engine.limits = newValue }
    }

    /// Makes the graph as it stands in `snapshot` the input of every program.
    public func use(_ snapshot: GraphSnapshot) {
        self.snapshot = snapshot
        GraphRelations.register(snapshot, on: engine)
    }

    /// Adds the fact files of a directory as input relations.
    @discardableResult
    public func addFacts(directory: String) throws -> [String] {
        try FactFiles.register(directory: directory, on: engine)
    }

    /// Keeps a source's rules for every later program (its queries are not kept).
    public func keep(name: String, text: String) {
        sources.append((name, text))
    }

    /// Forgets the sources that `drop` selects (e.g. the rules typed in a session).
    public func forget(where drop: (String) -> Bool) {
        sources.removeAll { drop($0.name) }
    }

    /// What running a text gave.
    public struct Outcome {
        /// The texts involved, to render diagnostics with their lines.
        public let files: SourceFiles
        /// Errors found before running: nothing ran if there are any.
        public let diagnostics: [Diagnostic]
        /// Errors found beyond those kept in `diagnostics`.
        public var omittedDiagnostics = 0
        /// One entry per query of the text, in order.
        public var answers: [Answer] = []

        public enum Answer {
            case result(QueryResult, explanation: String?)
            /// The query failed while running (limit, cancellation, arithmetic).
            case failure(EvaluationError, range: SourceRange)
        }
    }

    /// The sources kept so far plus `text`, parsed.
    private func sourceSet(adding name: String, _ text: String) -> SourceSet {
        var set = SourceSet()
        for source in sources { set.add(name: source.name, text: source.text, keepQueries: false) }
        set.add(name: name, text: text)
        return set
    }

    /// Analyses `text` together with the kept sources, without running anything:
    /// the program, or its errors (rendered over `files`). Analysis stops at the
    /// time limit, or when `cancellation` is raised.
    public func analyze(name: String, text: String) -> (files: SourceFiles, program: Result<AnalyzedProgram, DiagnosticList>) {
        let set = sourceSet(adding: name, text)
        cancellation.reset()
        return (set.files, engine.analyze(set, parameters: parameters, deadline: Deadline(limits: limits, cancellation: cancellation)))
    }

    /// Checks `text` together with the kept sources, without running anything.
    public func check(name: String, text: String) -> (files: SourceFiles, diagnostics: [Diagnostic]) {
        let (files, list) = checkAll(name: name, text: text)
        return (files, list.diagnostics)
    }

    /// Checks `text` together with the kept sources: every error found, including
    /// the count of those not kept.
    public func checkAll(name: String, text: String) -> (files: SourceFiles, errors: DiagnosticList) {
        let (files, program) = analyze(name: name, text: text)
        switch program {
        case .success: return (files, DiagnosticList([]))
        case .failure(let list): return (files, list)
        }
    }

    /// Runs the queries of `text` over the kept sources and the graph; with `keep`,
    /// its rules are kept afterwards (when it has no errors).
    public func run(name: String, text: String, keep: Bool = false, explain: Bool = false) -> Outcome {
        let set = sourceSet(adding: name, text)
        // One deadline for analysis and evaluation: --timeout covers both.
        cancellation.reset()
        let deadline = Deadline(limits: limits, cancellation: cancellation)
        let program: AnalyzedProgram
        switch engine.analyze(set, parameters: parameters, deadline: deadline) {
        case .failure(let list):
            var outcome = Outcome(files: set.files, diagnostics: list.diagnostics)
            outcome.omittedDiagnostics = list.omitted
            return outcome
        case .success(let analyzed):
            program = analyzed
        }
        if keep { self.keep(name: name, text: text) }
        let run = engine.start(program, cancellation: cancellation, deadline: deadline)
        var outcome = Outcome(files: set.files, diagnostics: [])
        let newFile = set.files.files.count - 1
        for query in program.queries where query.range.file == newFile {
            do {
                let result = try run.answer(query)
                let explanation = explain ? try run.explain(query, sources: set.files) : nil
                outcome.answers.append(.result(result, explanation: explanation))
            } catch let error as EvaluationError {
                outcome.answers.append(.failure(error, range: error.range ?? query.range))
                if error == .cancelled { break }
            } catch {
                outcome.answers.append(.failure(.typeError("\(error)", range: query.range), range: query.range))
            }
        }
        return outcome
    }

    /// One derivation of a ground atom such as `shared_partner(泉区, 港北区, 社会福祉協議会)`,
    /// over the kept sources and `text` (extra rules, may be empty).
    public func why(_ atom: String, name: String = "<why>", text: String = "") throws -> Derivation {
        let set = sourceSet(adding: name, text)
        cancellation.reset()
        let deadline = Deadline(limits: limits, cancellation: cancellation)
        let program = try engine.analyze(set, parameters: parameters, deadline: deadline).get()
        let (relation, tuple) = try engine.parseGroundAtom(atom)
        let run = engine.start(program, cancellation: cancellation, recordDerivations: true, deadline: deadline)
        return try run.why(relation, tuple, sources: set.files)
    }

    /// A query result in the neutral model of the output formats, with at most
    /// `maxRows` rows (`totalRows` still counts them all). With `labels`, node ids
    /// are followed by their label where it says more than the id.
    public func resultSet(_ result: QueryResult, labels: Bool = false, maxRows: Int? = nil) -> ResultSet {
        let constants = engine.constants
        var rows = result.rows.prefix(maxRows ?? result.rows.count).map { row in
            row.map { value -> ResultSet.Cell in
                if let n = constants.integerValue(value) { return .integer(n) }
                return .text(constants.display(value))
            }
        }
        if labels, let snapshot {
            // Each distinct id is parsed once, and all labels are found in one pass.
            var seen = Set<String>()
            var ids: [String: NodeID] = [:]
            for row in rows {
                for case .text(let text) in row where seen.insert(text).inserted && NodeID.looksLikeID(text) {
                    ids[text] = try? NodeID(parsing: text)
                }
            }
            let found = snapshot.labels(of: ids.values)
            if !found.isEmpty {
                rows = rows.map { row in
                    row.map { cell in
                        if case .text(let text) = cell, let id = ids[text], let label = found[id] { return .text("\(text) 〈\(label)〉") }
                        return cell
                    }
                }
            }
        }
        return ResultSet(columns: result.columns, rows: rows, totalRows: result.totalRows, elapsedMilliseconds: result.elapsed * 1000)
    }

    /// The label of a node id, when it differs from the id's own last segment.
    public func label(of text: String) -> String? {
        guard NodeID.looksLikeID(text), let snapshot, let id = try? NodeID(parsing: text) else { return nil }
        return snapshot.labels(of: [id])[id]
    }
}
