/// The options of a `wardgraph-bench` subcommand, read strictly: an unknown option, a
/// missing value or a value that is not a number is an error that names it, and
/// `--help` is a request for the usage, so that a mistyped flag never starts a long
/// run with the defaults.
struct BenchArguments {
    /// A problem with the command line, said in a sentence; `main` prints it and exits 2.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Asked for the usage with `--help` or `-h`; `main` prints it and exits 0.
    struct HelpRequested: Error {}

    private var rest: ArraySlice<String>
    private let command: String

    init(_ arguments: [String], command: String) {
        self.rest = arguments[...]
        self.command = command
    }

    /// The next argument, or nil at the end; `--help` anywhere throws `HelpRequested`.
    mutating func next() throws -> String? {
        guard let argument = rest.popFirst() else { return nil }
        if argument == "--help" || argument == "-h" { throw HelpRequested() }
        return argument
    }

    /// The value that must follow `option`.
    mutating func value(of option: String) throws -> String {
        guard let value = rest.popFirst(), !value.hasPrefix("--") else {
            throw Failure(description: "\(command) \(option) needs a value")
        }
        return value
    }

    /// The whole number that must follow `option`, at least `minimum`.
    mutating func number(of option: String, atLeast minimum: Int = 0) throws -> Int {
        let text = try value(of: option)
        guard let number = Int(text), number >= minimum else {
            throw Failure(description: "\(command) \(option) takes a whole number of at least \(minimum), not '\(text)'")
        }
        return number
    }

    /// The error for an option this subcommand does not have.
    func unknown(_ option: String) -> Failure {
        Failure(description: "\(command) has no option '\(option)'; run wardgraph-bench without arguments for the usage")
    }
}
