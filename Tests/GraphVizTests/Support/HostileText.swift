import Testing

/// Text chosen to break DOT files, HTML and record labels, escape sequences, and
/// terminals: each is used as an id, a label, an edge label, a cluster key and a title.
enum HostileText {
    static let longJapanese = String(
        String(repeating: "横浜市旭区は、地域の防災力を高め、子育て支援を充実させる。", count: 20).prefix(500))

    static var printable: [Printable] { all.map(Printable.init) }

    static let all: [String] = [
        #"say "hi""#,
        "\"",
        #"\"#,
        #"\\"#,
        #"ends with \"#,
        #"C:\new\table"#,
        #"\N \G \E \T \H \L \l \r \n"#,
        "<b>bold</b>",
        "</table>",
        "<<TABLE><TR><TD>cell</TD></TR></TABLE>>",
        "line1\nline2\r\nline3\rline4",
        "tab\tseparated\tvalues",
        "}",
        "{",
        "|",
        "{a|b}|<port> c",
        "->",
        "a -> b",
        "--",
        "x\"; y -> z [label=\"pwned\"]; //",
        "]",
        "node",
        "subgraph",
        "digraph",
        "strict",
        "// comment",
        "/* comment */",
        "# hash",
        "&lt;not a tag&gt; AT&T &amp; &#x41; &#65;",
        "",
        " ",
        longJapanese,
        "😀 家族👨‍👩‍👧 国旗🇯🇵 ❤️",
        "bell\u{7}nul\u{0}esc\u{1B}[31mred\u{7F}del\u{85}next\u{9B}csi",
        "e\u{301} é",  // decomposed and composed: different bytes, equal Strings
        "\u{202E}reversed\u{202C}",
        "ls\u{2028}ps\u{2029}end",
        "ｱｲｳｴｵ 半角カナ",
        "旭区の施策「防災・減災」、2024年度。",
    ]
}

/// A text as a test argument, shown escaped and shortened in test output, so that
/// control characters (an escape sequence turns a terminal red) and 500-character
/// labels do not reach the console raw.
struct Printable: Sendable, CustomTestStringConvertible {
    let text: String

    var testDescription: String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return shown.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}"
                ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }.joined()
    }
}
