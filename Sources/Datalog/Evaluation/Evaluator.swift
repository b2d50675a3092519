/// Evaluates an analyzed program bottom-up: stratum by stratum, each recursive
/// stratum by semi-naive iteration, computing only the strata a query needs.
///
/// Semi-naive evaluation: in each iteration a rule with k atoms over the stratum's
/// own relations runs as k variants; variant j reads atom j's delta (the tuples new
/// in the last iteration), the atoms before it only the tuples older than that, and
/// the atoms after it everything known when the iteration began. Together the
/// variants find every derivation that uses at least one new tuple, each once.
final class Evaluator {
    let program: AnalyzedProgram
    let context: EvaluationContext
    private let inputs: [String: InputRelation]
    /// The strata evaluated, in order, with their plans and statistics, for `explain`.
    var trace: [StratumTrace] { context.trace }
    private var evaluated = Set<Int>()

    struct StratumTrace {
        let stratum: Stratum
        var plans: [(plan: RulePlan, statistics: RuleStatistics)]
        var iterations: Int
    }

    init(program: AnalyzedProgram, context: EvaluationContext, inputs: [String: InputRelation]) {
        self.program = program
        self.context = context
        self.inputs = inputs
    }

    /// Makes sure every relation `roots` depend on is computed.
    func evaluate(needing roots: [String]) throws {
        let needed = program.dependencies(of: roots)
        for name in needed where program.relations[name]?.isInput == true {
            try loadInput(name)
        }
        for (index, stratum) in program.strata.enumerated() where !evaluated.contains(index) {
            guard stratum.relations.contains(where: needed.contains) else { continue }
            // Planning a stratum's rules is part of the run's time too.
            try context.governor.deadline.check()
            if !stratum.relations.allSatisfy(context.computed.contains) { try evaluate(stratum) }
            context.computed.formUnion(stratum.relations)
            evaluated.insert(index)
        }
    }

    /// Fills an input relation from its provider, once.
    private func loadInput(_ name: String) throws {
        guard context.relations[name] == nil, let input = inputs[name] else { return }
        let relation = context.relation(name, arity: input.signature.arity)
        relation.beginLoading()
        try input.load(RelationWriter(relation: relation, constants: context.constants))
        // Loaded and not extended by rules: it will not change (see Relation.freeze).
        relation.endLoading(frozen: program.relations[name]?.isDerived != true)
        if context.recordRounds { relation.rounds = Array(repeating: 0, count: relation.count) }
    }

    /// The relation's rows, computed if needed.
    func relation(_ name: String) throws -> Relation {
        try evaluate(needing: [name])
        guard let info = program.relations[name] else { return Relation(name: name, arity: 0) }
        return context.relation(name, arity: info.arity)
    }

    private func planner() -> Planner {
        Planner(constants: context.constants, size: { [context] name in context.relations[name]?.count ?? 0 })
    }

    private func statistics(for plan: RulePlan, variant: String) -> RuleStatistics {
        let key = "\(plan.rule.id)/\(plan.rule.head.name)/\(variant)"
        if let existing = context.statistics[key], existing.stepCount == plan.steps.count { return existing }
        let statistics = RuleStatistics(steps: plan.steps.count)
        context.statistics[key] = statistics
        return statistics
    }

    /// A prepared rule: its executor and, for aggregates, the sink to finish.
    private struct Prepared {
        let plan: RulePlan
        let executor: RuleExecutor
        let output: RelationSink
        let aggregate: AggregateSink?
        let sink: BindingSink

        func run() throws {
            try executor.run()
            if let aggregate { try aggregate.finish(into: output) }
        }
    }

    private func prepare(_ plan: RulePlan, variant: String) -> Prepared {
        let statistics = statistics(for: plan, variant: variant)
        let name = plan.rule.head.name
        let target = context.relation(name, arity: plan.rule.head.arguments.count)
        let sink: BindingSink
        let output: RelationSink
        var aggregate: AggregateSink?
        switch plan.head {
        case .relation(_, let expressions):
            output = RelationSink(target: target, head: expressions, context: context, statistics: statistics, range: plan.rule.range)
            sink = output
        case .aggregate(let aggregatePlan):
            output = RelationSink(target: target, head: [], context: context, statistics: statistics, range: plan.rule.range)
            let collector = AggregateSink(plan: aggregatePlan, context: context, range: plan.rule.range)
            aggregate = collector
            sink = collector
        }
        let executor = RuleExecutor(plan: plan, context: context, statistics: statistics, sink: sink)
        return Prepared(plan: plan, executor: executor, output: output, aggregate: aggregate, sink: sink)
    }

