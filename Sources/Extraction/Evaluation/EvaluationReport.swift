/// What is scored: the four node kinds and the three edge types.
public enum EvaluationKind: String, Sendable, CaseIterable {
    case measures, sections, partners, plans
    case partnersWith = "partners_with"
    case implements
    case subMeasure = "sub_measure"
}

/// Precision and recall per kind, pooled over documents and per document.
public struct EvaluationReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var kind: EvaluationKind
        public var matched: Int
        public var extracted: Int
        public var gold: Int

        public init(kind: EvaluationKind, matched: Int, extracted: Int, gold: Int) {
            self.kind = kind
            self.matched = matched
            self.extracted = extracted
            self.gold = gold
        }

        /// matched / extracted; nil when nothing was extracted.
        public var precision: Double? { extracted == 0 ? nil : Double(matched) / Double(extracted) }
        /// matched / gold; nil when the gold has none.
        public var recall: Double? { gold == 0 ? nil : Double(matched) / Double(gold) }
    }

    public struct DocumentScore: Sendable, Equatable {
        public var document: String
        public var rows: [Row]
    }

    /// Sums over all documents.
    public var pooled: [Row]
    public var documents: [DocumentScore]

    /// The pooled row for `kind`.
    public func pooled(_ kind: EvaluationKind) -> Row {
        pooled.first { $0.kind == kind } ?? Row(kind: kind, matched: 0, extracted: 0, gold: 0)
    }

    /// An aligned plain-text table: the pooled rows, then each document's.
    ///
    ///     scope          kind           matched  extracted   gold  precision  recall
    ///     pooled         measures            92         95     94      0.968   0.979
    ///
    /// Undefined ratios (nothing extracted, or no gold) print as `-`. Alignment pads
    /// by character count, which is right because every cell is ASCII (the document
    /// names are file names).
    public func table() -> String {
        let header = ["scope", "kind", "matched", "extracted", "gold", "precision", "recall"]
        var cells: [[String]] = []
        func add(_ scope: String, _ rows: [Row]) {
            for row in rows {
                cells.append([scope, row.kind.rawValue, String(row.matched), String(row.extracted), String(row.gold),
                              Self.format(row.precision), Self.format(row.recall)])
            }
        }
        add("pooled", pooled)
        for document in documents { add(document.document, document.rows) }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + pad : pad + cell  // names left, numbers right
            }.joined(separator: "  ")
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
