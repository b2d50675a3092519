/// An attribute list being built for one statement: `[shape="box", color="red"]`.
///
/// Attributes are written in the order added, and the writer adds them in one
/// fixed order per statement kind, so the output never depends on dictionary order.
/// Every value is quoted (see `DotText`), including numbers and enum names, so a
/// reader of the DOT file never has to know which values Graphviz would take bare.
struct DotAttributes {
    private(set) var items: [String] = []

    var isEmpty: Bool { items.isEmpty }

    /// Adds `name="value"` with `value` quoted as plain text; `nil` adds nothing.
    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        items.append("\(name)=\(DotText.quoted(value))")
    }

    /// Adds `name=value` where `value` is already a quoted DOT string.
    mutating func add(_ name: String, quoted value: String) {
        items.append("\(name)=\(value)")
    }

    mutating func add(_ name: String, _ color: DotColor?) {
        add(name, color?.value)
    }

    /// A width in points: finite values only, clamped to 0...100, at most two decimals.
    mutating func add(_ name: String, points: Double?) {
        guard let points, points.isFinite else { return }
        add(name, Self.format(min(100, max(0, points))))
    }

    /// A style list such as `filled,rounded`, in `NodeStyle.Options.all` order.
    mutating func add(_ name: String, _ options: NodeStyle.Options) {
        let names = NodeStyle.Options.all.filter { options.contains($0.option) }.map(\.name)
        if !names.isEmpty { add(name, names.joined(separator: ",")) }
    }

    /// ` [a="1", b="2"]`, or nothing when empty.
    var bracketed: String {
        items.isEmpty ? "" : " [" + items.joined(separator: ", ") + "]"
    }

    /// Formats a non-negative number without locale or exponent: `1`, `1.5`, `0.25`.
    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
