import TextLayout
/// A small JSON writer that produces the gold files' exact layout: one-space
/// indentation, `"key": value`, every array element and object member on its own line,
/// non-ASCII characters written as themselves (the layout of Python's
/// `json.dumps(indent=1, ensure_ascii=False)`, which wrote the gold files).
///
/// Hand-written because `JSONEncoder` neither keeps key order nor lets the layout be
/// chosen, and the output must be byte-for-byte deterministic.
indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case null
    case array([JSONValue])
    /// Members in the order given.
    case object([(String, JSONValue)])

    /// The pretty-printed text, without a trailing newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let s): out += JSONText.string(s)
        case .int(let n): out += String(n)
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (k, (key, value)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                out += JSONText.string(key)
                out += ": "
                value.write(to: &out, indent: indent + 1)
                out += k + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
