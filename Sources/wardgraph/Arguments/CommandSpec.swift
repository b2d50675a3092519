/// The description of one subcommand: its name, what it does, and its options.
/// Parsing and `--help` both read it, so the help can never drift from the parser.
struct CommandSpec: Sendable {
    let name: String
    let summary: String
    /// The usage line after `wardgraph NAME`, e.g. `[FILE]`.
    let usage: String
    /// Longer explanation and examples for `--help`.
    let details: String
    let options: [OptionSpec]
    /// How many positional arguments are allowed.
    let positionals: ClosedRange<Int>
    let run: @Sendable (ParsedArguments, CommandContext) throws -> Int32
}

/// One option: `--name VALUE` or a `--flag`.
struct OptionSpec: Sendable {
    let name: String
    let short: Character?
    /// The placeholder shown in help; nil for a flag that takes no value.
    let valueName: String?
    let help: String
    let repeatable: Bool

    static func flag(_ name: String, short: Character? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help, repeatable: false)
    }

    static func value(_ name: String, short: Character? = nil, _ valueName: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, help: help, repeatable: repeatable)
    }

    var takesValue: Bool { valueName != nil }
}

/// The options every subcommand accepts.
enum GlobalOptions {
    static let store = OptionSpec.value(
        "store", "PATH", "the log to use (default: $WARDGRAPH_STORE, else Graph/wardgraph.log)")
    static let help = OptionSpec.flag("help", short: "h", "show this help")
    static let all = [store, help]
}

/// Options several subcommands take, described once.
enum SharedOptions {
    static let author = OptionSpec.value("author", "NAME", "who makes the change (default: $WARDGRAPH_AUTHOR, else $USER)")
    static let prelude = OptionSpec.value("prelude", "FILE", "load FILE instead of Queries/prelude.dl")
    static let noPrelude = OptionSpec.flag("no-prelude", "do not load the prelude")
    static let lexicon = OptionSpec.value("lexicon", "DIR", "the lexicon directory (default: Graph/lexicon beside the store)")
}
