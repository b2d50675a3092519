import Datalog
import Dispatch
import ResultFormats
import WardGraph

/// Runs programs of the query language over the graph: the engine with the graph's
/// relations (and any fact files) as inputs, the prelude and the rules loaded so
/// far, parameters and limits. The application layer, and through it the command
/// line, the REPL and the HTTP service, run every query here.
///
/// Kept sources are parsed once, when kept; a program is then analysed once with
/// them (`prepare`) and run from its analysis, so checking a program before running
/// it costs nothing extra.
public final class QuerySession {
    public let engine = DatalogEngine()
    /// The sources whose rules stay (the prelude, loaded files, rules typed in the
    /// REPL), parsed, without their queries.
    public private(set) var kept = SourceSet()
    /// The texts of `kept`, to parse them again after `forget` (file indices shift).
    private var keptTexts: [(name: String, text: String)] = []
    /// The analysis of the kept sources alone, made when first needed.
    private var keptAnalysis: Result<AnalyzedProgram, DiagnosticList>?
    public var parameters: [String: Constant] = [:] {
        didSet { keptAnalysis = nil }
    }
    public let cancellation = Cancellation()
    public private(set) var snapshot: GraphSnapshot?
    private var labelIndex: [String: [NodeID]]?

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
        GraphRelations.register(snapshot, on: engine, years: years)
        yearReading = nil
        keptAnalysis = nil
        labelIndex = nil
    }

    /// The graph's nodes by label (`GraphSnapshot.nodesByLabel`), made once per graph.
    public var nodesByLabel: [String: [NodeID]] {
        if let labelIndex { return labelIndex }
        let index = snapshot?.nodesByLabel() ?? [:]
        labelIndex = index
        return index
    }

    /// Which document of each ward the planner relations read: each ward's latest
    /// (the default) or those of one fiscal year (`--year`, `:year`).
    public var years: YearSelection = .latest {
        didSet {
            if years != oldValue, let snapshot { use(snapshot) }
        }
    }

    /// The documents `years` selects in the graph, found when a result first needs them.
    private var yearReading: YearReading?

    /// The documents the planner relations read, one per ward, for result headers.
    public var reading: YearReading? {
        guard let snapshot else { return nil }
        if yearReading == nil { yearReading = snapshot.yearReading(years) }
        return yearReading
    }

    /// Adds the fact files of a directory as input relations.
    @discardableResult
    public func addFacts(directory: String) throws -> [String] {
        defer { keptAnalysis = nil }
        let names = try FactFiles.register(directory: directory, on: engine)
        hasFactFiles = true
        return names
    }

    /// Whether fact files are inputs too: then a query's names need not be the graph's,
    /// and `NameCheck` stays quiet.
    private var hasFactFiles = false

    /// Keeps a source's rules for every later program (its queries are not kept).
    public func keep(name: String, text: String) {
        kept.add(name: name, text: text, keepQueries: false)
        keptTexts.append((name, text))
        keptAnalysis = nil
    }

    /// Forgets the sources that `drop` selects (e.g. the rules typed in a session).
    public func forget(where drop: (String) -> Bool) {
        let remaining = keptTexts.filter { !drop($0.name) }
        kept = SourceSet()
        keptTexts = []
        for source in remaining { keep(name: source.name, text: source.text) }
        keptAnalysis = nil
    }

    /// The names of the kept sources, in the order they were kept.
    public var keptNames: [String] { keptTexts.map(\.name) }

    /// The relations the kept rules define (heads), for completion and schema.
    public var keptRuleHeads: [String] {
        kept.program.statements.compactMap { statement in
            if case .rule(let rule) = statement { return rule.head.name }
            return nil
        }
    }

    /// The kept sources analysed alone: their errors, or the program (for the schema).
    /// Analysis stops at the time limit, or when `cancellation` is raised.
    public func analyzeKept() -> (files: SourceFiles, program: Result<AnalyzedProgram, DiagnosticList>) {
        if keptAnalysis == nil {
            cancellation.reset()
            let analysis = engine.analyze(kept, parameters: parameters, deadline: Deadline(limits: limits, cancellation: cancellation))
            // A time-out or a cancellation says nothing about the sources: not kept.
            if case .failure(let list) = analysis, list.stoppedBy != nil { return (kept.files, analysis) }
            keptAnalysis = analysis
        }
        return (kept.files, keptAnalysis!)
    }

    /// A program analysed with the kept sources, ready to run.
    public struct Prepared: Sendable {
        public let name: String
        /// Every text involved, to render diagnostics and explanations.
        public let files: SourceFiles
        public let program: AnalyzedProgram
        /// The index of the program's own file among `files`: its queries are the ones answered.
        let file: Int
        /// Constants of its queries that name nothing in the graph (`NameCheck`): the
        /// program still runs, and a front end shows these before the answers.
        public let warnings: [Diagnostic]
        /// Seconds its analysis took: running it has the rest of the time limit.
        let analysisSeconds: Double
    }

    /// A program that did not pass analysis: nothing of it runs.
    public struct Rejected: Error, Sendable {
        public let files: SourceFiles
        /// The errors kept (at most `Diagnostic.collectionLimit`).
        public let diagnostics: [Diagnostic]
        /// Errors found beyond those kept.
        public var omitted = 0
    }

    /// Parses and analyses `text` together with the kept sources, without running it.
    /// Analysis counts against the time limit (and stops at it, or when `cancellation`
    /// is raised); running the program has what is left.
    public func prepare(name: String, text: String) -> Result<Prepared, Rejected> {
        var set = kept
        set.add(name: name, text: text)
        cancellation.reset()
        let start = DispatchTime.now().uptimeNanoseconds
        let analysis = engine.analyze(set, parameters: parameters, deadline: Deadline(limits: limits, cancellation: cancellation))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        switch analysis {
        case .success(let program):
            let file = set.files.files.count - 1
            var warnings: [Diagnostic] = []
            if let snapshot, !hasFactFiles {
                warnings = NameCheck.warnings(
                    queries: set.program.queries.filter { $0.range.file == file }, rules: set.program.rules, files: set.files,
                    snapshot: snapshot)
            }
            return .success(Prepared(name: name, files: set.files, program: program, file: file, warnings: warnings, analysisSeconds: seconds))
        case .failure(let list):
            return .failure(Rejected(files: set.files, diagnostics: list.diagnostics, omitted: list.omitted))
        }
    }

    /// What running a text gave.
    public struct Outcome {
        /// The texts involved, to render diagnostics with their lines.
        public let files: SourceFiles
        /// Errors found before running: nothing ran if there are any.
        public let diagnostics: [Diagnostic]
        /// Errors found beyond those kept in `diagnostics`.
        public var omittedDiagnostics = 0
        /// Warnings about the program that ran (`Prepared.warnings`).
        public var warnings: [Diagnostic] = []
        /// One entry per query of the text, in order.
        public var answers: [Answer] = []
    }

    public enum Answer {
        case result(QueryResult, explanation: String?)
        /// The query failed while running (limit, cancellation, arithmetic).
        case failure(EvaluationError, range: SourceRange)
    }

    /// `text` with the kept sources (the prelude) as a Soufflé program: each query
    /// an output relation, the inputs read from `wardgraph export --format souffle`'s
    /// files (or the fact files given). The analysis's errors, or the translation's,
    /// come back as `Rejected`; a fact file that cannot be read throws.
    public func translateToSouffle(name: String, text: String) throws -> Result<(program: SouffleProgram, files: SourceFiles), Rejected> {
        switch prepare(name: name, text: text) {
        case .failure(let rejected): return .failure(rejected)
        case .success(let prepared):
            do {
                return .success((try engine.translateToSouffle(prepared.program, sources: prepared.files), prepared.files))
            } catch let list as DiagnosticList {
                return .failure(Rejected(files: prepared.files, diagnostics: list.diagnostics))
            }
        }
    }

    /// Answers the queries of a prepared program, in order; stops after a cancellation.
    /// The time limit covers this and the program's analysis together.
    public func run(_ prepared: Prepared, explain: Bool = false) -> [Answer] {
        cancellation.reset()
        let deadline = Deadline(limits: limits, cancellation: cancellation, spent: prepared.analysisSeconds)
        let run = engine.start(prepared.program, cancellation: cancellation, deadline: deadline)
        var answers: [Answer] = []
        for query in prepared.program.queries where query.range.file == prepared.file {
            do {
                let result = try run.answer(query)
                let explanation = explain ? try run.explain(query, sources: prepared.files) : nil
                answers.append(.result(result, explanation: explanation))
            } catch let error as EvaluationError {
                answers.append(.failure(error, range: error.range ?? query.range))
                if error == .cancelled { break }
            } catch {
                answers.append(.failure(.typeError("\(error)", range: query.range), range: query.range))
            }
        }
        return answers
    }

    /// Prepares and runs the queries of `text`; with `keep`, its rules are kept
    /// afterwards (when it has no errors).
    public func run(name: String, text: String, keep: Bool = false, explain: Bool = false) -> Outcome {
        switch prepare(name: name, text: text) {
        case .failure(let rejected):
            return Outcome(files: rejected.files, diagnostics: rejected.diagnostics, omittedDiagnostics: rejected.omitted)
        case .success(let prepared):
            if keep { self.keep(name: name, text: text) }
            return Outcome(files: prepared.files, diagnostics: [], warnings: prepared.warnings, answers: run(prepared, explain: explain))
        }
    }

    /// One derivation of a ground atom such as `shared_partner(泉区, 港北区, 社会福祉協議会)`
    /// over the kept sources: the derivation, or why there is none.
    public func why(_ atom: String) throws(WhyError) -> Derivation {
        let text = atom.hasSuffix(".") ? String(atom.dropLast()) : atom
        let program: AnalyzedProgram
        switch analyzeKept().program {
        case .success(let analyzed): program = analyzed
        case .failure(let list): throw .program(files: kept.files, diagnostics: list.diagnostics)
        }
        let relation: String, tuple: [Value]
        do { (relation, tuple) = try engine.parseGroundAtom(text) } catch let list as DiagnosticList {
            throw .atom(text, list.diagnostics.map(\.message).joined(separator: "; "))
        } catch {
            throw .atom(text, "\(error)")
        }
        cancellation.reset()
        let run = engine.start(program, cancellation: cancellation, recordDerivations: true, deadline: Deadline(limits: limits, cancellation: cancellation))
        do {
            return try run.why(relation, tuple, sources: kept.files)
        } catch let error as DerivationError {
            throw .derivation(error)
        } catch let error as EvaluationError {
            throw .evaluation(error)
        } catch {
            throw .atom(text, "\(error)")
        }
    }

    /// A query result in the neutral model of the output formats, with at most
    /// `maxRows` rows (`totalRows` still counts them all), and the years it read as
    /// its caption when it read the planner relations. `forPeople` makes it the view
    /// of a terminal: node ids written as they are typed back (quoted when not a bare
    /// word, so that a pasted id reads as one), each followed by its label where that
    /// says more than the id.
    public func resultSet(_ result: QueryResult, forPeople: Bool = false, maxRows: Int? = nil) -> ResultSet {
        let constants = engine.constants
        var rows = result.rows.prefix(maxRows ?? result.rows.count).map { row in
            row.map { value -> ResultSet.Cell in
                if let n = constants.integerValue(value) { return .integer(n) }
                return .text(constants.display(value))
            }
        }
        let caption = result.inputsRead.contains(GraphRelations.selectedDocument) ? reading?.caption : nil
        if forPeople, let snapshot {
            // Each distinct id is parsed once, and all labels are found in one pass.
            var seen = Set<String>()
            var ids: [String: NodeID] = [:]
            for row in rows {
                for case .text(let text) in row where seen.insert(text).inserted && NodeID.looksLikeID(text) {
                    ids[text] = try? NodeID(parsing: text)
                }
            }
            let found = snapshot.labels(of: ids.values)
            if !ids.isEmpty {
                rows = rows.map { row in
                    row.map { cell in
                        guard case .text(let text) = cell, let id = ids[text] else { return cell }
                        let typed = Constant.string(text).description
                        return .text(found[id].map { "\(typed) 〈\($0)〉" } ?? typed)
                    }
                }
            }
        }
        return ResultSet(
            columns: result.columns, rows: rows, totalRows: result.totalRows, elapsedMilliseconds: result.elapsed * 1000, caption: caption)
    }

    /// The label of a node id, when it differs from the id's own last segment.
    public func label(of text: String) -> String? {
        guard NodeID.looksLikeID(text), let snapshot, let id = try? NodeID(parsing: text) else { return nil }
        return snapshot.labels(of: [id])[id]
    }
}
