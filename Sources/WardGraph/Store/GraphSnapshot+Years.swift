import Foundation
/// A ward's policy document and its fiscal year, as the graph records them.
public struct WardDocument: Sendable, Hashable {
    /// The ward's name (its label).
    public let ward: String
    public let wardID: NodeID
    public let document: NodeID
    public let year: FiscalYear
}

/// Which document of each ward the planner relations read.
public enum YearSelection: Sendable, Equatable {
    /// Each ward's latest document: the default, so that one answer never mixes two
    /// years of the same ward.
    case latest
    /// The document of this fiscal year, for the wards that have one.
    case year(FiscalYear)

    /// Reads `latest` (or an empty text) and fiscal years such as `R6`, `令和6年度`, `2024`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "latest" || trimmed == "最新" {
            self = .latest
        } else if let year = FiscalYear(trimmed) {
            self = .year(year)
        } else {
            return nil
        }
    }
}

/// The documents the planner relations read, one per ward, and the wards left out.
public struct YearReading: Sendable, Equatable {
    public let selection: YearSelection
    /// The document read for each ward, sorted by ward name.
    public let read: [WardDocument]
    /// Wards that have no document of the chosen year, sorted.
    public let missing: [String]

    public init(_ documents: [WardDocument], selection: YearSelection) {
        self.selection = selection
        var byWard: [String: [WardDocument]] = [:]
        for document in documents { byWard[document.ward, default: []].append(document) }
        var read: [WardDocument] = []
        var missing: [String] = []
        for ward in byWard.keys.sorted() {
            let own = byWard[ward]!.sorted { $0.year < $1.year }
            switch selection {
            case .latest: read.append(own.last!)
            case .year(let year):
                if let match = own.first(where: { $0.year == year }) { read.append(match) } else { missing.append(ward) }
            }
        }
        self.read = read
        self.missing = missing
    }

    /// What a result over the planner relations says it read, e.g.
    /// `年度: 旭区 R8, 泉区 R7, 金沢区 R4`, or with a chosen year
    /// `年度: 泉区 R6 (R6 の文書がない区: 旭区, 金沢区)`.
    public var caption: String {
        var text = "年度: " + (read.isEmpty ? "なし" : read.map { "\($0.ward) \($0.year.short)" }.joined(separator: ", "))
        if case .year(let year) = selection, !missing.isEmpty {
            text += " (\(year.short) の文書がない区: \(missing.joined(separator: ", ")))"
        }
        return text
    }
}

extension GraphSnapshot {
    /// Every ward's documents with their fiscal years, sorted by ward, then year.
    /// A document belongs to the ward that has a `from_document` edge to it (else to
    /// the ward its id names, `document:泉区/R7`); its year is its `fiscal_year`
    /// fact (else its id's last segment). Made once per snapshot.
    public func wardDocuments() -> [WardDocument] {
        memos.wardDocuments.value(makeWardDocuments)
    }

    private func makeWardDocuments() -> [WardDocument] {
        var years: [NodeID: FiscalYear] = [:]
        var wardOf: [NodeID: NodeID] = [:]
        var labels: [NodeID: String] = [:]
        var documents = Set<NodeID>()
        forEachFact { entity, attribute, value in
            // Only wards and documents matter; ids in the store were checked on the way in.
            guard entity.utf8.starts(with: "document:".utf8) || entity.utf8.starts(with: "ward:".utf8) else { return }
            let id = NodeID(trusted: entity)
            switch (id.kind, attribute, value) {
            case (.document, "fiscal_year", .text(let text)):
                documents.insert(id)
                if let year = FiscalYear(text) { years[id] = year }
            case (.document, "kind", _):
                documents.insert(id)
            case (.ward, "from_document", .node(let document)) where document.kind == .document:
                wardOf[document] = id
            case (.ward, "label", .text(let label)):
                labels[id] = labels[id].map { min($0, label) } ?? label
            default:
                break
            }
        }
        var result: [WardDocument] = []
        for document in documents {
            let segments = document.name.split(separator: "/")
            guard let year = years[document] ?? segments.last.flatMap({ FiscalYear(String($0)) }) else { continue }
            let ward = wardOf[document] ?? NodeID.derived(.ward, [String(segments.first ?? "")])
            result.append(WardDocument(ward: labels[ward] ?? String(ward.lastSegment), wardID: ward, document: document, year: year))
        }
        return result.sorted { ($0.ward, $0.year.western) < ($1.ward, $1.year.western) }
    }

    /// The documents the planner relations read under `selection`.
    public func yearReading(_ selection: YearSelection) -> YearReading {
        YearReading(wardDocuments(), selection: selection)
    }
}
