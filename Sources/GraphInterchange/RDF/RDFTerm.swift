import TextLayout

/// A node of an RDF graph: an IRI or a literal. WardGraph's exports mint an IRI
/// for everything they describe, so there are no blank nodes and two exports of
/// the same graph are the same text.
public enum RDFTerm: Hashable, Sendable, Comparable {
    case iri(String)
    /// A literal: its lexical form, and a language tag or a datatype IRI (neither:
    /// a plain `xsd:string`).
    case literal(String, language: String? = nil, datatype: String? = nil)

    public static func string(_ text: String) -> RDFTerm { .literal(text) }

    public static func japanese(_ text: String) -> RDFTerm { .literal(text, language: "ja") }

    public static func english(_ text: String) -> RDFTerm { .literal(text, language: "en") }

    public static func integer(_ n: Int64) -> RDFTerm { .literal(String(n), datatype: XSD.integer) }

    /// The term in N-Triples syntax (also valid Turtle).
    public var nTriples: String {
        switch self {
        case .iri(let iri): return "<" + Self.escapedIRI(iri) + ">"
        case .literal(let text, let language, let datatype):
            let quoted = Self.quotedLiteral(text)
            if let language { return quoted + "@" + language }
            if let datatype, datatype != XSD.string { return quoted + "^^<" + Self.escapedIRI(datatype) + ">" }
            return quoted
        }
    }

    /// IRIs before literals, then by their N-Triples text: the order of the output.
    public static func < (a: RDFTerm, b: RDFTerm) -> Bool {
        switch (a, b) {
        case (.iri, .literal): return true
        case (.literal, .iri): return false
        default: return a.nTriples.utf8.lexicographicallyPrecedes(b.nTriples.utf8)
        }
    }

    /// An IRI's characters that N-Triples cannot hold as they are become `\u` escapes.
    /// The exporter percent-encodes what it mints, so this only guards against a
    /// `--base` given with a space or a quote.
    static func escapedIRI(_ iri: String) -> String {
        var out = ""
        for scalar in iri.unicodeScalars {
            switch scalar {
            case "<", ">", "\"", "{", "}", "|", "^", "`", "\\", " ":
                out += unicodeEscape(scalar)
            default:
                if scalar.value <= 0x20 || scalar.value == 0x7F { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A literal's text, quoted, with the escapes N-Triples and Turtle share with
    /// JSON (`\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX` for other controls); everything
    /// else, Japanese included, is written as UTF-8.
    static func quotedLiteral(_ text: String) -> String {
        JSONText.string(text)
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// One statement: subject, predicate, object.
public struct RDFTriple: Hashable, Sendable, Comparable {
    public let subject: RDFTerm
    public let predicate: String
    public let object: RDFTerm

    public init(_ subject: RDFTerm, _ predicate: String, _ object: RDFTerm) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public static func < (a: RDFTriple, b: RDFTriple) -> Bool {
        if a.subject != b.subject { return a.subject < b.subject }
        if a.predicate != b.predicate { return a.predicate.utf8.lexicographicallyPrecedes(b.predicate.utf8) }
        return a.object < b.object
    }
}
