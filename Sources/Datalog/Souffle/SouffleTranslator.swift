/// A WardGraph program (with its prelude) as a Soufflé program.
public struct SouffleProgram: Sendable {
    /// One query's answer: the relation Soufflé writes to `OUT/RELATION.csv` with
    /// `-D OUT` (tab-separated, one row per answer), and its columns.
    public struct Output: Sendable {
        public let relation: String
        public let columns: [String]
        public let range: SourceRange
    }

    /// The program text, for `souffle -F FACTS -D OUT`.
    public let text: String
    /// One per query, in order.
    public let outputs: [Output]
    /// What was translated with a caveat (a `.limit` Soufflé does not apply).
    public let warnings: [Diagnostic]
}

/// Translates an analyzed program to Soufflé's Datalog.
///
/// Rules, facts, negation, comparisons and arithmetic carry over one for one;
/// each query becomes a relation with `.output`; inputs become `.decl` with
/// `.input` reading the files of `wardgraph export --format souffle` (or the fact
/// files the program was given). Types are inferred (`SouffleTypes`).
/// Aggregates become Soufflé aggregates over a helper relation that holds the
/// distinct bindings WardGraph aggregates over (`SouffleTranslator+Aggregates`).
/// Built-ins become Soufflé's string functors where the meaning is the same for
/// Japanese text (`SouffleTranslator+Builtins`). Whatever does not translate
/// (`collect`, `length`, a `matches` pattern that would differ) is an error at its
/// position; every such error is reported.
public enum SouffleTranslator {
    /// The translation of `program`; `columnTypes` gives each input's column types,
    /// `fileNames` the names of the program's source files (for comments).
    public static func translate(
        _ program: AnalyzedProgram, inputs: [String: InputSignature], columnTypes: (String) throws -> [ColumnType],
        fileNames: [String] = []
    ) throws -> SouffleProgram {
        var translation = Translation(program: program, inputs: inputs)
        try translation.inferTypes(columnTypes)
        // Written even after a type error, to report the built-ins that do not translate too.
        let text = translation.emit(fileNames: fileNames)
        guard translation.diagnostics.isEmpty else { throw DiagnosticList(translation.sortedDiagnostics) }
        return SouffleProgram(text: text, outputs: translation.outputs, warnings: translation.warnings)
    }
}

extension DatalogEngine {
    /// `program` in Soufflé's language, over this engine's inputs.
    public func translateToSouffle(_ program: AnalyzedProgram, sources: SourceFiles) throws -> SouffleProgram {
        try SouffleTranslator.translate(
            program, inputs: inputs.mapValues(\.signature), columnTypes: columnTypes(of:), fileNames: sources.files.map(\.name))
    }
}

/// The state of one translation: which rules, the types, the names.
struct Translation {
    let program: AnalyzedProgram
    let inputs: [String: InputSignature]
    /// The rules translated: those the queries need (all when there are none).
    let rules: [AnalyzedRule]
    /// The relations those rules and the queries read or define.
    let relations: [String]
    var types = SouffleTypes()
    /// Each rule's (and query's) variables' type nodes, by rule id.
    var variables: [Int: [String: Int]] = [:]
    /// The variables of the rule being constrained.
    var ruleVariables: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var outputs: [SouffleProgram.Output] = []
    /// Relation names in Soufflé, for all relations translated and the helpers made.
    var names: [String: String] = [:]
    var usedNames = Set<String>()

    init(program: AnalyzedProgram, inputs: [String: InputSignature]) {
        self.program = program
        self.inputs = inputs
        let queryRelations = program.queries.flatMap { $0.rule.positiveRelations + $0.rule.negatedRelations }
        let needed = program.queries.isEmpty ? Set(program.relations.keys) : program.dependencies(of: queryRelations)
        rules = program.rules.filter { needed.contains($0.head.name) }
        relations = program.relations.keys.filter { needed.contains($0) }.sorted()
        for name in relations {
            let souffle = SouffleSyntax.relation(name)
            names[name] = souffle
            usedNames.insert(souffle)
        }
    }

    var sortedDiagnostics: [Diagnostic] {
        diagnostics.sorted { ($0.range.file, $0.range.start) < ($1.range.file, $1.range.start) }
    }

    /// A relation name of our own (a query's, an aggregate's helper) that no translated relation has.
    mutating func freshRelation(_ stem: String) -> String {
        SouffleSyntax.unique(stem, separator: "_", in: &usedNames)
    }

    func arity(_ relation: String) -> Int { program.relations[relation]?.arity ?? 0 }

    mutating func error(_ message: String, _ range: SourceRange, notes: [String] = []) {
        diagnostics.append(Diagnostic("does not translate to Soufflé: " + message, range: range, notes: notes))
    }
}
