import ResultFormats
import TextLayout
import WardGraph

/// The one view of the log: a table (so `--format` and `:format` apply) and JSON,
/// with the same columns and the same time text in both.
///
///      tx  time                       changes   author
///     ---  -------------------------  --------  ---------------------------------
///       1  2026-11-22 20:41:07+09:00  +286 -0   ingest izumi-r7.txt sha256:5c55…
public enum LogView {
    public static func resultSet(_ listing: LogListing) -> ResultSet {
        let rows = listing.transactions.map { info -> [ResultSet.Cell] in
            [.integer(Int64(info.id)), .text(TimeText.local(millis: info.timestampMillis)), .text(LogListing.changes(info)), .text(info.author)]
        }
        return ResultSet(columns: ["tx", "time", "changes", "author"], rows: rows, totalRows: listing.total, rowNoun: "transaction")
    }

    /// `{"tx": 5, "total": 5, "transactions": [{"tx": 1, "time": …, "changes": "+286 -0", "author": …, …}]}`.
    public static func json(_ listing: LogListing) -> JSONValue {
        .object([
            ("tx", .integer(Int64(listing.asOf))),
            ("total", .integer(listing.total)),
            ("transactions", .array(listing.transactions.map(transaction))),
        ])
    }

    /// One transaction: the table's columns, then what they summarise, typed.
    public static func transaction(_ info: TransactionInfo) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tx", .integer(Int64(info.id))), ("time", .string(TimeText.local(millis: info.timestampMillis))),
            ("changes", .string(LogListing.changes(info))), ("author", .string(info.author)),
            ("timestamp_ms", .integer(info.timestampMillis)),
        ]
        switch info.content {
        case .facts(let origin, let assertions, let retractions):
            members.append(("assertions", .integer(assertions)))
            members.append(("retractions", .integer(retractions)))
            if case .document(let key) = origin { members.append(("document", .string(key))) }
        case .program(let name):
            members.append(("rules", .string(name)))
        }
        return .object(members)
    }
}
