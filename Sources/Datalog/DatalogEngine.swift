import Dispatch
import TextLayout

/// The texts of a program and their statements, as parsed so far.
///
/// Sources are parsed one by one (the prelude, files, `-e` text, REPL statements)
/// and analyzed together, so that diagnostics always name the right file and line.
public struct SourceSet: Sendable {
    public private(set) var files = SourceFiles()
    public private(set) var program = Program()
    /// Syntax errors found while parsing (up to `Diagnostic.collectionLimit`).
    public var diagnostics: [Diagnostic] { collected.kept }
    /// Syntax errors found beyond those kept.
    public var omittedDiagnostics: Int { collected.omitted }
    private var collected = DiagnosticCollector()

    public init() {}

    /// Parses `text` and appends its statements; returns the syntax errors it had.
    /// With `keepQueries` false, its queries are left out (rules of a file loaded
    /// earlier, whose queries have already run).
    @discardableResult
    public mutating func add(name: String, text: String, keepQueries: Bool = true) -> [Diagnostic] {
        let index = files.add(name: name, text: text)
        let (parsed, errors) = Parser.parse(text, file: index)
        program.statements.append(contentsOf: parsed.statements.filter { statement in
            if case .rule = statement { return true }
            return keepQueries
        })
        collected.add(contentsOf: errors)
        return errors.kept
    }

    /// Only the statements that pass `keep` (e.g. drop the queries of earlier input).
    public mutating func filterStatements(_ keep: (Statement) -> Bool) {
        program.statements = program.statements.filter(keep)
    }
}

/// The answer to one query.
public struct QueryResult: Sendable {
    public let columns: [String]
    /// Distinct rows, sorted (integers before texts, texts by code point), cut at the limit.
    public let rows: [[Value]]
    /// Rows before the limit was applied.
    public let totalRows: Int
    public let limit: Int?
    /// Seconds spent evaluating (including the strata the query needed).
    public let elapsed: Double
    public let range: SourceRange
    /// The input relations the query read, directly or through rules.
    public let inputsRead: Set<String>
}

/// Runs Datalog programs over input relations. It knows nothing of wards: the
/// environment registers its relations as inputs.
public final class DatalogEngine: @unchecked Sendable {
    public let constants: ConstantTable
    public private(set) var inputs: [String: InputRelation] = [:]
    public var limits = Limits.standard
    /// Answer queries with constants over the magic-set rewriting (on by default;
    /// off only to compare).
    public var useMagicSets = true

    public init(constants: ConstantTable = ConstantTable()) {
        self.constants = constants
    }

    public func addInput(_ input: InputRelation) {
        inputs[input.signature.name] = input
    }

    public var inputSignatures: [InputSignature] {
        inputs.values.map(\.signature).sorted { $0.name < $1.name }
    }

    /// The tuples of an input relation, read from its provider, distinct and in the
    /// order read: for exports and translations to other engines.
    public func inputTuples(_ name: String) throws -> [[Value]] {
        guard let input = inputs[name] else { return [] }
        let relation = Relation(name: name, arity: input.signature.arity)
        try input.load(RelationWriter(relation: relation, constants: constants))
        return (0..<relation.count).map(relation.tuple)
    }

    /// What each column of an input holds: as its provider declares, else read off its tuples.
    public func columnTypes(of name: String) throws -> [ColumnType] {
        guard let signature = inputs[name]?.signature else { return [] }
        if let declared = signature.columnTypes { return declared }
        let tuples = try inputTuples(name)
        return (0..<signature.arity).map { column in ColumnType.of(tuples.lazy.map { $0[column] }) }
    }

    /// Checks the sources: syntax errors first, then analysis. All errors are reported.
    /// Past `deadline` (or when it is cancelled) analysis stops with one error, located
    /// at the statement it had reached.
    public func analyze(
        _ sources: SourceSet, parameters: [String: Constant] = [:], deadline: Deadline? = nil
    ) -> Result<AnalyzedProgram, DiagnosticList> {
        guard sources.diagnostics.isEmpty else {
            return .failure(DiagnosticList(sources.diagnostics, omitted: sources.omittedDiagnostics))
        }
        return Analyzer.analyze(
            sources.program, inputs: inputs.mapValues(\.signature), parameters: parameters,
            deadline: deadline ?? Deadline(limits: limits, cancellation: nil))
    }

