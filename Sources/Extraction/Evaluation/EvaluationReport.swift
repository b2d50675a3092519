import TextLayout

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

    /// An aligned plain-text table (a ``TextTable`` without a rule): the pooled rows,
    /// then each document's.
    ///
    ///     scope          kind           matched  extracted   gold  precision  recall
    ///     pooled         measures            92         95     94      0.968   0.979
    ///
    /// Undefined ratios (nothing extracted, or no gold) print as `-`. Names are
    /// aligned left, numbers right.
    public func table() -> String {
        var table = TextTable(
            headers: ["scope", "kind", "matched", "extracted", "gold", "precision", "recall"],
            alignments: [.left, .left, .right, .right, .right, .right, .right])
        table.rule = false
        func add(_ scope: String, _ rows: [Row]) {
            for row in rows {
                table.add([scope, row.kind.rawValue, String(row.matched), String(row.extracted), String(row.gold),
                           Self.format(row.precision), Self.format(row.recall)])
            }
        }
        add("pooled", pooled)
        for document in documents { add(document.document, document.rows) }
        return table.rendered() + "\n"
    }

    private static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
