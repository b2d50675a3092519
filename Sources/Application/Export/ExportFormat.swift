import Foundation
import GraphExport
import GraphViz
import TextLayout

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
    /// The export: its bytes, what was done to keep it legible, and its size.
    func render(_ request: ExportRequest, from source: ExportSource) throws(OperationError) -> ExportedDiagram
}

extension ExportFormat {
    /// The bytes of the export.
    public func export(_ request: ExportRequest, from source: ExportSource) throws(OperationError) -> [UInt8] {
        try render(request, from: source).bytes
    }
}

/// An export made: its bytes, the notes of what the layout did (said to the person
/// who asked), and its width in pixels when it is an image.
public struct ExportedDiagram: Sendable {
    public let bytes: [UInt8]
    public let notes: [String]
    /// The width at 96 dpi (a PNG's own pixels; an SVG's or a PDF's points × 4/3).
    public let widthPixels: Int?

    /// Beyond this width a viewer shrinks a diagram until its labels cannot be read.
    public static let legibleWidth = 10_000

    /// A warning when the image is wider than `legibleWidth`, saying what to do.
    public var widthWarning: String? {
        guard let widthPixels, widthPixels > Self.legibleWidth else { return nil }
        return "the diagram is \(widthPixels.grouped) px wide, more than \(Self.legibleWidth.grouped): a viewer shrinks it until its labels cannot be read; draw less (--ward NAME, --shared-partners, a narrower --query) or one page per ward (--per-ward)"
    }
}

/// The export formats, by name and by extension.
public enum ExportFormats {
    public static let all: [any ExportFormat] = [DiagramFormat.dot, DiagramFormat.svg, DiagramFormat.png, DiagramFormat.pdf, RDFFormat.nTriples, RDFFormat.turtle]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> (any ExportFormat)? {
        all.first { $0.name == name.lowercased() }
    }

    /// The format a path's extension names, if any (`.gv` is DOT too).
    public static func forPath(_ path: String) -> (any ExportFormat)? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return all.first { $0.fileExtension == ext || ($0.name == "dot" && ext == "gv") }
    }

    /// The extensions a file may be given, for messages: `.dot, .gv, .svg, .png, .pdf, …`.
    public static var extensions: String {
        all.flatMap { $0.name == "dot" ? [".dot", ".gv"] : ["." + $0.fileExtension] }.joined(separator: ", ")
    }

    /// The format to write `path` in (nil: standard output): the one `explicit`
    /// (`--format`) names, else the one the path's extension names, else DOT. An
    /// extension that names no format, an unknown format, or one that contradicts the
    /// extension is refused: a file called `x.jpg` must never hold DOT text.
    /// `alsoNamed`: formats a front end handles itself, named in the message.
    public static func choose(path: String?, explicit: String?, alsoNamed: [String] = []) throws(OperationError) -> any ExportFormat {
        var named: (any ExportFormat)?
        if let explicit {
            guard let format = ExportFormats.named(explicit) else {
                let known = names + alsoNamed
                throw OperationError(.badInput, "unknown format '\(explicit)'\(Suggestion.hint(for: explicit, in: known)); the formats are \(known.joined(separator: ", "))")
            }
            named = format
        }
        let ext = path.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        guard let path, !ext.isEmpty else { return named ?? DiagramFormat.dot }
        guard let byExtension = forPath(path) else {
            throw OperationError(.badInput, "cannot write a diagram to '\(path)': its extension .\(ext) names no format this program writes; use one of \(extensions)")
        }
        if let named, named.name != byExtension.name {
            throw OperationError(.badInput, "--format \(named.name) contradicts the extension of '\(path)' (.\(ext) is \(byExtension.name)); name the file .\(named.fileExtension), or leave out --format")
        }
        return byExtension
    }
}

/// Diagrams: DOT as written, or SVG, PNG and PDF through Graphviz (run with an
/// argument vector, never a shell). Without `dot`, they are `notInstalled` with the
/// install hint.
public struct DiagramFormat: ExportFormat {
    public let name: String
    public let fileExtension: String
    public let mediaType: String
    let rendering: GraphvizRenderer.Format?

    public static let dot = DiagramFormat(name: "dot", fileExtension: "dot", mediaType: "text/vnd.graphviz; charset=utf-8", rendering: nil)
    public static let svg = DiagramFormat(name: "svg", fileExtension: "svg", mediaType: "image/svg+xml", rendering: .svg)
    public static let png = DiagramFormat(name: "png", fileExtension: "png", mediaType: "image/png", rendering: .png)
    public static let pdf = DiagramFormat(name: "pdf", fileExtension: "pdf", mediaType: "application/pdf", rendering: .pdf)

    public func render(_ request: ExportRequest, from source: ExportSource) throws(OperationError) -> ExportedDiagram {
        let diagram = try source.diagram(request)
        let dot = DotWriter(options: DotWriter.Options(fontName: request.font)).write(diagram.graph)
        guard let rendering else { return ExportedDiagram(bytes: Array(dot.utf8), notes: diagram.notes, widthPixels: nil) }
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
        let bytes = [UInt8](data)
        return ExportedDiagram(bytes: bytes, notes: diagram.notes, widthPixels: ImageSize.width(of: bytes, format: rendering))
    }
}

/// The width of a rendered diagram, read from its bytes: a PNG's IHDR, an SVG's
/// `width="…pt"`, a PDF's first `/MediaBox`; points are taken at 96 dpi (× 4/3).
enum ImageSize {
    static func width(of bytes: [UInt8], format: GraphvizRenderer.Format) -> Int? {
        switch format {
        case .png:
            // Signature (8), chunk length (4), "IHDR" (4), then the width, big-endian.
            guard bytes.count >= 24, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
            return bytes[16...19].reduce(0) { $0 << 8 | Int($1) }
        case .svg:
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            guard let svg = head.range(of: "<svg"), let width = head.range(of: "width=\"", range: svg.upperBound..<head.endIndex) else { return nil }
            let number = head[width.upperBound...].prefix { $0.isNumber || $0 == "." }
            let unit = head[width.upperBound...].dropFirst(number.count).prefix(2)
            return Double(number).map { Int(($0 * (unit == "pt" ? 4.0 / 3.0 : 1)).rounded()) }
        case .pdf:
            let text = String(decoding: bytes.prefix(65536), as: UTF8.self)
            guard let box = text.range(of: "/MediaBox [") else { return nil }
            let numbers = text[box.upperBound...].prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
            guard numbers.count == 4 else { return nil }
            return Int(((numbers[2] - numbers[0]) * 4 / 3).rounded())
        }
    }
}
