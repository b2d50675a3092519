/// How WardGraph's names and constants are written in Soufflé's language.
///
/// Soufflé's identifiers are ASCII (`[?a-zA-Z]|[_?a-zA-Z][_?a-zA-Z0-9]+`), while
/// WardGraph's relation and variable names may be Japanese (`区の連携先`, `?区`).
/// An ASCII name that is not one of Soufflé's keywords is kept; any other becomes
/// `_r…` (relations) or `_v…` (variables) with each character outside `[A-Za-z0-9]`
/// written as `_HEX_`. WardGraph relation names never start with `_`, so a kept
/// name and an encoded one never meet; variables are made unique per rule.
enum SouffleSyntax {
    /// Soufflé's keywords (the words of its scanner, `src/parser/scanner.ll`), which
    /// cannot name a relation or a variable.
    static let reserved: Set<String> = [
        "as", "autoinc", "band", "bnot", "bor", "brie", "bshl", "bshr", "bshru", "btree", "btree_delete", "bxor", "cat",
        "contains", "count", "debug_delta", "eqrel", "false", "inline", "input", "land", "lnot", "lor", "lxor", "magic",
        "match", "max", "mean", "min", "nil", "no_inline", "no_magic", "ord", "output", "overridable", "printsize", "range",
        "recursive_iteration_cnt", "stateful", "strlen", "substr", "sum", "to_float", "to_number", "to_string",
        "to_unsigned", "true",
    ]

    /// Whether `name` is an identifier Soufflé reads as it is.
    static func isIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return false }
        func letter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == UInt8(ascii: "?") }
        func digit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        if bytes.count == 1 { return letter(first) }
        guard letter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.dropFirst().allSatisfy { letter($0) || digit($0) || $0 == UInt8(ascii: "_") }
    }

    /// The Soufflé name of a relation.
    static func relation(_ name: String) -> String {
        if isIdentifier(name) && !reserved.contains(name) && !name.hasPrefix("_") && !name.hasPrefix("?") { return name }
        return "_r" + encoded(name)
    }

    /// A variable's name before making it unique in its rule.
    static func variable(_ name: String) -> String {
        if isIdentifier(name) && !reserved.contains(name) { return name }
        return "_v" + encoded(name)
    }

    /// `[A-Za-z0-9]` kept; every other character as `_HEX_` (its code point).
    private static func encoded(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// A text constant as a Soufflé string literal, with its escapes (`\"` `\\`
    /// `\n` `\r` `\t`); nil for a text Soufflé cannot hold (a NUL character).
    static func string(_ text: String) -> String? {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": return nil
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Where an input is read: the fact file it came from (by its name, relative to
    /// `-F`), or `NAME.facts` as `wardgraph export --format souffle` writes them
    /// (tab-separated, quoted as RFC 4180 where a text needs it).
    static func inputDirective(_ souffleName: String, relation: String, file: String?) -> String {
        if let file {
            let base = file.split(separator: "/").last.map(String.init) ?? file
            let options = base.lowercased().hasSuffix(".csv") ? "rfc4180=true, delimiter=\",\"" : "delimiter=\"\\t\""
            return ".input \(souffleName)(IO=file, filename=\(string(base)!), \(options))"
        }
        return ".input \(souffleName)(IO=file, filename=\(string(relation + ".facts")!), rfc4180=true, delimiter=\"\\t\")"
    }

    /// `stem`, or `stem` + `separator` + 2, 3 … : the first that `used` does not hold,
    /// which then holds it.
    static func unique(_ stem: String, separator: String = "", in used: inout Set<String>) -> String {
        var name = stem
        var n = 2
        while used.contains(name) {
            name = stem + separator + String(n)
            n += 1
        }
        used.insert(name)
        return name
    }

    /// Soufflé's `number` is 32 bits unless it is built with `-DSOUFFLE_DOMAIN_64BIT=ON`.
    static let numberRange = Int64(Int32.min)...Int64(Int32.max)
}
