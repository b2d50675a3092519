import Datalog
import Foundation
import ResultFormats
import Querying

/// `wardgraph translate --to souffle`: a program, with the prelude, in Soufflé's language.
enum TranslateCommand {
    static let spec = CommandSpec(
        name: "translate",
        summary: "translate a query program (with the prelude) into Soufflé's Datalog",
        usage: "--to souffle FILE.dl | -e TEXT [-o FILE]",
        details: """
        Prints a Soufflé program equivalent to the program given and the prelude:
        each query becomes a relation with .output, the graph's relations are read
        from the files of 'wardgraph export --format souffle', and --facts relations
        from their own files. Run it with souffle -F FACTS -D OUT; each query's
        answer is then OUT/query_N.csv. Example:
          wardgraph export --format souffle -o facts
          wardgraph translate --to souffle Queries/shared-partners.dl -o shared.dl
          souffle -F facts -D out shared.dl
        What Soufflé cannot express the same way (collect, length over characters,
        some matches patterns, a column of both texts and numbers used as numbers)
        is an error at its position, and nothing is printed.
        """,
        options: [
            .value("to", "ENGINE", "the target: souffle"),
            .value("expression", short: "e", "TEXT", "program text, instead of a file"),
            .value("output", short: "o", "FILE", "write the program to FILE (default: standard output)"),
            .value("param", "NAME=VALUE", "bind $NAME to VALUE (a whole number or text; may be repeated)", repeatable: true),
            .value("facts", "DIR", "also read each NAME.tsv / NAME.csv in DIR as relation NAME", repeatable: true),
            SharedOptions.prelude,
            SharedOptions.noPrelude,
            .flag("no-graph", "leave out the graph's relations (only --facts and the programs' own facts)"),
        ],
        positionals: 0...Int.max,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let target = arguments.value("to") else { throw UsageError("say which engine to translate to: --to souffle") }
        guard target == "souffle" else { throw UsageError("unknown target '\(target)'; the target is souffle") }
        var programs: [(name: String, text: String)] = []
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot read the program file") }
            guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path): the program is not UTF-8") }
            programs.append((path, text))
        }
        if let text = arguments.value("expression") { programs.append(("<-e>", text)) }
        guard let program = programs.first else { throw UsageError("nothing to translate: give a program file or -e TEXT") }
        guard programs.count == 1 else { throw UsageError("translate one program at a time (a file or -e TEXT), not \(programs.count)") }

        let (session, _) = try QueryCommand.makeSession(arguments, context)
        let translated: SouffleProgram
        do {
            switch try session.translateToSouffle(name: program.name, text: program.text) {
            case .failure(let rejected):
                QueryCommand.report([(rejected.files, rejected.diagnostics)], json: false, context)
                return 1
            case .success(let (souffle, files)):
                for warning in souffle.warnings { context.err.line(files.render(warning)) }
                translated = souffle
            }
        } catch let problem as FactFiles.Problem {
            throw CommandFailure(problem.description)
        }
        if let output = arguments.value("output") {
            do { try ResultFile.save(Array(translated.text.utf8), to: output) } catch { throw CommandFailure(error.description) }
            let answers = translated.outputs.map { "\($0.relation).csv" }.joined(separator: ", ")
            context.err.line("wrote \(output)" + (answers.isEmpty ? "" : "; souffle -F FACTS -D OUT \(output) writes \(answers)"))
        } else {
            context.out.write(translated.text)
        }
        return 0
    }
}
