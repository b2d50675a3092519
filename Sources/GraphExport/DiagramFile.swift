import Foundation
import GraphViz

/// Writes a diagram as DOT, SVG or PNG. SVG and PNG go through Graphviz's `dot`;
/// when it is missing the DOT is still written beside the requested file and the
/// error says how to install Graphviz.
public enum DiagramFile {
    public enum Format: String, CaseIterable, Sendable { case dot, svg, png }

    /// The font of labels unless one is chosen: one with Japanese glyphs.
    public static let defaultFont = DotWriter.Options.defaultFontName

    /// The format a path's extension names, if any.
    public static func format(ofPath path: String) -> Format? {
        Format(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
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
            let report = try GraphvizRenderer().render(dot: dot, format: format == .svg ? .svg : .png, to: path)
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
