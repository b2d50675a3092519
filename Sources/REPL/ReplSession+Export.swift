import GraphExport
import WardGraph

/// `:export FILE [what]`: a diagram of the graph as the session sees it.
///
///     :export graph.svg                                 the whole graph
///     :export shared.svg shared-partners                wards and the partners they share
///     :export izumi.png ward 泉区                        one ward
///     :export q.dot ?- shares_partner_with(泉区, W, P).  the nodes a query's answers name
extension ReplSession {
    func export(_ argument: String) {
        let path = String(argument.prefix { !$0.isWhitespace })
        let rest = argument.dropFirst(path.count).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            fail(":export needs a file ending in .dot, .svg, .png or .pdf, as in :export shared.svg shared-partners")
            return
        }
        let format: DiagramFile.Format
        do { format = try DiagramFile.format(for: path, explicit: nil) } catch {
            fail(":export: \(error)")
            return
        }
        guard let snapshot = query.snapshot else { return }
        let selection: ExportSelection
        do {
            if rest.isEmpty {
                selection = .wholeGraph
            } else if rest == "shared-partners" {
                selection = .sharedPartners
            } else if rest.hasPrefix("ward ") {
                selection = .ward(rest.dropFirst(5).trimmingCharacters(in: .whitespaces))
            } else {
                selection = try QuerySelection.select(Self.queryStatement(rest), name: Self.inputSource, session: query)
            }
            let graph = try GraphExporter(snapshot: snapshot).graph(selection, maxNodes: GraphExporter.defaultMaxNodes)
            output.write(try DiagramFile.write(graph, format: format, to: path, font: DiagramFile.defaultFont) + "\n")
        } catch {
            fail(":export: \(error)")
        }
    }
}