    private func evaluate(_ stratum: Stratum) throws {
        let members = Set(stratum.relations)
        let rules = stratum.rules.compactMap(program.rule(id:))
        // With at most one atom over the stratum's relations per rule, the rules read
        // them only through the delta: they may be grouped (see Relation).
        let linear = rules.allSatisfy { rule in
            rule.body.filter { if case .relation(let atom) = $0 { return members.contains(atom.name) } else { return false } }.count <= 1
        }
        for name in stratum.relations {
            let isNew = context.relations[name] == nil
            let relation = context.relation(name, arity: program.relations[name]?.arity ?? 0)
            if context.recordRounds && relation.rounds == nil { relation.rounds = Array(repeating: 0, count: relation.count) }
            if isNew && linear && !context.recordRounds && relation.arity >= 2 {
                relation.group(keepingRecentRows: stratum.isRecursive)
            }
        }
        let planner = planner()
        var traced = StratumTrace(stratum: stratum, plans: [], iterations: 0)

        if !stratum.isRecursive {
            context.round += 1
            for rule in rules {
                let plan = planner.plan(rule, recursive: [], delta: nil)
                let prepared = prepare(plan, variant: "once")
                traced.plans.append((plan, prepared.executor.statistics))
                try prepared.run()
            }
            for name in stratum.relations { markAllKnown(name) }
            traced.iterations = 1
            context.trace.append(traced)
            return
        }

        // Exit rules (no atom over the stratum's relations) run once; recursive rules
        // run as one variant per such atom in every iteration.
        var exits: [Prepared] = []
        var variants: [Prepared] = []
        for rule in rules {
            let recursiveAtoms = rule.body.indices.filter {
                if case .relation(let atom) = rule.body[$0] { return members.contains(atom.name) }
                return false
            }
            if recursiveAtoms.isEmpty {
                exits.append(prepare(planner.plan(rule, recursive: members, delta: nil), variant: "exit"))
            } else {
                for position in recursiveAtoms {
                    let plan = planner.plan(rule, recursive: members, delta: position)
                    variants.append(prepare(plan, variant: "delta\(position)"))
                }
            }
        }
        traced.plans = (exits + variants).map { ($0.plan, $0.executor.statistics) }

        // Rows present before (an input extended by rules) are the first delta.
        for name in stratum.relations { context.relations[name]!.beginIterations() }
        context.round += 1
        for exit in exits { try exit.run() }
        for variant in variants { try variant.run() }
        traced.iterations = 1
        while true {
            var changed = false
            for name in stratum.relations {
                if context.relations[name]!.advance() { changed = true }
            }
            guard changed else { break }
            try context.governor.check()
            context.round += 1
            traced.iterations += 1
            for variant in variants { try variant.run() }
        }
        for name in stratum.relations { markAllKnown(name) }
        context.trace.append(traced)
    }

    private func markAllKnown(_ name: String) {
        context.relations[name]?.markComplete()
    }

    /// Answers a query: its distinct bindings, unsorted. A query with constants is
    /// answered over the magic-set rewriting of the program, which computes only
    /// what those constants demand.
    func answer(_ query: AnalyzedQuery) throws -> (rows: Relation, plan: RulePlan, statistics: RuleStatistics) {
        if context.useMagicSets, let (rewritten, restricted) = try MagicSets.rewrite(program, query, deadline: context.governor.deadline) {
            return try Evaluator(program: rewritten, context: context, inputs: inputs).answerDirectly(restricted)
        }
        return try answerDirectly(query)
    }

    private func answerDirectly(_ query: AnalyzedQuery) throws -> (rows: Relation, plan: RulePlan, statistics: RuleStatistics) {
        try evaluate(needing: query.rule.positiveRelations + query.rule.negatedRelations)
        let plan = planner().plan(query.rule, recursive: [], delta: nil)
        let registers: [Int] = query.columns.map { column in plan.registerNames.firstIndex(of: column)! }
        let sink = QuerySink(columns: registers, context: context)
        let statistics = RuleStatistics(steps: plan.steps.count)
        let executor = RuleExecutor(plan: plan, context: context, statistics: statistics, sink: sink)
        try executor.run()
        return (sink.result, plan, statistics)
    }
}

/// An input relation: its signature and how to fill it.
public struct InputRelation: Sendable {
    public let signature: InputSignature
    public let load: @Sendable (RelationWriter) throws -> Void
    /// Where a tuple of this relation came from (e.g. `izumi-r7.txt:48`), for `why`.
    public let provenance: (@Sendable ([Value]) -> String?)?

    public init(
        _ signature: InputSignature, provenance: (@Sendable ([Value]) -> String?)? = nil,
        load: @escaping @Sendable (RelationWriter) throws -> Void
    ) {
        self.signature = signature
        self.load = load
        self.provenance = provenance
    }
}

/// Adds tuples to an input relation while it is loaded.
public struct RelationWriter {
    let relation: Relation
    public let constants: ConstantTable

    public var arity: Int { relation.arity }

    public func add(_ values: [Value]) {
        precondition(values.count == relation.arity, "tuple of \(values.count) values for \(relation.name)/\(relation.arity)")
        var raw = values.map(\.raw)
        if raw.isEmpty { raw = [0] }  // a row of arity 0 reads nothing
        raw.withUnsafeBufferPointer { relation.load($0.baseAddress!, count: 1) }
    }

    /// Adds a tuple from raw values (for fast loading).
    public func add(raw: UnsafePointer<UInt32>) {
        relation.load(raw, count: 1)
    }

    /// Makes room for about `rows` tuples (rows, set and later indexes).
    public func reserve(_ rows: Int) {
        relation.reserve(rows)
    }

    /// Tuples added 64 at a time (see `Relation.load`).
    public final class Batch {
        let relation: Relation
        private let buffer: UnsafeMutablePointer<UInt32>
        private let width: Int
        private var count = 0
        static let size = 64

        public init(writer: RelationWriter) {
            relation = writer.relation
            width = max(1, relation.arity)
            buffer = .allocate(capacity: width * Self.size)
        }

        deinit { buffer.deallocate() }

        /// Where to write the next tuple's values.
        public func nextTuple() -> UnsafeMutablePointer<UInt32> { buffer + count * width }

        /// Keeps the tuple written at `nextTuple()`.
        public func commitTuple() {
            count += 1
            if count == Self.size { flush() }
        }

        /// Inserts the tuples held.
        public func flush() {
            relation.load(buffer, count: count)
            count = 0
        }
    }
}
