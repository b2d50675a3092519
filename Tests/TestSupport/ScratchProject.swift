import Foundation

/// A temporary directory laid out like a WardGraph project (Graph/sources,
/// Graph/lexicon, Queries/prelude.dl, copied from this package), so that tests of
/// the default store never touch the real Graph/.
public enum ScratchProject {
    public static func make(_ name: String = "project") throws -> TemporaryDirectory {
        let dir = TemporaryDirectory(name)
        let root = Wardgraph.packageRoot.path
        let manager = FileManager.default
        try manager.createDirectory(atPath: dir.file("Graph"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: dir.file("Queries"), withIntermediateDirectories: true)
        try manager.copyItem(atPath: root + "/Graph/sources", toPath: dir.file("Graph/sources"))
        try manager.copyItem(atPath: root + "/Graph/lexicon", toPath: dir.file("Graph/lexicon"))
        try manager.copyItem(atPath: root + "/Queries/prelude.dl", toPath: dir.file("Queries/prelude.dl"))
        return dir
    }
}
