extension ExtractedDocument {
    /// The document in the gold file format (GUIDELINES.md), pretty-printed with a
    /// stable key order, so that it can be compared with and evaluated like a gold file.
    ///
    /// Beyond the gold keys it carries provenance: `line` (and `end_line` for measures)
    /// on every item, and a top-level `edge_lines` array parallel to `edges`.
    public func goldJSON() -> String {
        let root: JSONValue = .object([
            ("document", .string(document)),
            ("ward", .string(ward)),
            ("fiscal_year", .string(fiscalYear)),
            ("measures", .array(measures.map { m in
                .object([
                    ("id", .string(m.id)), ("title", .string(m.title)), ("level", .int(m.level)),
                    ("parent", m.parent.map(JSONValue.string) ?? .null), ("line", .int(m.line)), ("end_line", .int(m.endLine)),
                ])
            })),
            ("sections", .array(sections.map { s in
                .object([("name", .string(s.name)), ("aliases", .array(s.aliases.map(JSONValue.string))), ("line", .int(s.line))])
            })),
            ("partners", .array(partners.map { p in
                .object([("name", .string(p.name)), ("aliases", .array(p.aliases.map(JSONValue.string))), ("line", .int(p.line))])
            })),
            ("plans", .array(plans.map { p in
                .object([
                    ("name", .string(p.name)), ("within", p.within.map(JSONValue.string) ?? .null),
                    ("aliases", .array(p.aliases.map(JSONValue.string))), ("line", .int(p.line)),
                ])
            })),
            ("edges", .array(edges.map { .array([.string($0.from), .string($0.type.rawValue), .string($0.to)]) })),
            ("edge_lines", .array(edges.map { .int($0.line) })),
        ])
        return root.rendered()
    }
}
