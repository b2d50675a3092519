import Foundation

/// Finds the `dot` executable: an explicit path, else `WARDGRAPH_DOT`, else PATH.
///
/// An explicit path or `WARDGRAPH_DOT` that does not lead to an executable is an
/// error rather than a reason to fall back to PATH: someone set it on purpose, and
/// silently drawing with another Graphviz would hide their mistake. A value without
/// a `/` (`WARDGRAPH_DOT=dot-9`) is looked up in PATH like a command name.
struct DotLocator {
    static let environmentVariable = "WARDGRAPH_DOT"

    let explicitPath: String?
    let environment: [String: String]

    func locate() throws(GraphvizError) -> String {
        let override = [explicitPath, environment[Self.environmentVariable]].lazy
            .compactMap { $0 }.first { !$0.isEmpty }
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        guard let override else {
            if let found = search("dot", in: directories) { return found }
            throw .dotNotFound(override: nil, searched: directories)
        }
        if override.contains("/") {
            if Self.isExecutableFile(override) { return override }
        } else if let found = search(override, in: directories) {
            return found
        }
        throw .dotNotFound(override: override, searched: directories)
    }

    private func search(_ name: String, in directories: [String]) -> String? {
        directories.lazy.map { $0.hasSuffix("/") ? $0 + name : $0 + "/" + name }.first(where: Self.isExecutableFile)
    }

    /// An executable regular file (a directory is "executable" too, but cannot be run).
    static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
