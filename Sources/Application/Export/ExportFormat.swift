import Foundation
import GraphViz

/// A way of writing an export out: one type per format, found by name (`--format`,
/// `:export FILE.svg`, `GET /api/export?format=svg`) or by a file's extension.
/// The front ends only look formats up here, so a format added to
/// `ExportFormats.all` is at once offered by the command line, the REPL and the API.
public protocol ExportFormat: Sendable {
    /// The name given to `--format` and `format=`.
    var name: String { get }
    var fileExtension: String { get }
    /// The Content-Type the HTTP service sends.
    var mediaType: String { get }
    /// The bytes of the export.
    func export(_ request: ExportRequest, from source: ExportSource) throws(OperationError) -> [UInt8]
}

/// The export formats, by name and by extension.
public enum ExportFormats {
    public static let all: [any ExportFormat] = [DiagramFormat.dot, DiagramFormat.svg, DiagramFormat.png, RDFFormat.nTriples, RDFFormat.turtle]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> (any ExportFormat)? {
        all.first { $0.name == name.lowercased() }
    }

    /// The format a path's extension names, if any.
    public static func forPath(_ path: String) -> (any ExportFormat)? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return all.first { $0.fileExtension == ext }
    }
}

/// Diagrams: DOT as written, or SVG and PNG through Graphviz's `dot` (run with an
/// argument vector, never a shell). Without `dot`, SVG and PNG are `notInstalled`
/// with the install hint.
public struct DiagramFormat: ExportFormat {
    public let name: String
    public let fileExtension: String
    public let mediaType: String
    let rendering: GraphvizRenderer.Format?

    public static let dot = DiagramFormat(name: "dot", fileExtension: "dot", mediaType: "text/vnd.graphviz; charset=utf-8", rendering: nil)
    public static let svg = DiagramFormat(name: "svg", fileExtension: "svg", mediaType: "image/svg+xml", rendering: .svg)
    public static let png = DiagramFormat(name: "png", fileExtension: "png", mediaType: "image/png", rendering: .png)

    public func export(_ request: ExportRequest, from source: ExportSource) throws(OperationError) -> [UInt8] {
        let dot = DotWriter(options: DotWriter.Options(fontName: request.font)).write(try source.diagram(request))
        guard let rendering else { return Array(dot.utf8) }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wardgraph-export-\(UUID().uuidString).\(fileExtension)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        do {
            try GraphvizRenderer().render(dot: dot, format: rendering, to: output)
        } catch {
            if case .dotNotFound = error { throw OperationError(.notInstalled, error.description) }
            throw OperationError(.failed, error.description)
        }
        guard let data = FileManager.default.contents(atPath: output) else {
            throw OperationError(.failed, "dot wrote no \(name.uppercased()) to \(output)")
        }
        return [UInt8](data)
    }
}
