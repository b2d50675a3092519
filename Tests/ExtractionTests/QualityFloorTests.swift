import Foundation
import Testing
@testable import Extraction

/// The extraction quality on the five annotated documents, pooled, must stay above the
/// agreed floors. The table is printed so that a run shows where it stands.
@Suite struct QualityFloorTests {
    static let floors: [(EvaluationKind, Double)] = [
        (.sections, 0.95), (.partners, 0.85), (.plans, 0.85), (.measures, 0.85), (.partnersWith, 0.75), (.implements, 0.75),
    ]

    @Test func pooledScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation()
        print(report.table())
        for (kind, floor) in Self.floors {
            let row = report.pooled(kind)
            #expect((row.precision ?? 0) >= floor, "\(kind.rawValue) precision \(row.precision ?? 0) below \(floor)")
            #expect((row.recall ?? 0) >= floor, "\(kind.rawValue) recall \(row.recall ?? 0) below \(floor)")
        }
    }
}
