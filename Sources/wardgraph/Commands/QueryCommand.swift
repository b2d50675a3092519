import Datalog
import Foundation
import Querying
import ResultFormats
import TextLayout
import WardGraph

/// `wardgraph query`: runs programs of the query language over the graph.
enum QueryCommand {
    static let spec = CommandSpec(
        name: "query",
        summary: "run query programs over the graph",
        usage: "[FILE.dl …] [-e TEXT]",
        details: """
        Runs the programs in the files and the -e texts, in order, after the prelude
        (Queries/prelude.dl), and prints each query's answer. Example:
          wardgraph query -e '?- shared_partner(W1, W2, P).'
          wardgraph query Queries/shared-partners.dl --format csv
          wardgraph query -e '?- ward_partner($ward, P).' --param ward=泉区
        A program with errors reports all of them and runs nothing (exit status 1).
        See the language in the README.
        """,
        options: [
            .value("expression", short: "e", "TEXT", "program text to run (may be repeated)", repeatable: true),
            .value("format", "FORMAT", "table (default), csv, tsv or json"),
            AsOf.option,
            .value("param", "NAME=VALUE", "bind $NAME to VALUE (a whole number or text; may be repeated)", repeatable: true),
            .flag("explain", "after each answer, show how it was computed: strata, join order, indexes, rows per step"),
            .value("why", "ATOM", "show one derivation of ATOM, e.g. 'shared_partner(泉区, 港北区, 企業)'"),
            .value("facts", "DIR", "also load each NAME.tsv / NAME.csv in DIR as relation NAME", repeatable: true),
            SharedOptions.prelude,
            SharedOptions.noPrelude,
            .flag("no-graph", "do not open the store (only --facts and the programs' own facts)"),
            .value("max-tuples", "N", "stop after deriving N tuples (default 50,000,000)"),
            .value("max-memory", "SIZE", "stop when relations and texts take more than SIZE, e.g. 512M or 4G (default 2G)"),
            .value("timeout", "SECONDS", "stop after this many seconds (default 120)"),
        ],
        positionals: 0...Int.max,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let formatName = arguments.value("format") ?? "table"
        guard let format = ResultFormats.named(formatName) else {
            throw UsageError("unknown format '\(formatName)'\(Suggestion.hint(for: formatName, in: ResultFormats.names)); the formats are \(ResultFormats.names.joined(separator: ", "))")
        }
        let json = formatName == "json"
        var programs: [(name: String, text: String)] = []
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("\(path): cannot read the program file")
            }
            do {
                programs.append((path, try UTF8Text.decode(data, file: path)))
            } catch {
                throw CommandFailure("\(path) is not UTF-8 text; nothing was run", diagnostics: [error])
            }
        }
        for (i, text) in arguments.values("expression").enumerated() {
            programs.append(("<-e\(arguments.values("expression").count > 1 ? " \(i + 1)" : "")>", text))
        }
        let why = arguments.value("why")
        guard !programs.isEmpty || why != nil else {
            throw UsageError("nothing to run: give a program file or -e TEXT (or --why ATOM)")
        }

        let session = try makeSession(arguments, context)
        let out = context.out

        // Check everything first: a program with errors runs nothing.
        var problems: [(SourceFiles, DiagnosticList)] = []
        for program in programs {
            let (files, errors) = session.checkAll(name: program.name, text: program.text)
            if errors.count > 0 { problems.append((files, errors)) }
            session.keep(name: program.name, text: program.text)
        }
        if !problems.isEmpty {
            report(problems, json: json, context)
            return 1
        }
        session.forget { name in programs.contains { $0.name == name } }

        var failed = false
        var first = true
        for program in programs {
            let outcome = session.run(name: program.name, text: program.text, keep: true, explain: arguments.flag("explain"))
            for answer in outcome.answers {
                switch answer {
                case .result(let result, let explanation):
                    if !first && !json { out.line() }
                    first = false
                    out.write(format.render(session.resultSet(result, labels: false)))
                    if let explanation { out.line(json ? JSONText.object([("explain", JSONText.string(explanation))]) : "plan:\n" + explanation) }
                case .failure(let error, let range):
                    failed = true
                    let diagnostic = Diagnostic(error.message, range: range)
                    report([(outcome.files, DiagnosticList([diagnostic]))], json: json, context)
                }
            }
        }
        if let why {
            do {
                let derivation = try session.why(why)
                if json {
                    out.line(DerivationJSON.render(derivation, constants: session.engine.constants))
                } else {
                    if !first { out.line() }
                    out.line(DerivationRenderer(constants: session.engine.constants).render(derivation))
                }
            } catch let error as DerivationError {
                throw CommandFailure("--why: \(error.message)")
            } catch let list as DiagnosticList {
                throw CommandFailure("--why: " + list.diagnostics.map(\.message).joined(separator: "; "))
            }
        }
        return failed ? 1 : 0
    }

    /// The session: limits, parameters, the graph (as of a transaction), fact files, the prelude.
    static func makeSession(_ arguments: ParsedArguments, _ context: CommandContext) throws -> QuerySession {
        var limits = Limits.standard
        if let n = try arguments.integer("max-tuples", atLeast: 1) { limits.maxDerivedTuples = n }
        if let text = arguments.value("max-memory") {
            guard let bytes = Limits.bytes(text) else { throw UsageError("--max-memory needs a size such as 512M or 4G, not '\(text)'") }
            limits.maxMemoryBytes = bytes
        }
        if let text = arguments.value("timeout") {
            guard let seconds = Double(text), seconds > 0 else { throw UsageError("--timeout needs a positive number of seconds, not '\(text)'") }
            limits.timeout = seconds
        }
        let session = QuerySession(limits: limits)
        for parameter in arguments.values("param") {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw UsageError("--param needs NAME=VALUE, as in --param ward=泉区, not '\(parameter)'")
            }
            let name = String(parameter[..<equals])
            let value = String(parameter[parameter.index(after: equals)...]).nfkc
            session.parameters[name] = Int64(value).map(Constant.integer) ?? .string(value)
        }
        let useGraph = !arguments.flag("no-graph")
        if useGraph {
            let store = try context.openStore(arguments)
            session.use(try AsOf.snapshot(store, arguments))
        } else if arguments.value("as-of") != nil {
            throw UsageError("--as-of reads the graph, which --no-graph leaves out")
        }
        for directory in arguments.values("facts") {
            do { try session.addFacts(directory: directory) } catch let problem as FactFiles.Problem {
                throw CommandFailure(problem.description)
            }
        }
        if useGraph && !arguments.flag("no-prelude"),
           let prelude = try context.prelude(arguments, .expected(hint: ". Give one with --prelude FILE.")) {
            session.keep(name: prelude.name, text: prelude.text)
        }
        return session
    }

    /// Prints the errors of each program: at most `Diagnostic.displayLimit` in all,
    /// then how many more there are.
    static func report(_ problems: [(SourceFiles, DiagnosticList)], json: Bool, _ context: CommandContext) {
        var shown = 0
        var capped: [(SourceFiles, [Diagnostic])] = []
        for (files, list) in problems {
            let take = list.diagnostics.prefix(max(0, Diagnostic.displayLimit - shown))
            shown += take.count
            capped.append((files, Array(take)))
        }
        let rest = problems.reduce(0) { $0 + $1.1.count } - shown
        if json {
            let items = capped.flatMap { files, diagnostics in
                diagnostics.map { diagnostic -> String in
                    let structured = files.structured(diagnostic)
                    return JSONText.object([
                        ("file", JSONText.string(structured.file)), ("line", String(structured.line)),
                        ("column", String(structured.column)), ("severity", JSONText.string(structured.severity.rawValue)),
                        ("message", JSONText.string(structured.message)),
                        ("notes", JSONText.array(structured.notes.map(JSONText.string))),
                    ])
                }
            }
            context.out.line(JSONText.object([("errors", JSONText.array(items)), ("more_errors", String(rest))]))
        }
        for (files, diagnostics) in capped {
            for diagnostic in diagnostics { context.err.line(files.render(diagnostic)) }
        }
        if rest > 0 { context.err.line("… and \(rest.grouped) more error\(rest == 1 ? "" : "s") (fix the ones above first)") }
    }
}
