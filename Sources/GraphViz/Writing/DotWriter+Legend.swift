/// The legend: a cluster of sample nodes and edges, one per entry, after the graph.
extension DotWriter {
    /// Lines of `subgraph "cluster legend" { … }`.
    ///
    /// Marked three ways so nobody reads it as data: a comment in the DOT, the
    /// legend's title as the cluster label, and a dashed grey border. Sample ids use
    /// a prefix no graph node id starts with, so they can never merge with real nodes.
    /// Entries are chained by invisible edges so `dot` keeps them in the given
    /// order: a column in top-to-bottom layouts, a row in left-to-right ones. In
    /// top-to-bottom layouts each sample edge's two points share a rank, so the
    /// sample is drawn across, like the text that explains it.
    func legendLines(_ legend: DotLegend, avoiding ids: Set<[UInt8]>, graph: DotGraph) -> [String] {
        let prefix = Self.legendPrefix(avoiding: ids)
        var frame = DotAttributes()
        frame.add("label", quoted: DotText.quotedLabel(legend.title, wrappedBy: titleWrapper))
        frame.add("style", "dashed,rounded")
        frame.add("color", "gray50")
        frame.add("fontcolor", "gray30")
        var lines = [
            "  // Legend: sample styles that explain the drawing; not part of the graph.",
            "  subgraph \"cluster legend\" {",
            "    graph" + frame.bracketed + ";",
        ]
        let direction = rankDirection(of: graph)
        let across = direction == .topToBottom || direction == .bottomToTop
        let arrow = graph.isDirected ? " -> " : " -- "
        var previous: String?
        func chain(to first: String, last: String) {
            if let previous { lines.append("    " + previous + arrow + first + " [style=\"invis\"];") }
            previous = last
        }
        for (index, entry) in legend.entries.enumerated() {
            switch entry {
            case .node(let label, let style):
                var attributes = DotAttributes()
                attributes.add("label", quoted: DotText.quotedLabel(label, wrappedBy: labelWrapper))
                addStyle(style, to: &attributes)
                let id = DotText.quoted("\(prefix)\(index)")
                lines.append("    " + id + attributes.bracketed + ";")
                chain(to: id, last: id)
            case .edge(let label, let style):
                let tail = DotText.quoted("\(prefix)\(index)a")
                let head = DotText.quoted("\(prefix)\(index)b")
                var point = DotAttributes()
                point.add("label", "")
                point.add("shape", NodeShape.point.rawValue)
                point.add("width", "0.06")
                point.add("color", style.color)
                lines.append("    " + tail + point.bracketed + ";")
                lines.append("    " + head + point.bracketed + ";")
                if across {
                    lines.append("    { rank=\"same\"; \(tail); \(head); }")
                }
                var attributes = DotAttributes()
                attributes.add("label", quoted: DotText.quotedLabel(label, wrappedBy: labelWrapper))
                addStyle(style, to: &attributes)
                lines.append("    " + tail + arrow + head + attributes.bracketed + ";")
                chain(to: tail, last: head)
            }
        }
        return lines + ["  }"]
    }

    /// `legend:`, lengthened with more `:` until no id in `ids` starts with it.
    static func legendPrefix(avoiding ids: Set<[UInt8]>) -> String {
        var prefix = "legend:"
        while ids.contains(where: { $0.starts(with: prefix.utf8) }) { prefix += ":" }
        return prefix
    }
}
