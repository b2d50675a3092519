import Datalog

/// Why `why` has no derivation to show: the one error type of `wardgraph query --why`,
/// `wardgraph export --why`, the REPL's `:why` and `POST /api/why`.
public enum WhyError: Error, Sendable {
    /// The atom cannot be read as one ground atom such as `p(a, 1)`.
    case atom(String, String)
    /// The atom is of an unknown relation, has the wrong arity, or does not hold.
    case derivation(DerivationError)
    /// Evaluating the rules stopped (a limit, a cancellation, arithmetic).
    case evaluation(EvaluationError)
    /// The kept rules (the prelude, saved rules) have errors, so nothing can be derived.
    case program(files: SourceFiles, diagnostics: [Diagnostic])

    /// One line saying what is wrong, without the command's name.
    public var message: String {
        switch self {
        case .atom(_, let message): return message
        case .derivation(let error): return error.message
        case .evaluation(let error): return error.message
        case .program(let files, let diagnostics):
            return "the rules have errors, so nothing can be derived:\n" + files.render(diagnostics)
        }
    }

    /// Whether the atom simply does not hold (the question was fine; the answer is no).
    public var isNotDerived: Bool {
        if case .derivation(.notDerived) = self { return true }
        return false
    }
}
