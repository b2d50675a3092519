import TextLayout
import Dispatch
import Foundation
import Synchronization

/// What stops an evaluation before it exhausts the machine: a ceiling on derived
/// tuples, on the memory they and the values made by the program take, on the
/// size of one value, a time limit, and a flag another thread can raise (the
/// REPL's Ctrl-C).
public struct Limits: Sendable {
    /// Tuples derived across all relations of one run.
    public var maxDerivedTuples: Int
    /// Seconds of analysis and evaluation for one run.
    public var timeout: Double
    /// Bytes held by the run's relations (rows, sets, indexes) and the texts it made.
    public var maxMemoryBytes: Int
    /// Bytes of one text a program makes (`concat`).
    public var maxValueBytes: Int

    /// 50 million tuples, 2 GiB, 1 MiB per text, and two minutes: far above what
    /// the ward graph needs (its largest benchmarks take under 200 MB), far below
    /// what would take the machine down or make the allocator give up.
    public static let standard = Limits(maxDerivedTuples: 50_000_000, timeout: 120)

    public init(maxDerivedTuples: Int, timeout: Double, maxMemoryBytes: Int = 2 << 30, maxValueBytes: Int = 1 << 20) {
        self.maxDerivedTuples = maxDerivedTuples
        self.timeout = timeout
        self.maxMemoryBytes = maxMemoryBytes
        self.maxValueBytes = maxValueBytes
    }

    /// A size such as `512M`, `2G`, `1.5G` or `1000000` (bytes), for `--max-memory`.
    public static func bytes(_ text: String) -> Int? {
        let units: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var number = text.uppercased()
        if number.hasSuffix("IB") { number.removeLast(2) } else if number.hasSuffix("B") { number.removeLast() }
        var scale = 1.0
        if let last = number.last, let unit = units[last] {
            scale = unit
            number.removeLast()
        }
        guard let value = Double(number), value > 0, value * scale < 1e18 else { return nil }
        return Int(value * scale)
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

/// When a run must stop: the time limit counted from when the run began, and the
/// cancellation flag. One deadline covers a program's analysis, the planning and
/// rewriting of its rules, and their evaluation, so that `--timeout` and Ctrl-C
/// stop a program wherever it spends its time.
public struct Deadline: Sendable {
    public let seconds: Double
    let uptimeNanoseconds: UInt64
    let cancellation: Cancellation?

    /// A deadline `limits.timeout` seconds from now, less `spent` seconds already used
    /// (by the analysis of the program that is to run).
    public init(limits: Limits, cancellation: Cancellation?, spent: Double = 0) {
        seconds = limits.timeout
        let timeout = UInt64(max(0, min(limits.timeout - spent, 1e9)) * 1e9)
        uptimeNanoseconds = DispatchTime.now().uptimeNanoseconds &+ timeout
        self.cancellation = cancellation
    }

    /// Throws if the run was cancelled or its time is up. Reads the clock: call it
    /// every so many units of work, not for each.
    public func check() throws(EvaluationError) {
        if cancellation?.isCancelled == true { throw EvaluationError.cancelled }
        if DispatchTime.now().uptimeNanoseconds > uptimeNanoseconds { throw EvaluationError.timedOut(seconds: seconds) }
    }
}

/// Why an evaluation stopped without an answer.
public enum EvaluationError: Error, Sendable, Equatable {
    case tooManyTuples(limit: Int, relation: String)
    case timedOut(seconds: Double)
    case cancelled
    case arithmetic(String, range: SourceRange)
    case typeError(String, range: SourceRange)
    /// The run's relations and texts took more than `Limits.maxMemoryBytes`.
    case tooMuchMemory(bytes: Int, limit: Int, relation: String?)
    /// A text the program made would exceed `Limits.maxValueBytes`.
    case valueTooLarge(bytes: Int, limit: Int, range: SourceRange)
    /// The regular expression engine gave up on a text (too long or too complex).
    case regex(String, range: SourceRange)

    public var message: String {
        switch self {
        case .tooManyTuples(let limit, let relation):
            return "evaluation stopped: more than \(limit.grouped) tuples were derived (the last into '\(relation)'); the program may not terminate or its result is too large. Narrow the query, or raise the ceiling with --max-tuples."
        case .timedOut(let seconds):
            return "evaluation stopped after \(Int(seconds)) seconds (the time limit); narrow the query, or raise the limit with --timeout."
        case .cancelled:
            return "evaluation cancelled"
        case .tooMuchMemory(let bytes, let limit, let relation):
            let which = relation.map { " (the largest relation is '\($0)')" } ?? ""
            return "evaluation stopped: its relations and texts take \(Self.size(bytes)), more than the limit of \(Self.size(limit))\(which); the program may not terminate or its result is too large. Narrow the query, or raise the limit with --max-memory."
        case .valueTooLarge(let bytes, let limit, _):
            return "a text of \(Self.size(bytes)) would be made here, more than the limit of \(Self.size(limit)) for one value; the program may be building text without end"
        case .arithmetic(let message, _), .typeError(let message, _), .regex(let message, _):
            return message
        }
    }

    public var range: SourceRange? {
        switch self {
        case .arithmetic(_, let r), .typeError(_, let r), .valueTooLarge(_, _, let r), .regex(_, let r): return r
        default: return nil
        }
    }

    /// `2.0 GiB`, `512 MiB`, `1,234 bytes`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        return "\(bytes.grouped) bytes"
    }
}

/// Counts work and enforces the limits cheaply: the clock and the flag are only
/// read every 16,384 units of work. Its counters are raw memory, bumped in the
/// innermost loops without exclusivity checks.
final class Governor {
    let limits: Limits
    let deadline: Deadline
    /// [work budget left, tuples derived]
    private let counters: UnsafeMutablePointer<Int>
    /// The bytes the run holds now, and its largest relation; set by the context.
    var memoryInUse: () -> (bytes: Int, largest: String?) = { (0, nil) }

    init(limits: Limits, deadline: Deadline) {
        self.limits = limits
        self.deadline = deadline
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

    /// Checks the deadline, and now and then the memory limit: summing the sizes of
    /// many relations costs, so it waits at least 20 ms, and twenty times as long as
    /// the last sum took, which keeps its share of the run under 5 %.
    func check() throws {
        counters[0] = 16_384
        try deadline.check()
        let now = DispatchTime.now().uptimeNanoseconds
        if now >= nextMemoryCheck {
            try checkMemory()
            let took = DispatchTime.now().uptimeNanoseconds &- now
            nextMemoryCheck = now &+ max(20_000_000, 20 &* took)
        }
    }

    private var nextMemoryCheck: UInt64 = 0

    /// Throws if the run holds more than `limits.maxMemoryBytes`.
    func checkMemory() throws {
        let (bytes, largest) = memoryInUse()
        if bytes > limits.maxMemoryBytes {
            throw EvaluationError.tooMuchMemory(bytes: bytes, limit: limits.maxMemoryBytes, relation: largest)
        }
    }

    /// Counts a tuple derived into `relation` (named only if it is one too many).
    @inline(__always)
    func derivedOne(into relation: @autoclosure () -> String) throws {
        counters[1] += 1
        if counters[1] > limits.maxDerivedTuples {
            throw EvaluationError.tooManyTuples(limit: limits.maxDerivedTuples, relation: relation())
        }
        if counters[1] & 0xFFFF == 0 { try check() }
    }
}
