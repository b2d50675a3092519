import TextLayout

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

/// The legend as a caption: an HTML-like label of the title, then one cell per entry.
extension DotWriter {
    /// `<<TABLE …><TR><TD>title</TD></TR><TR><TD BGCOLOR=…>ward</TD>…</TR></TABLE>>`:
    /// a node entry is a cell in the style's fill and border colours, an edge entry
    /// its label after a line drawn in its colour (─ solid, ┄ dashed, ⋯ dotted).
    func legendCaption(_ legend: DotLegend, title: String?) -> String {
        var cells: [String] = []
        for entry in legend.entries {
            switch entry {
            case .node(let label, let style):
                var attributes = "BORDER=\"1\" CELLPADDING=\"4\""
                if let fill = style.fill { attributes += " BGCOLOR=\"\(Self.html(fill.value))\"" }
                if let border = style.border { attributes += " COLOR=\"\(Self.html(border.value))\"" }
                let text = style.fontColor.map { "<FONT COLOR=\"\(Self.html($0.value))\">\(Self.html(label))</FONT>" } ?? Self.html(label)
                cells.append("<TD \(attributes)>\(text)</TD>")
            case .edge(let label, let style):
                let stroke: String
                switch style.line {
                case .dashed?: stroke = "┄┄┄"
                case .dotted?: stroke = "⋯⋯"
                default: stroke = "───"
                }
                let color = Self.html(style.color?.value ?? "black")
                cells.append("<TD CELLPADDING=\"4\"><FONT COLOR=\"\(color)\">\(stroke)▶</FONT> \(Self.html(label))</TD>")
            }
        }
        var rows: [String] = []
        if let title {
            let lines = titleWrapper.lines(DotText.clean(title)).map(Self.html).joined(separator: "<BR/>")
            rows.append("<TR><TD COLSPAN=\"\(cells.count)\"><B>\(lines)</B></TD></TR>")
        }
        rows.append("<TR><TD COLSPAN=\"\(cells.count)\"><FONT COLOR=\"gray30\">\(Self.html(legend.title))</FONT></TD></TR>")
        rows.append("<TR>" + cells.joined() + "</TR>")
        return "<<TABLE BORDER=\"0\" CELLSPACING=\"6\">" + rows.joined() + "</TABLE>>"
    }

    /// Text for an HTML-like label: the markup characters as entities, controls
    /// dropped (`DotText.clean`), line breaks made spaces.
    static func html(_ text: String) -> String {
        XMLText.escaped(DotText.clean(text)) { $0 == "\n" ? " " : nil }
    }
}
