/// Cleaning and quoting of user text for DOT: the one place where escaping lives.
///
/// Every id, label and attribute value is written as a DOT double-quoted string,
/// never as a bare word or an HTML label `<…>`, so keywords (`node`, `subgraph`),
/// `->`, `{`, `}`, `;` and `<b>` inside user text are only text.
///
/// What Graphviz does with a quoted string, and how each hazard is met:
/// - Its lexer ends the string at the first `"` not preceded by `\`: quotes become
///   `\"`, and backslashes become `\\`, so a text ending in `\` cannot swallow the
///   closing quote.
/// - Labels and tooltips are then read as "escString": `\n`, `\l`, `\N`, `\G`…
///   are directives. Doubling every backslash keeps a user's `\N` literal, and the
///   writer's own line breaks are the only `\n` left.
/// - Labels also decode HTML entities (`&lt;` is shown as `<`). Writing `&` as
///   `&amp;` keeps `&lt;` in a policy text literal; a lone `&` is unaffected.
/// - `<`, `>`, `{`, `}` and `|` need nothing: they are special only in HTML labels
///   and in `shape=record`; the one HTML label the writer makes, a legend drawn as
///   a caption, escapes its text itself (`DotWriter.html`).
/// - Control characters are removed (SVG, being XML, cannot carry most of them);
///   CR, CRLF, U+0085, U+2028 and U+2029 become line breaks, tabs become spaces.
enum DotText {
    /// User text with line breaks normalised to `\n`, tabs made spaces, and every
    /// other control character removed.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR:
                continue  // the CR of this CRLF already gave the line break
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                scalars.append("\n")
            case 0x09:
                scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A display text (label, tooltip) already cleaned and split into lines, as a
    /// quoted DOT string whose lines are joined by the escString break `\n`.
    static func quotedLabel(lines: [String]) -> String {
        "\"" + lines.map { escape($0, entities: true) }.joined(separator: "\\n") + "\""
    }

    /// A display text cleaned, wrapped by `wrapper` and quoted: a node, edge, cluster,
    /// title or legend label.
    static func quotedLabel(_ text: String, wrappedBy wrapper: LabelWrapper) -> String {
        quotedLabel(lines: wrapper.lines(clean(text)))
    }

    /// Any user text as a quoted DOT string showing it as one or more lines.
    static func quotedLabel(_ text: String) -> String {
        quotedLabel(lines: clean(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// A node id, cluster name or attribute value as a quoted DOT string.
    ///
    /// Ids are not escStrings, so entities are left alone; a line break inside an
    /// id is kept distinct from a space by writing it as the two characters `\n`.
    static func quoted(_ text: String) -> String {
        let lines = clean(text).split(separator: "\n", omittingEmptySubsequences: false)
        return "\"" + lines.map { escape(String($0), entities: false) }.joined(separator: "\\n") + "\""
    }

    /// Backslash and quote escaped; `&` as `&amp;` where Graphviz decodes entities.
    /// The input holds no line breaks or control characters (see `clean`).
    private static func escape(_ line: String, entities: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "&" where entities: out.append(contentsOf: "&amp;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
