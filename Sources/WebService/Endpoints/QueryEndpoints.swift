import Application
import Datalog
import HTTPServer
import Querying
import ResultFormats
import TextLayout

/// `/api/query` and `/api/why`: programs run under the request's limits, cancelled
/// when the client hangs up, and answered from the cache when the same question was
/// asked of the same transaction.
extension GraphService {
    /// Rows a query returns unless it asks for fewer: enough for any table a person reads.
    static let defaultRowLimit: Int64 = 10_000

    /// `POST {program, params, year, as_of, limit, format}` or `GET ?q=…&$name=value&year=&as_of=&limit=&format=`:
    /// `{columns, rows, total_rows, truncated, elapsed_ms, tx, years}`, or 400 with the program's errors.
    /// `year` (R6, 令和6年度, 2024) picks the document each ward's planner relations
    /// read (each ward's latest without it); `years` says which were read.
    func query(_ request: HTTPRequest, _ exchange: Exchange) throws(HTTPError) -> HTTPResponse {
        let isPost = request.method == "POST"
        let fields = isPost
            ? try RequestFields(body: request, allowed: ["program", "params", "year", "as_of", "limit", "format"])
            : try RequestFields(query: request, allowed: ["q", "year", "as_of", "limit", "format", "$"])
        let program = try fields.requiredString(isPost ? "program" : "q", example: "\"?- shared_partner(泉区, W, P).\"")
        var parameters: [String: Constant] = [:]
        for (name, value) in isPost ? try fields.object("params") : fields.dollarFields {
            switch value {
            case .string(let text): parameters[name] = QueryRequest.parameterValue(text)
            case .integer(let n): parameters[name] = .integer(n)
            default: throw HTTPError(.badRequest, "parameter '\(name)' must be a string or a whole number, not \(value.kindName)")
            }
        }
        let format = try fields.string("format") ?? "json"
        let textFormat: ResultFormat?
        if format == "json" {
            textFormat = nil
        } else {
            switch ResultFormats.choose(format) {
            case .success(let chosen): textFormat = chosen is TableFormat ? TableFormat(showsTime: false) : chosen
            case .failure(let error): throw HTTPError(.badRequest, "'format': \(error.description)")
            }
        }
        let limit = try fields.integer("limit") ?? Self.defaultRowLimit
        let years = try fields.years()
        let asOf = try fields.integer("as_of")
        let snapshot = try snapshot(asOf: asOf)
        let key = "query \(format) \(limit) \(years) \(parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) \(program)"
        return try read(request, at: snapshot.asOf, key: key) { () throws(HTTPError) -> HTTPResponse in
            var queryRequest = QueryRequest(program: program, parameters: parameters, asOf: asOf.map(UInt64.init), maxRows: Int(limit))
            queryRequest.years = years
            let outcome = try evaluating { () throws(HTTPError) -> QueryOutcome in
                sessions.withSession(over: snapshot, years: years, pooled: asOf == nil) { session in
                    let cancellation = session.cancellation
                    return exchange.cancelling(onDisconnect: { cancellation.cancel() }) {
                        QueryOperation.run(queryRequest, in: session)
                    }
                }
            }
            switch outcome {
            case .rejected(let files, let diagnostics):
                return json(.badRequest, DiagnosticView.json(files, diagnostics))
            case .stopped(let error, let files, let range):
                let status: HTTPStatus = error == .cancelled ? .serviceUnavailable : .unprocessableContent
                return json(status, DiagnosticView.json(files, [Diagnostic(error.message, range: range)]))
            case .answered(let answers):
                guard let answer = answers.last else {
                    throw HTTPError(.badRequest, "the program has no query; add one such as ?- shared_partner(泉区, W, P).")
                }
                guard let textFormat else { return json(.ok, AnswerView.json(answer)) }
                let mediaType = ["csv": "text/csv", "tsv": "text/tab-separated-values"][format] ?? "text/plain"
                return HTTPResponse(status: .ok, contentType: "\(mediaType); charset=utf-8", text: textFormat.render(AnswerView.resultSet(answer)))
            }
        }
    }

    /// `POST {atom, year, as_of}` or `GET ?atom=…&year=`: the derivation tree, its leaves
    /// with the document, the line and the line's text; 404 when the atom does not hold
    /// (over the documents `year` selects, as for a query).
    func why(_ request: HTTPRequest, _ exchange: Exchange) throws(HTTPError) -> HTTPResponse {
        let fields = request.method == "POST"
            ? try RequestFields(body: request, allowed: ["atom", "year", "as_of"])
            : try RequestFields(query: request, allowed: ["atom", "year", "as_of"])
        let atom = try fields.requiredString("atom", example: "\"shared_partner(泉区, 港北区, 商店街)\"")
        let years = try fields.years()
        let asOf = try fields.integer("as_of")
        let snapshot = try snapshot(asOf: asOf)
        return try read(request, at: snapshot.asOf, key: "why \(years) \(atom)") { () throws(HTTPError) -> HTTPResponse in
            let explained = try evaluating { () throws(HTTPError) -> Result<Explanation, WhyError> in
                sessions.withSession(over: snapshot, years: years, pooled: asOf == nil) { session in
                    let cancellation = session.cancellation
                    return exchange.cancelling(onDisconnect: { cancellation.cancel() }) {
                        do throws(WhyError) { return .success(try Explanation(atom, session: session, documents: workspace.documents)) } catch {
                            return .failure(error)
                        }
                    }
                }
            }
            switch explained {
            case .success(let explanation):
                return json(.ok, .object([("atom", .string(atom)), ("tx", .integer(Int64(snapshot.asOf))), ("derivation", DerivationView.json(explanation))]))
            case .failure(let error):
                let status: HTTPStatus
                switch error {
                case .derivation(.notDerived): status = .notFound
                case .evaluation: status = .unprocessableContent
                case .program: status = .internalServerError
                default: status = .badRequest
                }
                throw HTTPError(status, "why \(atom): \(error.message)")
            }
        }
    }
}
