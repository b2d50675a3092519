import Foundation

/// Golden files: expected output kept in the source tree, compared byte for byte.
///
/// After an intended change to the output, rerun the tests with
/// `WARDGRAPH_UPDATE_GOLDEN=1` to rewrite the files, and review the diff.
public enum GoldenFile {
    /// Whether this run rewrites the golden files (`WARDGRAPH_UPDATE_GOLDEN=1`).
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["WARDGRAPH_UPDATE_GOLDEN"] == "1"
    }

    /// The golden bytes to compare `written` with. When updating, `written` first
    /// replaces the file at `source` (in the source tree). The golden is then read
    /// from `copy` (for instance the test bundle's copy of the file) or else `source`.
    public static func expected(_ written: Data, updating source: URL, readingFrom copy: (() throws -> URL)? = nil) throws -> Data {
        if isUpdating { try written.write(to: source, options: .atomic) }
        return try Data(contentsOf: try copy?() ?? source)
    }

    /// The golden text to compare `written` with (see the `Data` form).
    public static func expected(_ written: String, updating source: URL, readingFrom copy: (() throws -> URL)? = nil) throws -> String {
        if isUpdating { try Data(written.utf8).write(to: source, options: .atomic) }
        return try String(contentsOf: try copy?() ?? source, encoding: .utf8)
    }

    /// The first line where two outputs differ, for a readable failure.
    public static func firstDifference(_ a: Data, _ b: Data) -> String {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, (x, y)) in zip(left, right).enumerated() where !x.utf8.elementsEqual(y.utf8) {
            return "line \(index + 1): written \(x.debugDescription), golden \(y.debugDescription)"
        }
        return "written has \(left.count) lines, golden \(right.count)"
    }
}
