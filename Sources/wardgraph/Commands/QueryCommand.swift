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
            guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path): the program is not UTF-8") }
            programs.append((path, text))
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

        // Analyse everything first: a program with errors runs nothing. Each program
        // sees the rules of those before it, and runs from this one analysis.
        var prepared: [QuerySession.Prepared] = []
        var problems: [(SourceFiles, [Diagnostic])] = []
        for program in programs {
            switch session.prepare(name: program.name, text: program.text) {
            case .success(let ready): prepared.append(ready)
            case .failure(let rejected): problems.append((rejected.files, rejected.diagnostics))
            }
            session.keep(name: program.name, text: program.text)
        }
        if !problems.isEmpty {
            report(problems, json: json, context)
            return 1
        }

        var failed = false
        var first = true
        for program in prepared {
            for answer in session.run(program, explain: arguments.flag("explain")) {
                switch answer {
                case .result(let result, let explanation):
                    if !first && !json { out.line() }
                    first = false
                    out.write(format.render(session.resultSet(result, labels: false)))
                    if let explanation { out.line(json ? JSONText.object([("explain", JSONText.string(explanation))]) : "plan:\n" + explanation) }
                case .failure(let error, let range):
                    failed = true
                    let diagnostic = Diagnostic(error.message, range: range)
                    report([(program.files, [diagnostic])], json: json, context)
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
            } catch {
                throw CommandFailure("--why: \(error.message)")
            }
        }
        return failed ? 1 : 0
    }

    /// The session: limits, parameters, the graph (as of a transaction), fact files, the prelude.
    static func makeSession(_ arguments: ParsedArguments, _ context: CommandContext) throws -> QuerySession {
        var limits = Limits.standard
        if let n = try arguments.integer("max-tuples", atLeast: 1) { limits.maxDerivedTuples = n }
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

    static func report(_ problems: [(SourceFiles, [Diagnostic])], json: Bool, _ context: CommandContext) {
        if json {
            let items = problems.flatMap { files, diagnostics in
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
            context.out.line(JSONText.object([("errors", JSONText.array(items))]))
        }
        for (files, diagnostics) in problems {
            for diagnostic in diagnostics { context.err.line(files.render(diagnostic)) }
        }
    }
}
