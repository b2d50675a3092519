import Datalog
import ResultFormats
import TextLayout

/// The JSON view of a query's answer, for the HTTP API:
/// `{"columns": ["W", "P"], "rows": [[{"value": "港北区", "id": "ward:港北区", "label": "港北区"}, …]],
///   "total_rows": 10, "truncated": false, "elapsed_ms": 1.2, "tx": 5, "years": "年度: 泉区 R7, …"}`,
/// with `warnings` (as `DiagnosticView.item`s) for names the graph does not have.
/// As a table, the answer is the `ResultSet` that every result format reads.
public enum AnswerView {
    public static func resultSet(_ answer: QueryAnswer) -> ResultSet {
        ResultSet(
            columns: answer.columns, rows: answer.rows.map { $0.map(\.cell) }, totalRows: answer.totalRows,
            elapsedMilliseconds: answer.elapsedMilliseconds)
    }

    public static func json(_ answer: QueryAnswer) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("columns", .array(answer.columns.map { .string($0) })),
            ("rows", .array(answer.rows.map { row in .array(row.map(value)) })),
            ("total_rows", .integer(answer.totalRows)),
            ("truncated", .bool(answer.truncated)),
            ("elapsed_ms", .number((answer.elapsedMilliseconds * 1000).rounded() / 1000)),
            ("tx", answer.tx.map { .integer(Int64($0)) } ?? .null),
        ]
        if let years = answer.years { members.append(("years", .string(years))) }
        if !answer.warnings.isEmpty { members.append(("warnings", .array(answer.warnings.map(DiagnosticView.item)))) }
        if let explanation = answer.explanation { members.append(("explain", .string(explanation))) }
        return .object(members)
    }

    static func value(_ value: QueryAnswer.Value) -> JSONValue {
        let plain: JSONValue
        switch value.cell {
        case .integer(let n): plain = .integer(n)
        case .text(let text): plain = .string(text)
        }
        guard let id = value.id else { return .object([("value", plain)]) }
        return .object([("value", plain), ("id", .string(id)), ("label", .string(value.label))])
    }
}
