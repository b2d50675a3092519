import ResultFormats
import TextLayout
import WardGraph

/// The one view of a node's page: sections of aligned text for a terminal, and JSON.
///
///     ward:泉区 〈泉区〉 (ward), as of transaction 5
///
///     attributes
///       fiscal_year  令和7年度  izumi-r7.txt:4
///     …
public enum NodeView {
    public static func text(_ page: NodePage) -> String {
        var out = "\(page.id) 〈\(page.label)〉 (\(page.kind.rawValue)), as of transaction \(page.asOf)\n"
        func section(_ title: String, _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            var table = TextTable(headers: rows[0].map { _ in "" })
            table.rule = false
            for row in rows { table.add(["  " + row[0]] + row.dropFirst().map { $0.truncated(toWidth: 60) }) }
            out += "\n\(title)\n" + table.rendered() + "\n"
        }
        section("attributes", page.attributes.map { [$0.name, $0.value.description, $0.source?.description ?? ""] })
        section("edges out", page.outgoing.map { [$0.edge, "→ \($0.node)", $0.label, $0.source?.description ?? ""] })
        section("edges in", page.incoming.map { [$0.edge, "← \($0.node)", $0.label, $0.source?.description ?? ""] })
        section("sources", page.sources.map { ["\($0.document):\($0.line)", $0.text ?? "(the document is not in the library)"] })
        if !page.history.isEmpty {
            var history = TableFormat(showsTime: false).render(HistoryView.resultSet(page.history))
            if history.hasSuffix("\n") { history.removeLast() }
            out += "\nhistory\n" + history + "\n"
        }
        return out
    }

    public static func json(_ page: NodePage) -> JSONValue {
        func link(_ link: NodePage.Link) -> JSONValue {
            .object([
                ("edge", .string(link.edge)), ("id", .string(link.node.description)), ("label", .string(link.label)),
                ("kind", .string(link.node.kind.rawValue)), ("source", link.source.map(FactJSON.source) ?? .null),
            ])
        }
        return .object([
            ("id", .string(page.id.description)), ("kind", .string(page.kind.rawValue)), ("label", .string(page.label)),
            ("tx", .integer(Int64(page.asOf))),
            ("attributes", .array(page.attributes.map { attribute in
                .object([
                    ("name", .string(attribute.name)), ("value", FactJSON.value(attribute.value)),
                    ("source", attribute.source.map(FactJSON.source) ?? .null),
                ])
            })),
            ("out", .array(page.outgoing.map(link))),
            ("in", .array(page.incoming.map(link))),
            ("sources", .array(page.sources.map { line in
                .object([("document", .string(line.document)), ("line", .integer(line.line)), ("text", .string(line.text))])
            })),
            ("history", .array(page.history.map(HistoryView.entry))),
        ])
    }
}
