import Foundation
@testable import GraphViz

/// Whether Graphviz's `dot` can be found the way the renderer finds it; rendering
/// tests are skipped (not failed) without it, as on machines without Graphviz.
enum Installed {
    static let dot: String? = try? GraphvizRenderer().locateDot()

    static var hasDot: Bool { dot != nil }
}
