/// How one rule (or one semi-naive variant of it) is evaluated: a sequence of steps
/// over a register file of variable values, ending in the head.

/// A value a step reads: a variable's register or a constant.
struct Operand: Hashable, Sendable {
    /// -1 for a constant.
    let register: Int32
    let constant: UInt32

    static func register(_ r: Int) -> Operand { Operand(register: Int32(r), constant: 0) }
    static func constant(_ v: Value) -> Operand { Operand(register: -1, constant: v.raw) }

    var isConstant: Bool { register < 0 }
}

/// Which rows of a relation a step may see.
enum RowRange: String, Sendable {
    /// Every row (relations of earlier strata, and inputs).
    case all
    /// Rows known before the last iteration.
    case stable
    /// Rows new in the last iteration.
    case delta
    /// Rows known when this iteration began (stable and delta).
    case full
}

/// `row[column]` goes into `register`.
struct ColumnBinding: Hashable, Sendable {
    let column: Int
    let register: Int
}

/// `row[column]` must equal `operand` (a repeated variable, or a value not in the index key).
struct ColumnCheck: Hashable, Sendable {
    let column: Int
    let operand: Operand
}

indirect enum CompiledExpression: Hashable, Sendable {
    case operand(Operand)
    case binary(ArithmeticOperator, CompiledExpression, CompiledExpression)
    case negate(CompiledExpression)
}

enum PlanStep: Sendable {
    /// Every row in range: bind and check columns.
    case scan(relation: String, range: RowRange, binds: [ColumnBinding], checks: [ColumnCheck])
    /// The rows whose `columns` equal `key`, through an index.
    case lookup(relation: String, columns: [Int], key: [Operand], range: RowRange, binds: [ColumnBinding], checks: [ColumnCheck])
    /// Whether the fully bound tuple is present (within range).
    case exists(relation: String, tuple: [Operand], range: RowRange)
    /// `not p(…)`: no row has these values in these columns.
    case absent(relation: String, columns: [Int], key: [Operand])
    case filter(ComparisonOperator, CompiledExpression, CompiledExpression)
    /// `X = expression` with X not yet bound.
    case assign(register: Int, CompiledExpression)
    /// A built-in: operands for its arguments, and the registers it binds (nil where it only reads).
    case builtin(Builtin, arguments: [Operand], outputs: [Int?])
}

/// What the body's bindings become.
enum HeadPlan: Sendable {
    /// A tuple of `relation`, computed from the registers.
    case relation(String, [CompiledExpression])
    /// Grouped aggregation; see `AggregatePlan`.
    case aggregate(AggregatePlan)
}

struct AggregatePlan: Sendable {
    enum Column: Sendable {
        case group(CompiledExpression)
        case aggregate(AggregateKind, [Int])
    }

    let relation: String
    let columns: [Column]
    /// The registers of all named body variables: their distinct bindings are aggregated.
    let bindingRegisters: [Int]
    /// The bindings are distinct by construction (one atom of distinct variables),
    /// so they need no deduplication.
    let bindingsAreDistinct: Bool
}

/// A planned rule: steps in order, the head, and names for `explain`.
struct RulePlan: Sendable {
    let rule: AnalyzedRule
    let steps: [PlanStep]
    /// For each step, the index of the body condition it evaluates (to show premises in written order).
    let origins: [Int]
    let head: HeadPlan
    let registerNames: [String]
    /// For semi-naive variants: the body atom read as delta.
    let deltaRelation: String?

    var registerCount: Int { registerNames.count }
}

extension PlanStep {
    /// The relation the step reads, if it reads one.
    var relationName: String? {
        switch self {
        case .scan(let name, _, _, _), .lookup(let name, _, _, _, _, _), .exists(let name, _, _), .absent(let name, _, _): return name
        case .filter, .assign, .builtin: return nil
        }
    }
}
