import Datalog
import Foundation
import Querying
import ResultFormats
import TextLayout
import WardGraph

/// A question for the graph: a program, its parameters, the transaction to read at,
/// how many rows to return, and the limits it runs under.
public struct QueryRequest: Sendable {
    public var name: String
    public var program: String
    public var parameters: [String: Constant]
    public var asOf: UInt64?
    /// Rows returned at most (the answer still counts them all).
    public var maxRows: Int?
    public var explain: Bool
    /// Which document of each ward the planner relations read (each ward's latest by default).
    public var years: YearSelection = .latest

    public init(name: String = "<query>", program: String, parameters: [String: Constant] = [:], asOf: UInt64? = nil, maxRows: Int? = nil, explain: Bool = false) {
        self.name = name
        self.program = program
        self.parameters = parameters
        self.asOf = asOf
        self.maxRows = maxRows
        self.explain = explain
    }

    /// A parameter's value as typed on a command line or in a URL: a whole number, or
    /// text (NFKC, as the graph's names are).
    public static func parameterValue(_ text: String) -> Constant {
        let value = text.nfkc
        return Int64(value).map(Constant.integer) ?? .string(value)
    }
}

/// One query's answer, each value with the node it names (an id, or a label that
/// names exactly one node) and that node's label.
public struct QueryAnswer: Sendable {
    public struct Value: Sendable {
        public let cell: ResultSet.Cell
        /// The node the value names, if any.
        public let id: String?
        /// That node's label, or nil when the value names no node.
        public let label: String?
    }

    public let columns: [String]
    public let rows: [[Value]]
    public let totalRows: Int
    public let elapsedMilliseconds: Double
    public let tx: UInt64?
    public let explanation: String?
    /// The fiscal years it read, one per ward (`年度: 泉区 R7, …`), when it read the
    /// planner relations.
    public var years: String? = nil
    /// Constants of this query that name nothing in the graph (`NameCheck`).
    public var warnings: [SourceDiagnostic] = []

    /// Whether rows were left out (by `maxRows` or the program's `.limit`).
    public var truncated: Bool { rows.count < totalRows }
}

/// What running a query request gave: the answers of its queries, in order, or the
/// errors that kept it from running, or the limit that stopped it.
public enum QueryOutcome: Sendable {
    case answered([QueryAnswer])
    case rejected(SourceFiles, [Diagnostic])
    case stopped(EvaluationError, SourceFiles, SourceRange)
}

/// Runs query requests in a session: the one path of `POST /api/query`.
public enum QueryOperation {
    public static func run(_ request: QueryRequest, in session: QuerySession) -> QueryOutcome {
        session.parameters = request.parameters
        session.years = request.years
        let prepared: QuerySession.Prepared
        switch session.prepare(name: request.name, text: request.program) {
        case .failure(let rejected): return .rejected(rejected.files, rejected.diagnostics)
        case .success(let ready): prepared = ready
        }
        var answers: [QueryAnswer] = []
        for answer in session.run(prepared, explain: request.explain) {
            switch answer {
            case .failure(let error, let range):
                return .stopped(error, prepared.files, range)
            case .result(let result, let explanation):
                let set = session.resultSet(result, maxRows: request.maxRows)
                var answer = QueryAnswer(
                    columns: set.columns, rows: values(set.rows, session.snapshot, session.nodesByLabel), totalRows: set.totalRows,
                    elapsedMilliseconds: result.elapsed * 1000, tx: session.snapshot?.asOf, explanation: explanation)
                answer.years = set.caption
                answer.warnings = prepared.warnings.filter { result.range.contains($0.range) }.map(prepared.files.structured)
                answers.append(answer)
            }
        }
        return .answered(answers)
    }

    /// The cells with the nodes they name and those nodes' labels, found in one pass.
    static func values(_ rows: [[ResultSet.Cell]], _ snapshot: GraphSnapshot?, _ byLabel: [String: [NodeID]]) -> [[QueryAnswer.Value]] {
        var ids: [String: NodeID] = [:]
        for row in rows {
            for case .text(let text) in row where ids[text] == nil {
                if NodeID.looksLikeID(text), let id = try? NodeID(parsing: text) {
                    ids[text] = id
                } else if let named = byLabel[text], named.count == 1 {
                    ids[text] = named[0]
                }
            }
        }
        let labels = snapshot?.labels(of: Set(ids.values)) ?? [:]
        return rows.map { row in
            row.map { cell in
                guard case .text(let text) = cell, let id = ids[text] else { return QueryAnswer.Value(cell: cell, id: nil, label: nil) }
                return QueryAnswer.Value(cell: cell, id: id.description, label: labels[id] ?? String(id.lastSegment))
            }
        }
    }
}
