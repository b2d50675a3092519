import Application
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
          wardgraph query Queries/shared-partners.dl -o shared.xlsx
          wardgraph query -e '?- ward_partner(W, P).' --pivot W,P -o matrix.csv
          wardgraph query -e '?- ward_partner($ward, P).' --param ward=泉区
        Variables start with ? or an ASCII capital (?区, W); anything else is a name.
        The planner relations read each ward's latest document (--year chooses
        another), and a table says which years it read. A program with errors reports
        all of them and runs nothing (exit status 1); a name the graph does not have
        gets a warning. See the language in Queries/LANGUAGE.md.
        """,
        options: [
            .value("expression", short: "e", "TEXT", "program text to run (may be repeated)", repeatable: true),
        ] + AnswerOutput.options + [
            AsOf.option,
            YearOption.option,
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
        let output = try AnswerOutput(arguments, context)
        let json = output.format == "json"
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

        let (session, documents) = try makeSession(arguments, context)

        // Analyse everything first: a program with errors runs nothing. Each program
        // sees the rules of those before it, and runs from this one analysis.
        var prepared: [QuerySession.Prepared] = []
        var problems: [(SourceFiles, [Diagnostic])] = []
        var omitted = 0
        for program in programs {
            switch session.prepare(name: program.name, text: program.text) {
            case .success(let ready):
                prepared.append(ready)
                for warning in ready.warnings { context.err.line(ready.files.render(warning)) }
            case .failure(let rejected):
                problems.append((rejected.files, rejected.diagnostics))
                omitted += rejected.omitted
            }
            session.keep(name: program.name, text: program.text)
        }
        if !problems.isEmpty {
            report(problems, omitted: omitted, json: json, context)
            return 1
        }

        var failed = false
        var blocks: [(block: ResultFile.Block, after: String?)] = []
        for program in prepared {
            for answer in session.run(program, explain: arguments.flag("explain")) {
                switch answer {
                case .result(let result, let explanation):
                    let set = try output.shaped(session.resultSet(result, forPeople: output.isForPeople))
                    let after = explanation.map { json ? JSONText.object([("explain", JSONText.string($0))]) : "plan:\n" + $0 }
                    blocks.append((ResultFile.Block(result: set, label: program.files.label(of: result.range)), after))
                case .failure(let error, let range):
                    failed = true
                    let diagnostic = Diagnostic(error.message, range: range)
                    report([(program.files, [diagnostic])], json: json, context)
                }
            }
        }
        try output.write(blocks, context)
        if let why {
            let explanation: Explanation
            do { explanation = try Explanation(why, session: session, documents: documents) } catch {
                throw CommandFailure("--why: \(error.message)")
            }
            if json {
                context.out.line(DerivationView.json(explanation).rendered())
            } else {
                if !blocks.isEmpty { context.out.line() }
                context.out.line(DerivationView.text(explanation))
            }
        }
        return failed ? 1 : 0
    }

    /// The session: limits, parameters, the graph (as of a transaction), fact files,
    /// the prelude; and the library of the graph's documents (nil without the graph).
    static func makeSession(_ arguments: ParsedArguments, _ context: CommandContext) throws -> (QuerySession, DocumentLibrary?) {
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
        var parameters: [String: Constant] = [:]
        for parameter in arguments.values("param") {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw UsageError("--param needs NAME=VALUE, as in --param ward=泉区, not '\(parameter)'")
            }
            parameters[String(parameter[..<equals])] = QueryRequest.parameterValue(String(parameter[parameter.index(after: equals)...]))
        }
        let session: QuerySession
        var documents: DocumentLibrary?
        if !arguments.flag("no-graph") {
            let workspace = try context.workspace(arguments, prelude: .expected(hint: ". Give one with --prelude FILE."))
            session = workspace.session(over: try AsOf.snapshot(workspace, arguments), limits: limits)
            documents = workspace.documents
        } else if arguments.value("as-of") != nil {
            throw UsageError("--as-of reads the graph, which --no-graph leaves out")
        } else {
            session = QuerySession(limits: limits)
        }
        session.parameters = parameters
        session.years = try YearOption.selection(arguments)
        for directory in arguments.values("facts") {
            do { try session.addFacts(directory: directory) } catch let problem as FactFiles.Problem {
                throw CommandFailure(problem.description)
            }
        }
        return (session, documents)
    }

    /// Prints the errors of the programs: at most `Diagnostic.displayLimit` in all,
    /// then how many more there are.
    static func report(_ problems: [(SourceFiles, [Diagnostic])], omitted: Int = 0, json: Bool, _ context: CommandContext) {
        if json { context.out.line(DiagnosticView.json(problems, omitted: omitted).rendered()) }
        let (shown, more) = DiagnosticView.capped(problems, omitted: omitted)
        for (files, diagnostics) in shown {
            for diagnostic in diagnostics { context.err.line(files.render(diagnostic)) }
        }
        if more > 0 { context.err.line(Diagnostic.more(more)) }
    }
}
