import Dispatch
import Synchronization

/// What stops an evaluation before it exhausts the machine: a ceiling on derived
/// tuples, a time limit, and a flag another thread can raise (the REPL's Ctrl-C).
public struct Limits: Sendable {
    /// Tuples derived across all relations of one run.
    public var maxDerivedTuples: Int
    /// Seconds of evaluation for one run.
    public var timeout: Double

    /// 50 million tuples (a few hundred megabytes to a few gigabytes, depending on
    /// arity) and two minutes: far above what the ward graph needs, far below
    /// what would take the machine down.
    public static let standard = Limits(maxDerivedTuples: 50_000_000, timeout: 120)

    public init(maxDerivedTuples: Int, timeout: Double) {
        self.maxDerivedTuples = maxDerivedTuples
        self.timeout = timeout
    }
}

/// A flag that asks a running evaluation to stop; safe to raise from any thread
/// (or a signal handler's dispatch source).
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Why an evaluation stopped without an answer.
public enum EvaluationError: Error, Sendable, Equatable {
    case tooManyTuples(limit: Int, relation: String)
    case timedOut(seconds: Double)
    case cancelled
    case arithmetic(String, range: SourceRange)
    case typeError(String, range: SourceRange)

    public var message: String {
        switch self {
        case .tooManyTuples(let limit, let relation):
            return "evaluation stopped: more than \(limit) tuples were derived (the last into '\(relation)'); the program may not terminate or its result is too large. Narrow the query, or raise the ceiling with --max-tuples."
        case .timedOut(let seconds):
            return "evaluation stopped after \(Int(seconds)) seconds (the time limit); narrow the query, or raise the limit with --timeout."
        case .cancelled:
            return "evaluation cancelled"
        case .arithmetic(let message, _), .typeError(let message, _):
            return message
        }
    }

    public var range: SourceRange? {
        switch self {
        case .arithmetic(_, let r), .typeError(_, let r): return r
        default: return nil
        }
    }
}

/// Counts work and enforces the limits cheaply: the clock and the flag are only
/// read every 16,384 units of work. Its counters are raw memory, bumped in the
/// innermost loops without exclusivity checks.
final class Governor {
    let limits: Limits
    let cancellation: Cancellation?
    private let deadline: UInt64
    /// [work budget left, tuples derived]
    private let counters: UnsafeMutablePointer<Int>

    init(limits: Limits, cancellation: Cancellation?) {
        self.limits = limits
        self.cancellation = cancellation
        let timeout = UInt64(max(0, min(limits.timeout, 1e9)) * 1e9)
        deadline = DispatchTime.now().uptimeNanoseconds &+ timeout
        counters = .allocate(capacity: 2)
        counters[0] = 16_384
        counters[1] = 0
    }

    deinit { counters.deallocate() }

    var derived: Int { counters[1] }

    /// The work budget left before the next `check`, for loops that count it down
    /// themselves (`RuleExecutor`) without touching the object.
    var budget: UnsafeMutablePointer<Int> { counters }

    @inline(__always)
    func tick() throws {
        counters[0] -= 1
        if counters[0] <= 0 { try check() }
    }

    func check() throws {
        counters[0] = 16_384
        if cancellation?.isCancelled == true { throw EvaluationError.cancelled }
        if DispatchTime.now().uptimeNanoseconds > deadline { throw EvaluationError.timedOut(seconds: limits.timeout) }
    }

    /// Counts a tuple derived into `relation` (named only if it is one too many).
    @inline(__always)
    func derivedOne(into relation: @autoclosure () -> String) throws {
        counters[1] += 1
        if counters[1] > limits.maxDerivedTuples {
            throw EvaluationError.tooManyTuples(limit: limits.maxDerivedTuples, relation: relation())
        }
    }
}
