import Foundation
import OutputFiles

/// Writes a `DotGraph` as Graphviz DOT text that `dot` always accepts and that is
/// byte-identical for the same graph, whatever order its parts were added in.
///
///     var graph = DotGraph(name: "wards")
///     graph.add(DotNode(id: "asahi", label: "旭区"))
///     graph.add(DotNode(id: "izumi", label: "泉区"))
///     graph.add(DotEdge(from: "asahi", to: "izumi", label: "隣接"))
///     let dot = DotWriter().write(graph)
///
/// The file declares `charset="UTF-8"` and a font with Japanese glyphs on graph,
/// nodes and edges; then nodes outside clusters, each cluster, edges, and last the
/// legend. All user text goes through `DotText` (quoting, escaping, cleaning) and
/// display labels through `LabelWrapper`; ordering is `CanonicalGraph`'s.
public struct DotWriter: Sendable {
    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The DOT text for `graph`, ending in a newline.
    public func write(_ graph: DotGraph) -> String {
        let canonical = CanonicalGraph(
            graph,
            node: { node, id in nodeStatement(node, id: id) },
            edge: { from, to, edge in edgeStatement(from: from, to: to, edge, directed: graph.isDirected) })
        var sections: [[String]] = [header(graph)]
        sections.append(canonical.unclustered.map { "  " + $0.statement })
        let declared = Self.clustersByKey(graph.clusters)
        for cluster in canonical.clusters {
            sections.append(clusterLines(key: cluster.key, nodes: cluster.nodes, declared: declared))
        }
        sections.append(canonical.edges.map { "  " + $0.statement })
        if options.drawsLegend, let legend = graph.legend, !legend.entries.isEmpty, legend.placement == .cluster {
            sections.append(legendLines(legend, avoiding: canonical.ids, graph: graph))
        }
        let name = DotText.clean(graph.name)
        let opening = (graph.isDirected ? "digraph" : "graph") + (name.isEmpty ? "" : " " + DotText.quoted(name)) + " {"
        let body = sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        return opening + "\n" + body + "\n}\n"
    }

    /// Writes the DOT text for `graph` to `path` as UTF-8, whole (see `OutputFile`).
    ///
    /// Kept apart from rendering so the DOT exists even when `dot` is missing or fails.
    public func write(_ graph: DotGraph, toFile path: String) throws(GraphvizError) {
        try Self.write(dot: write(graph), toFile: path)
    }

    /// Writes DOT text already made by `write(_:)` to `path` as UTF-8, whole (see
    /// `OutputFile`), so a caller that also renders the text need not make it twice.
    public static func write(dot text: String, toFile path: String) throws(GraphvizError) {
        do { try OutputFile.write(Array(text.utf8), to: path) } catch {
            throw GraphvizError.cannotWriteFile(path: path, reason: error.reason)
        }
    }

    /// The font name actually written: the option, or the default when it is blank.
    var fontName: String {
        let cleaned = DotText.clean(options.fontName).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? Options.defaultFontName : cleaned
    }

    var labelWrapper: LabelWrapper {
        LabelWrapper(width: options.wrapWidth, maxLines: options.maxLabelLines)
    }

    var titleWrapper: LabelWrapper {
        LabelWrapper(width: options.titleWrapWidth, maxLines: options.maxLabelLines)
    }

    func rankDirection(of graph: DotGraph) -> RankDirection {
        options.rankDirection ?? graph.rankDirection ?? .topToBottom
    }

    /// The graph, node and edge defaults: charset, font, direction, title, extras.
    private func header(_ graph: DotGraph) -> [String] {
        var attributes = DotAttributes()
        attributes.add("charset", "UTF-8")
        attributes.add("fontname", fontName)
        attributes.add("rankdir", rankDirection(of: graph).rawValue)
        if options.drawsLegend, let legend = graph.legend, !legend.entries.isEmpty, legend.placement == .caption {
            attributes.add("label", quoted: legendCaption(legend, title: graph.title))
            attributes.add("labelloc", "t")
        } else if let title = graph.title {
            attributes.add("label", quoted: DotText.quotedLabel(title, wrappedBy: titleWrapper))
            attributes.add("labelloc", "t")
        }
        let extras = graph.attributes
            .map { (DotText.clean($0.key), $0.value) }
            .filter { !$0.0.isEmpty && !Self.reservedGraphAttributes.contains($0.0) }
            .sorted { CanonicalGraph.less($0.0, $1.0) }
        for (name, value) in extras {
            attributes.add(DotText.quoted(name), value)
        }
        var fontOnly = DotAttributes()
        fontOnly.add("fontname", fontName)
        return [
            "  graph" + attributes.bracketed + ";",
            "  node" + fontOnly.bracketed + ";",
            "  edge" + fontOnly.bracketed + ";",
        ]
    }

    /// Graph attributes the writer sets itself; `DotGraph.attributes` cannot replace them.
    static let reservedGraphAttributes: Set<String> = ["charset", "fontname", "label", "labelloc", "rankdir"]
}
