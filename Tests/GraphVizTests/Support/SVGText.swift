import Foundation

/// The text an SVG from `dot` shows: the content of every `<text>` element,
/// XML entities decoded, non-breaking spaces (which `dot` writes for runs of
/// spaces) made plain spaces, and trimmed.
enum SVGText {
    static func lines(_ svg: String) -> [String] {
        var result: [String] = []
        var rest = Substring(svg)
        while let open = rest.range(of: "<text") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</text>")
            else { break }
            let content = rest[rest.index(after: tagEnd)..<close.lowerBound]
            result.append(normalise(DotSyntax.decodeEntities(String(content))))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// Trimmed, with non-breaking spaces as spaces: how a label line is compared.
    static func normalise(_ line: String) -> String {
        String(line.map { $0 == "\u{00A0}" ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }
}
