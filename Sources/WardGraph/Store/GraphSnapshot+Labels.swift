/// Finding nodes by the names people write.
extension GraphSnapshot {
    /// Nodes by label. Measures and documents are left out when another kind has the
    /// same label, since a planner's names are mostly of wards, partners, plans and
    /// sections: `泉区` is the ward, not a measure titled 泉区. Made once per snapshot
    /// and shared by its copies.
    public func nodesByLabel() -> [String: [NodeID]] {
        memos.nodesByLabel.value(makeNodesByLabel)
    }

    private func makeNodesByLabel() -> [String: [NodeID]] {
        var index: [String: [NodeID]] = [:]
        forEachFact { entity, attribute, value in
            guard attribute == "label", case .text(let label) = value, let id = try? NodeID(parsing: entity) else { return }
            index[label, default: []].append(id)
        }
        for (label, ids) in index where ids.count > 1 {
            let preferred = ids.filter { $0.kind != .measure && $0.kind != .document }
            index[label] = preferred.isEmpty ? ids : preferred
        }
        return index
    }
}

extension GraphSnapshot {
    /// Whether `text` is a string the store has seen: a node id, an attribute or a
    /// value (of this snapshot or of a later transaction). O(1), for checking the
    /// constants of a query before it runs.
    public func mentions(_ text: String) -> Bool {
        symbols.lookup(text) != nil
    }
}
