/// The two text syntaxes of the export, N-Triples and Turtle, both deterministic:
/// the same triples give the same bytes, whatever order they came in.
public enum RDFSyntax: String, CaseIterable, Sendable {
    /// One triple per line, sorted by their bytes, duplicates dropped. Easy to
    /// diff, to `sort -m`, and to load in bulk.
    case nTriples = "nt"
    /// Prefixed names, one block per subject (sorted), `;` between its predicates
    /// and `,` between the objects of one predicate.
    case turtle = "ttl"

    /// Serialises `triples`.
    public func write(_ triples: [RDFTriple]) -> String {
        switch self {
        case .nTriples: return NTriplesWriter.write(triples)
        case .turtle: return TurtleWriter.write(triples)
        }
    }
}

/// N-Triples (RDF 1.1): `<s> <p> o .` per line, UTF-8, sorted.
enum NTriplesWriter {
    static func write(_ triples: [RDFTriple]) -> String {
        var lines = triples.map { "\($0.subject.nTriples) <\(RDFTerm.escapedIRI($0.predicate))> \($0.object.nTriples) .\n" }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count })
        var previous: String?
        for line in lines where line != previous {
            out += line
            previous = line
        }
        return out
    }
}

/// Turtle (RDF 1.1) with the prefixes of `Namespace.prefixes`.
enum TurtleWriter {
    private struct Rendered {
        let subject: String
        let predicate: String
        let object: String
    }

    static func write(_ triples: [RDFTriple]) -> String {
        var out = ""
        for (prefix, namespace) in Namespace.prefixes { out += "@prefix \(prefix): <\(namespace)> .\n" }
        var rendered = triples.map {
            Rendered(subject: term($0.subject), predicate: $0.predicate == RDF.type ? "a" : name($0.predicate), object: term($0.object))
        }
        rendered.sort { a, b in
            if a.subject != b.subject { return a.subject.utf8.lexicographicallyPrecedes(b.subject.utf8) }
            // `a` (rdf:type) first, as people expect to read a subject's class first.
            if a.predicate != b.predicate {
                if a.predicate == "a" || b.predicate == "a" { return a.predicate == "a" }
                return a.predicate.utf8.lexicographicallyPrecedes(b.predicate.utf8)
            }
            return a.object.utf8.lexicographicallyPrecedes(b.object.utf8)
        }
        var index = 0
        while index < rendered.count {
            let subject = rendered[index].subject
            out += "\n" + subject
            var firstPredicate = true
            while index < rendered.count && rendered[index].subject == subject {
                let predicate = rendered[index].predicate
                out += (firstPredicate ? " " : " ;\n    ") + predicate + " "
                firstPredicate = false
                var previous: String?
                while index < rendered.count && rendered[index].subject == subject && rendered[index].predicate == predicate {
                    let object = rendered[index].object
                    if object != previous {
                        out += (previous == nil ? "" : ", ") + object
                        previous = object
                    }
                    index += 1
                }
            }
            out += " .\n"
        }
        return out
    }

    /// An IRI as a prefixed name when it is in a declared namespace with a plain
    /// local part, else in full.
    static func name(_ iri: String) -> String {
        for (prefix, namespace) in Namespace.prefixes where iri.hasPrefix(namespace) {
            let local = String(iri.dropFirst(namespace.count))
            if IRIEncoding.isPlainLocalName(local) { return prefix + ":" + local }
        }
        return "<" + RDFTerm.escapedIRI(iri) + ">"
    }

    static func term(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let iri): return name(iri)
        case .literal(let text, let language, let datatype):
            let quoted = RDFTerm.quotedLiteral(text)
            if let language { return quoted + "@" + language }
            if datatype == XSD.integer, Int64(text) != nil { return text }
            if let datatype, datatype != XSD.string { return quoted + "^^" + name(datatype) }
            return quoted
        }
    }
}
