/// The built-in predicates: conditions computed, not looked up.
public enum Builtin: String, CaseIterable, Sendable {
    case contains, startsWith = "starts_with", endsWith = "ends_with", matches, length, concat

    public enum ArgumentType: Sendable { case string, integer }

    public var argumentTypes: [ArgumentType] {
        switch self {
        case .contains, .startsWith, .endsWith, .matches: return [.string, .string]
        case .length: return [.string, .integer]
        case .concat: return [.string, .string, .string]
        }
    }

    public var arity: Int { argumentTypes.count }

    public var signature: String {
        switch self {
        case .contains: return "contains(Text, Part)"
        case .startsWith: return "starts_with(Text, Prefix)"
        case .endsWith: return "ends_with(Text, Suffix)"
        case .matches: return "matches(Text, Regex)"
        case .length: return "length(Text, Characters)"
        case .concat: return "concat(A, B, AB)"
        }
    }

    /// Given which arguments are bound, which ones the built-in can bind; nil if
    /// it cannot run yet. `length` computes its count; `concat` computes any one
    /// part from the other two, or all the ways to split its third argument.
    func binds(bound: [Bool]) -> [Int]? {
        switch self {
        case .contains, .startsWith, .endsWith, .matches:
            return bound.allSatisfy { $0 } ? [] : nil
        case .length:
            return bound[0] ? (bound[1] ? [] : [1]) : nil
        case .concat:
            switch (bound[0], bound[1], bound[2]) {
            case (true, true, _): return bound[2] ? [] : [2]
            case (true, false, true): return [1]
            case (false, true, true): return [0]
            case (false, false, true): return [0, 1]
            default: return nil
            }
        }
    }
}