    /// Reads a ground atom such as `shared_partner(泉区, 港北区, 社会福祉協議会)`, for `why`.
    public func parseGroundAtom(_ text: String) throws -> (relation: String, tuple: [Value]) {
        var sources = SourceSet()
        sources.add(name: "<why>", text: "?- " + text + (text.hasSuffix(".") ? "" : "."))
        if let first = sources.diagnostics.first {
            throw DiagnosticList([Diagnostic("cannot read the atom '\(text)': \(first.message)", range: .none)])
        }
        guard let query = sources.program.queries.first, query.body.count == 1, case .atom(let atom) = query.body[0] else {
            throw DiagnosticList([Diagnostic("'\(text)' is not one atom such as p(a, 1)", range: .none)])
        }
        var tuple: [Value] = []
        for term in atom.arguments {
            guard case .constant(let c) = term.kind else {
                throw DiagnosticList([Diagnostic("'\(text)' has a variable or parameter; why needs every argument given, as in p(a, 1)", range: .none)])
            }
            tuple.append(constants.value(c))
        }
        return (atom.name, tuple)
    }

    /// A run of a program: queries answered one after another over shared relations.
    /// `deadline` (by default, the time limit from now) is the one its analysis had, if
    /// it was analysed for this run, so that the time limit covers both.
    public func start(
        _ program: AnalyzedProgram, cancellation: Cancellation? = nil, recordDerivations: Bool = false, deadline: Deadline? = nil
    ) -> Run {
        Run(engine: self, program: program, deadline: deadline ?? Deadline(limits: limits, cancellation: cancellation),
            recordDerivations: recordDerivations)
    }

    /// One evaluation of a program; relations computed for one query are reused by the next.
    public final class Run {
        let evaluator: Evaluator
        let context: EvaluationContext

        init(engine: DatalogEngine, program: AnalyzedProgram, deadline: Deadline, recordDerivations: Bool) {
            context = EvaluationContext(
                constants: engine.constants, limits: engine.limits, deadline: deadline, recordRounds: recordDerivations)
            context.useMagicSets = engine.useMagicSets
            evaluator = Evaluator(program: program, context: context, inputs: engine.inputs)
            inputs = engine.inputs
        }

        let inputs: [String: InputRelation]

        public var program: AnalyzedProgram { evaluator.program }

        /// One derivation of `tuple` of `relation`, down to input facts. The run must
        /// have been started with `recordDerivations`.
        public func why(_ relation: String, _ tuple: [Value], sources: SourceFiles) throws -> Derivation {
            guard let info = program.relations[relation] else {
                let names = program.relations.keys.sorted()
                throw DerivationError.unknownRelation(relation, suggestion: Suggestion.closest(to: relation, in: names))
            }
            guard info.arity == tuple.count else { throw DerivationError.arity(relation, expected: info.arity, got: tuple.count) }
            return try DerivationFinder(evaluator: evaluator, inputs: inputs, sources: sources).derive(relation, tuple)
        }

        /// Answers `query`.
        public func answer(_ query: AnalyzedQuery) throws -> QueryResult {
            let start = DispatchTime.now().uptimeNanoseconds
            let (relation, _, _) = try evaluator.answer(query)
            let constants = context.constants
            var rows = relation.tuples()
            AnswerOrder.sort(&rows, constants: constants)
            let total = rows.count
            if let limit = query.limit, rows.count > limit { rows.removeLast(rows.count - limit) }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return QueryResult(
                columns: query.columns, rows: rows, totalRows: total, limit: query.limit, elapsed: elapsed, range: query.range,
                inputsRead: program.inputs(readBy: query))
        }

        /// The rows of a relation, computed if needed, unsorted.
        public func tuples(of relation: String) throws -> [[Value]] {
            return try evaluator.relation(relation).tuples()
        }

        /// How the query was evaluated: strata, rules, join orders, indexes, and the
        /// rows that passed each step. Call after `answer`.
        public func explain(_ query: AnalyzedQuery, sources: SourceFiles) throws -> String {
            let (_, plan, statistics) = try evaluator.answer(query)
            return ExplainRenderer(constants: context.constants, sources: sources)
                .render(trace: evaluator.trace, query: (plan, statistics))
        }
    }
}
