import Foundation
import GraphViz

/// Writes a diagram as DOT, SVG, PNG or PDF. SVG, PNG and PDF go through Graphviz's
/// `dot`; when it is missing the DOT is still written beside the requested file and
/// the error says how to install Graphviz.
public enum DiagramFile {
    public enum Format: String, CaseIterable, Sendable { case dot, svg, png, pdf }

    /// The font of labels unless one is chosen: one with Japanese glyphs.
    public static let defaultFont = DotWriter.Options.defaultFontName

    /// The file extensions a diagram may be written to, and the format of each.
    public static let extensions: KeyValuePairs<String, Format> = ["dot": .dot, "gv": .dot, "svg": .svg, "png": .png, "pdf": .pdf]

    private static var acceptedExtensions: String { extensions.map { "." + $0.key }.joined(separator: ", ") }

    /// The format to write `path` in: the one `explicit` names, else the one the
    /// path's extension names, else DOT (also for standard output, `path` nil).
    /// An extension that names no format, an unknown format, or one that contradicts
    /// the extension is refused: a file named `x.jpg` must never hold DOT text.
    public static func format(for path: String?, explicit: String?) throws -> Format {
        var named: Format?
        if let explicit {
            guard let format = Format(rawValue: explicit.lowercased()) else {
                throw ExportError("unknown format '\(explicit)'; the formats are \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            named = format
        }
        let pathExtension = path.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        guard !pathExtension.isEmpty else { return named ?? .dot }
        guard let byExtension = extensions.first(where: { $0.key == pathExtension })?.value else {
            throw ExportError("cannot write a diagram to '\(path!)': its extension .\(pathExtension) names no format this program writes; use one of \(acceptedExtensions)")
        }
        if let named, named != byExtension {
            throw ExportError("--format \(named.rawValue) contradicts the extension of '\(path!)' (.\(pathExtension) is \(byExtension.rawValue)); name the file .\(named.rawValue), or leave out --format")
        }
        return byExtension
    }

    /// Renders `graph`; returns the DOT text when `path` is nil (standard output), else
    /// a description of what was written.
    public static func write(_ graph: DotGraph, format: Format, to path: String?, font: String = defaultFont) throws -> String {
        let dot = DotWriter(options: DotWriter.Options(fontName: font)).write(graph)
        guard let path else {
            guard format == .dot else { throw ExportError("\(format.rawValue) output needs a file: give -o FILE.\(format.rawValue)") }
            return dot
        }
        if format == .dot {
            try DotWriter.write(dot: dot, toFile: path)
            return "wrote \(path)"
        }
        do {
            let rendered: GraphvizRenderer.Format = format == .svg ? .svg : (format == .png ? .png : .pdf)
            let report = try GraphvizRenderer().render(dot: dot, format: rendered, to: path)
            return "wrote \(report.outputPath)"
        } catch {
            // The renderer throws only GraphvizError (typed throws).
            if case .dotNotFound = error {
                let dotPath = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("dot").path
                try? DotWriter.write(dot: dot, toFile: dotPath)
                throw ExportError("\(error.description)\nThe DOT was written to \(dotPath).")
            }
            throw ExportError(error.description)
        }
    }
}

public struct ExportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
