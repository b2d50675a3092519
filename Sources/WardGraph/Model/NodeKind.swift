/// The six kinds of node in a ward policy graph (see `Graph/README` in the project README).
///
/// A node's kind is the prefix of its id (`ward:泉区`), so it can always be read off
/// the id without a lookup.
public enum NodeKind: String, CaseIterable, Sendable, Comparable {
    /// A ward of the city, with the fiscal years of its documents.
    case ward
    /// A policy (施策) or an initiative under one (取組, 事業), per document.
    case measure
    /// A unit of the ward office (課, 室, 担当, 土木事務所 …).
    case section
    /// An organisation outside the ward office that a measure works with.
    case partner
    /// A plan, strategy or city-wide policy frame that measures implement.
    case plan
    /// A source document: one ward's policy for one fiscal year.
    case document

    /// The kind named by the prefix of an id given as UTF-8 bytes (`ward:…`), if known;
    /// lets the store check ids it reads back without making strings.
    public init?(prefixOf id: UnsafeRawBufferPointer) {
        guard let colon = id.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        for kind in NodeKind.allCases where kind.rawValue.utf8.count == colon {
            if kind.rawValue.utf8.elementsEqual(id[0..<colon]) {
                self = kind
                return
            }
        }
        return nil
    }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
