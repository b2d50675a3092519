import Datalog
import WardGraph

/// The graph's relations (those `wardgraph query` reads: `ward`, `has_measure`,
/// `label`, `attr`, …) as Soufflé fact files with their `schema.dl`.
public enum SouffleExport {
    /// Writes every graph relation of `snapshot` into `directory`; returns the
    /// relations and their numbers of tuples.
    @discardableResult
    public static func write(_ snapshot: GraphSnapshot, to directory: String) throws -> [(relation: String, tuples: Int)] {
        let engine = DatalogEngine()
        GraphRelations.register(snapshot, on: engine)
        return try SouffleFacts.write(GraphRelations.signatures.map(\.name), of: engine, to: directory)
    }
}
