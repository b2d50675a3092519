import TextLayout

/// The arguments of one run, sorted into options and positionals.
struct ParsedArguments: Sendable {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func values(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value as a whole number, or a usage error naming the option.
    func integer(_ name: String, atLeast minimum: Int = 0) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), n >= minimum else {
            throw UsageError("--\(name) needs a whole number of at least \(minimum), not '\(text)'")
        }
        return n
    }

    fileprivate mutating func add(_ option: OptionSpec, _ value: String?) {
        if let value { values[option.name, default: []].append(value) } else { flags.insert(option.name) }
    }

    fileprivate mutating func addPositional(_ value: String) { positionals.append(value) }
}

/// A mistake in how the command was called: exit status 2, with a hint.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Sorts `arguments` by the options of `spec`: `--name value`, `--name=value`,
/// `-x value`, flags, `--` ending options, and positionals anywhere.
enum ArgumentParser {
    static func parse(_ arguments: [String], for spec: CommandSpec) throws -> ParsedArguments {
        let options = spec.options + GlobalOptions.all
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                parsed.addPositional(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            let (name, inlineValue) = split(argument)
            guard let option = find(name, in: options) else {
                let names = options.map { "--\($0.name)" }
                throw UsageError("unknown option '\(name)' for 'wardgraph \(spec.name)'\(Suggestion.hint(for: name, in: names))")
            }
            if option.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("option --\(option.name) needs a value (\(option.valueName!))")
                }
                if !option.repeatable, parsed.value(option.name) != nil {
                    throw UsageError("option --\(option.name) given twice")
                }
                parsed.add(option, value)
            } else {
                if inlineValue != nil { throw UsageError("option --\(option.name) takes no value") }
                parsed.add(option, nil)
            }
        }
        if !parsed.flag("help") {
            let count = parsed.positionals.count
            if !spec.positionals.contains(count) {
                let expected = spec.positionals.lowerBound == spec.positionals.upperBound
                    ? "\(spec.positionals.lowerBound)" : "\(spec.positionals.lowerBound) to \(spec.positionals.upperBound)"
                let allowed = spec.positionals.upperBound == Int.max ? "at least \(spec.positionals.lowerBound)" : expected
                throw UsageError("'wardgraph \(spec.name)' takes \(allowed) argument\(allowed == "1" ? "" : "s") (\(spec.usage)), got \(count)")
            }
        }
        return parsed
    }

    private static func split(_ argument: String) -> (name: String, value: String?) {
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
        return (argument, nil)
    }

    private static func find(_ name: String, in options: [OptionSpec]) -> OptionSpec? {
        if name.hasPrefix("--") {
            let long = name.dropFirst(2)
            return options.first { $0.name == long }
        }
        if name.count == 2, let letter = name.last {
            return options.first { $0.short == letter }
        }
        return nil
    }
}
