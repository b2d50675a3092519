import Application
import ResultFormats
import TextLayout

/// `--format` for the commands that print tables: the result formats by name.
enum OutputFormat {
    static let option = OptionSpec.value("format", "FORMAT", "table (default), csv, tsv or json")

    /// The format `--format` names (table if none), or a usage error listing them.
    static func chosen(_ arguments: ParsedArguments) throws -> ResultFormat {
        switch ResultFormats.choose(arguments.value("format") ?? "table") {
        case .success(let format): return format
        case .failure(let error): throw UsageError(error.description)
        }
    }

    /// Whether `--format json` was asked for.
    static func isJSON(_ arguments: ParsedArguments) -> Bool {
        arguments.value("format") == "json"
    }

    /// An operation's error as the command's failure (exit status 1).
    static func failure(_ error: OperationError, while doing: String? = nil) -> CommandFailure {
        CommandFailure(doing.map { "\($0): \(error.message)" } ?? error.message)
    }
}
