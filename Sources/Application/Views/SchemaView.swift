import ResultFormats
import TextLayout

/// The one view of the schema: a table (relation, arity, arguments, rows, kind,
/// sample) and JSON with the doc comments.
public enum SchemaView {
    public static func resultSet(_ schema: Schema) -> ResultSet {
        let rows = schema.relations.map { relation -> [ResultSet.Cell] in
            [
                .text(relation.name), .integer(Int64(relation.arity)), .text(relation.arguments.joined(separator: ", ")),
                relation.rows.map { .integer(Int64($0)) } ?? .text(""), .text(relation.isDerived ? "rules" : "graph"),
                .text((relation.sample ?? "").truncated(toWidth: 50)),
            ]
        }
        return ResultSet(columns: ["relation", "arity", "arguments", "rows", "kind", "sample"], rows: rows, rowNoun: "relation")
    }

    public static func json(_ schema: Schema) -> JSONValue {
        .object([
            ("tx", schema.asOf.map { .integer(Int64($0)) } ?? .null),
            ("relations", .array(schema.relations.map { relation in
                .object([
                    ("name", .string(relation.name)), ("arity", .integer(relation.arity)),
                    ("arguments", .array(relation.arguments.map { .string($0) })),
                    ("kind", .string(relation.isDerived ? "rules" : "graph")), ("doc", .string(relation.doc)),
                    ("defined_at", .string(relation.definedAt)), ("rows", .integer(relation.rows)),
                    ("sample", .string(relation.sample)),
                ])
            })),
        ])
    }
}
