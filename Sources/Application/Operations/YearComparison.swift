import Ingestion
import TextLayout
import WardGraph

/// Two documents of one ward compared measure by measure: what `wardgraph diff
/// 泉区 R7 R8` and `:diff` show (`DocumentDiff` matches renamed and moved measures by
/// title similarity and position, not by equal titles alone).
public struct YearComparison: Sendable {
    public let ward: String
    public let old: WardDocument
    public let new: WardDocument
    public let diff: DocumentDiff

    /// Compares `ward`'s documents of `from` and `to` (R7, 令和7年度, 2025); with no
    /// years, its two latest. Errors name the ward's years, or the closest ward.
    public init(_ snapshot: GraphSnapshot, ward name: String, from: String? = nil, to: String? = nil) throws(OperationError) {
        let all = snapshot.wardDocuments()
        let ward = name.nfkc
        let documents = all.filter { $0.ward == ward }
        guard !documents.isEmpty else {
            let wards = Array(Set(all.map(\.ward))).sorted()
            throw OperationError(.notFound, "there is no ward \(name) in the graph\(Suggestion.hint(for: ward, in: wards)); the wards are \(wards.joined(separator: ", "))")
        }
        let years = documents.map(\.year.short).joined(separator: ", ")
        func document(_ text: String) throws(OperationError) -> WardDocument {
            guard let year = FiscalYear(text) else {
                throw OperationError(.badInput, "'\(text)' is not a fiscal year; write R7, 令和7年度 or 2025 (\(name) has \(years))")
            }
            guard let found = documents.first(where: { $0.year == year }) else {
                throw OperationError(.notFound, "\(name) has no document of \(year.short) (\(year.japanese)); its years are \(years)")
            }
            return found
        }
        switch (from, to) {
        case (let a?, let b?):
            old = try document(a)
            new = try document(b)
        case (nil, nil):
            guard documents.count >= 2 else {
                throw OperationError(.notFound, "\(name) has one document (\(years)); there is nothing to compare it with yet")
            }
            old = documents[documents.count - 2]
            new = documents[documents.count - 1]
        default:
            throw OperationError(.badInput, "give two years, as in 'diff \(name) R6 R7', or none for the two latest")
        }
        self.ward = documents[0].ward
        let facts = snapshot.facts()
        diff = DocumentDiff(from: DocumentOutline(document: old.document, facts: facts), to: DocumentOutline(document: new.document, facts: facts))
    }
}
