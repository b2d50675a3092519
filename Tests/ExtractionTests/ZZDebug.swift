import Foundation
import Testing
@testable import Extraction

@Suite struct ZZDebug {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WG_DEBUG"] != nil))
    func dump() throws {
        let path = ProcessInfo.processInfo.environment["WG_DEBUG"]!
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let source = try SourceText.lines(of: bytes, fileName: "x")
        let order = LayoutReader.read(source)
        let kinds = LineClassifier.classify(order.lines, forced: order.forcedKinds)
        for (i, k) in kinds.enumerated() { print(order.lines[i].number, k, order.lines[i].display) }
        let s = StructureBuilder.build(lines: order.lines, kinds: kinds)
        for m in s.measures { print(m.level, m.parent as Any, m.line, m.title, m.family as Any, m.label as Any) }
    }
}
