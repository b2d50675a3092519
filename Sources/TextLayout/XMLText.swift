/// Text for XML and for the XML-like labels of Graphviz: the markup characters as
/// entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`), in content and in
/// attribute values alike. What else a format cannot carry (XML 1.0 forbids most
/// control characters) each caller decides with `other`.
///
///     XMLText.escaped("a<b & \"c\"")                        // a&lt;b &amp; &quot;c&quot;
///     XMLText.escaped("x\ny") { $0 == "\n" ? " " : nil }    // x y
public enum XMLText {
    /// `text` escaped; `other` gives a replacement for a scalar, or nil to keep it.
    public static func escaped(_ text: String, other: (Unicode.Scalar) -> String? = { _ in nil }) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if let replacement = other(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
