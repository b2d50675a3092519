import ResultFormats
import TextLayout
import WardGraph

/// The one view of a node's history: a table and JSON with the same eight columns:
/// transaction, time, + or -, the fact (entity, attribute, value), its source, its author.
public enum HistoryView {
    public static let columns = ["tx", "time", "", "entity", "attribute", "value", "source", "author"]

    public static func resultSet(_ history: EntityHistory) -> ResultSet {
        resultSet(history.entries)
    }

    public static func resultSet(_ entries: [HistoryEntry]) -> ResultSet {
        let rows = entries.map { entry -> [ResultSet.Cell] in
            let fact = entry.change.fact
            return [
                .integer(Int64(entry.transaction)), .text(TimeText.local(millis: entry.timestampMillis)),
                .text(entry.change.kind == .assert ? "+" : "-"), .text(fact.entity.description), .text(fact.attribute),
                .text(fact.value.description), .text(entry.change.source?.description ?? ""), .text(entry.author),
            ]
        }
        return ResultSet(columns: columns, rows: rows, rowNoun: "change")
    }

    /// `{"entity": …, "tx": …, "changes": [{"tx", "time", "op", "entity", "attribute", "value", "source", "author"}]}`.
    public static func json(_ history: EntityHistory) -> JSONValue {
        .object([
            ("entity", .string(history.entity.description)),
            ("tx", .integer(Int64(history.asOf))),
            ("changes", .array(history.entries.map(entry))),
        ])
    }

    public static func entry(_ entry: HistoryEntry) -> JSONValue {
        let fact = entry.change.fact
        return .object([
            ("tx", .integer(Int64(entry.transaction))), ("time", .string(TimeText.local(millis: entry.timestampMillis))),
            ("op", .string(entry.change.kind == .assert ? "+" : "-")), ("entity", .string(fact.entity.description)),
            ("attribute", .string(fact.attribute)), ("value", FactJSON.value(fact.value)),
            ("source", entry.change.source.map(FactJSON.source) ?? .null), ("author", .string(entry.author)),
        ])
    }
}

/// Facts' parts as JSON, the same everywhere they appear.
public enum FactJSON {
    /// A node id or a text as a string, an integer as a number.
    public static func value(_ value: FactValue) -> JSONValue {
        switch value {
        case .node(let id): return .string(id.description)
        case .text(let text): return .string(text)
        case .integer(let n): return .integer(n)
        }
    }

    /// `{"document": "izumi-r7.txt", "first_line": 248, "last_line": 256, "text": "izumi-r7.txt:248-256"}`.
    public static func source(_ source: Source) -> JSONValue {
        .object([
            ("document", .string(source.document)), ("first_line", .integer(source.firstLine)),
            ("last_line", .integer(source.lastLine)), ("text", .string(source.description)),
        ])
    }
}
