/// The namespaces of the RDF export, with the prefixes Turtle output declares.
///
/// WardGraph's own terms (`wg:`) are described, with Japanese and English labels,
/// in `Graph/vocabulary.ttl`; the rest are W3C and DCMI standards.
public enum Namespace {
    /// WardGraph's vocabulary: one class per node kind, one property per edge type
    /// and attribute, and the terms of provenance (`wg:Excerpt`, `wg:first_line` …).
    public static let wardGraph = "https://w3id.org/wardgraph/vocab#"
    /// Where node IRIs start unless `--base` says otherwise.
    public static let defaultBase = "https://w3id.org/wardgraph/id/"

    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    public static let prov = "http://www.w3.org/ns/prov#"
    public static let dcterms = "http://purl.org/dc/terms/"

    /// Prefix and namespace, in the order Turtle output lists them.
    public static let prefixes: [(prefix: String, namespace: String)] = [
        ("wg", wardGraph), ("rdf", rdf), ("rdfs", rdfs), ("xsd", xsd), ("owl", owl), ("prov", prov), ("dcterms", dcterms),
    ]
}

/// The terms of standard vocabularies that the export uses.
public enum RDF {
    public static let type = Namespace.rdf + "type"
    public static let statement = Namespace.rdf + "Statement"
    public static let subject = Namespace.rdf + "subject"
    public static let predicate = Namespace.rdf + "predicate"
    public static let object = Namespace.rdf + "object"
    public static let label = Namespace.rdfs + "label"
}

public enum XSD {
    public static let string = Namespace.xsd + "string"
    public static let integer = Namespace.xsd + "integer"
    public static let dateTime = Namespace.xsd + "dateTime"
    public static let gYear = Namespace.xsd + "gYear"
}

public enum PROV {
    public static let entity = Namespace.prov + "Entity"
    public static let activity = Namespace.prov + "Activity"
    public static let agent = Namespace.prov + "Agent"
    public static let wasDerivedFrom = Namespace.prov + "wasDerivedFrom"
    public static let wasGeneratedBy = Namespace.prov + "wasGeneratedBy"
    public static let wasAttributedTo = Namespace.prov + "wasAttributedTo"
    public static let wasAssociatedWith = Namespace.prov + "wasAssociatedWith"
    public static let endedAtTime = Namespace.prov + "endedAtTime"
}

public enum DCTerms {
    public static let identifier = Namespace.dcterms + "identifier"
    public static let isPartOf = Namespace.dcterms + "isPartOf"
}
