import TextLayout
import WardGraph

/// `wardgraph assert` and `wardgraph retract`: facts from a file or standard input.
enum AssertCommand {
    static func spec(_ kind: Change.Kind) -> CommandSpec {
        let verb = kind == .assert ? "assert" : "retract"
        return CommandSpec(
            name: verb,
            summary: kind == .assert ? "add facts to the graph" : "remove facts from the graph",
            usage: "[FILE]",
            details: """
            Reads facts from FILE (or standard input, also as '-'), one per line:
              entity<TAB>attribute<TAB>value
            e.g.
              measure:泉区/R7/2.2<TAB>partners_with<TAB>partner:フェリス女学院大学
              partner:フェリス女学院大学<TAB>label<TAB>フェリス女学院大学
            A value of the form kind:name is a node id (making the fact an edge), a whole
            number is an integer, anything else is text; put text in double quotes to keep
            it from reading as an id or a number ("\\t", "\\n", "\\"", "\\\\", "\\u{…}" escapes).
            Blank lines and lines starting with # are skipped.

            All lines go in one transaction, written durably before the command returns;
            if any line is wrong, every problem is reported and nothing is written.
            With --batch N, every N lines are committed as they arrive (a problem then
            stops the input; the batches before it stay committed).
            """ + (kind == .retract ? "\nRetracting a fact that does not hold is an error." : ""),
            options: [
                .value("batch", "N", "commit every N lines instead of all in one transaction"),
                SharedOptions.author,
            ],
            positionals: 0...1,
            run: { arguments, context in try run(kind, arguments, context) })
    }

    static func run(_ kind: Change.Kind, _ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let batch = try arguments.integer("batch", atLeast: 1)
        let input = try LineInput(path: arguments.positionals.first)
        let author = context.author(arguments)
        var lines: [FactInput.Line] = []
        var problems: [SourceDiagnostic] = []
        var store: GraphStore?
        func commitPending() throws {
            guard !lines.isEmpty else { return }
            if store == nil {
                store = try context.openStore(arguments, writer: "wardgraph \(kind == .assert ? "assert" : "retract")", create: kind == .assert)
            }
            let changes = lines.map { kind == .assert ? Change.assert($0.fact) : Change.retract($0.fact) }
            do {
                if let info = try store!.commit(changes, author: author) {
                    let count = kind == .assert ? "\(info.assertions) assertion" : "\(info.retractions) retraction"
                    context.out.line("transaction \(info.id): \(count)\(changes.count == 1 ? "" : "s")")
                    context.out.flush()
                }
            } catch let error as StoreError {
                guard let index = error.changeIndex else { throw error }
                let line = lines[index]
                throw CommandFailure("", diagnostics: [SourceDiagnostic(
                    .error, error.description, file: input.name, line: line.number, column: 1,
                    lineText: line.fact.description, length: line.fact.entity.description.count)])
            }
            lines.removeAll(keepingCapacity: true)
        }
        while let text = try input.next() {
            switch FactInput.parse(line: Substring(text), number: input.lineNumber) {
            case .success(nil):
                continue
            case .success(let fact?):
                lines.append(FactInput.Line(number: input.lineNumber, fact: fact))
            case .failure(let problem):
                problems.append(SourceDiagnostic(
                    .error, problem.message, file: input.name, line: problem.line, column: problem.column, lineText: problem.text))
                if batch != nil { throw CommandFailure("", diagnostics: problems) }
            }
            if let batch, lines.count >= batch { try commitPending() }
        }
        if !problems.isEmpty {
            throw CommandFailure("\(problems.count) line\(problems.count == 1 ? "" : "s") of \(input.name) could not be read; nothing was written", diagnostics: problems)
        }
        try commitPending()
        if store == nil { context.note("no facts in \(input.name); nothing was written") }
        return 0
    }
}
