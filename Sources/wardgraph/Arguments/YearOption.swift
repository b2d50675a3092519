import WardGraph

/// `--year`: which document of each ward the planner relations read.
enum YearOption {
    static let option = OptionSpec.value(
        "year", "YEAR", "read each ward's document of this fiscal year (R6, 令和6年度, 2024) instead of its latest")

    /// The selection `--year` names (each ward's latest if none), or a usage error.
    static func selection(_ arguments: ParsedArguments) throws -> YearSelection {
        guard let text = arguments.value("year") else { return .latest }
        guard let selection = YearSelection(text) else {
            throw UsageError("--year needs a fiscal year such as R6, 令和6年度 or 2024 (or 'latest'), not '\(text)'")
        }
        return selection
    }
}
