/// Why a tuple holds: one derivation tree, from the tuple down to input facts.
public indirect enum Derivation: Sendable {
    /// A tuple of an input relation, with where it came from (e.g. `izumi-r7.txt:48`).
    case fact(relation: String, tuple: [Value], source: String?)
    /// A tuple derived by a rule from its premises.
    case rule(relation: String, tuple: [Value], rule: String, location: String, premises: [Derivation])
    /// A tuple of a rule with an aggregate: how many bindings it ranged over, and some of them.
    case aggregate(relation: String, tuple: [Value], rule: String, location: String, bindings: Int, samples: [Derivation])
    /// A negated condition that holds because no such tuple exists (`_` where any value).
    case absent(relation: String, pattern: [Value?])
    /// A comparison or built-in that held, shown with its values.
    case condition(String)
    /// A binding of an aggregate rule: the premises of one binding.
    case binding(premises: [Derivation])
    /// The tree was cut here to stay readable.
    case truncated(relation: String, tuple: [Value])
}

/// Why a tuple could not be explained.
public enum DerivationError: Error, Sendable, Equatable {
    case notDerived(String)
    case unknownRelation(String, suggestion: String?)
    case arity(String, expected: Int, got: Int)

    public var message: String {
        switch self {
        case .notDerived(let atom): return "\(atom) does not hold, so there is no derivation to show"
        case .unknownRelation(let name, let suggestion):
            return "unknown relation '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .arity(let name, let expected, let got): return "\(name) has \(expected) arguments, not \(got)"
        }
    }
}
