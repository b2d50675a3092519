import Foundation
import Testing
@testable import Extraction

/// Extraction quality, pooled over each annotated set, must stay above the agreed
/// floors: on the five seed documents, on the development set of five other wards,
/// on blind sets A and B of four more each and on blind set C of six. Each table is printed so that a run
/// shows where it stands.
@Suite struct QualityFloorTests {
    static let seedFloors: [(EvaluationKind, Double)] = [
        (.sections, 0.95), (.partners, 0.85), (.plans, 0.85), (.measures, 0.85), (.partnersWith, 0.75), (.implements, 0.75),
    ]

    static let devsetFloors: [(EvaluationKind, Double)] = [
        (.measures, 0.85), (.sections, 0.85), (.partners, 0.85), (.plans, 0.85),
        (.partnersWith, 0.75), (.implements, 0.75), (.subMeasure, 0.75),
    ]

    @Test func seedScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation(of: Corpus.documents)
        print(report.table())
        Self.expect(report, above: Self.seedFloors, set: "seeds")
    }

    @Test func devsetScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation(of: Corpus.devsetDocuments)
        print(report.table())
        Self.expect(report, above: Self.devsetFloors, set: "devset")
    }

    /// Blind set A: four documents written without reading the extractor, in
    /// combinations of layout families no seed or devset document uses.
    @Test func blindSetAScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation(of: Corpus.blindADocuments)
        print(report.table())
        Self.expect(report, above: Self.devsetFloors, set: "blind set A")
    }

    /// Blind set B: four more such documents, which measured the extractor before
    /// anyone on the team had read them (then developed against, like set A).
    @Test func blindSetBScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation(of: Corpus.blindBDocuments)
        print(report.table())
        Self.expect(report, above: Self.devsetFloors, set: "blind set B")
    }

    /// Blind set C: six more such documents, with sections and plan citations in
    /// places and spellings no earlier document uses (then developed against).
    @Test func blindSetCScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation(of: Corpus.blindCDocuments)
        print(report.table())
        Self.expect(report, above: Self.devsetFloors, set: "blind set C")
    }

    /// Blind set D: four documents in typical layouts, the last honest measure.
    @Test func blindSetDScoresAreAboveTheFloors() throws {
        let report = try Corpus.evaluation(of: Corpus.blindDDocuments)
        print(report.table())
        Self.expect(report, above: Self.devsetFloors, set: "blind set D")
    }

    /// Records an issue for every pooled precision or recall below its floor.
    static func expect(_ report: EvaluationReport, above floors: [(EvaluationKind, Double)], set: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        for (kind, floor) in floors {
            let row = report.pooled(kind)
            #expect((row.precision ?? 0) >= floor, "\(set): \(kind.rawValue) precision \(row.precision ?? 0) below \(floor)",
                    sourceLocation: sourceLocation)
            #expect((row.recall ?? 0) >= floor, "\(set): \(kind.rawValue) recall \(row.recall ?? 0) below \(floor)",
                    sourceLocation: sourceLocation)
        }
    }
}
