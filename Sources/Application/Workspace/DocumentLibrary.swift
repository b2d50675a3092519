import Foundation
import Ingestion
import WardGraph

/// The text of the documents the graph was read from, by file name (`izumi-r7.txt`),
/// so that a fact's source can be shown as the sentence it came from.
///
/// The log records each document's file name and SHA-256, not its text: the text is
/// looked up in the library's directories (by default `sources/` beside the store,
/// as `Graph/sources` beside `Graph/wardgraph.log`). A file whose content differs
/// from what was ingested is still shown, marked as changed. Names with a path
/// separator are refused, so a request cannot reach outside the directories.
public final class DocumentLibrary: @unchecked Sendable {
    public let directories: [String]
    private let lock = NSLock()
    private var cache: [String: (modified: Date, size: Int, checked: Date, text: DocumentText)] = [:]
    /// How long a read file is trusted before its size and time are looked at again.
    static let recheckInterval = 1.0

    public init(directories: [String]) {
        self.directories = directories
    }

    /// `sources/` beside the store, then `Graph/sources` in the current directory.
    public static func defaultDirectories(storePath: String) -> [String] {
        let besideStore = URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("sources").path
        let inProject = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(ProjectLayout.sources).path
        return besideStore == inProject ? [besideStore] : [besideStore, inProject]
    }

    /// The lines of the document `name`; `snapshot` says whether it is the version ingested.
    public func text(of name: String, in snapshot: GraphSnapshot? = nil) throws(OperationError) -> DocumentText {
        guard !name.isEmpty, !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 }), name != ".", name != ".." else {
            throw OperationError(.badInput, "'\(name)' is not a document name; give a file name such as izumi-r7.txt")
        }
        lock.lock()
        let recent = cache[name].flatMap { Date().timeIntervalSince($0.checked) < Self.recheckInterval ? $0.text : nil }
        lock.unlock()
        var text: DocumentText
        if let recent {
            text = recent
        } else {
            text = try read(name)
        }
        if let snapshot { text.ingestedHash = Self.ingestedHash(of: name, in: snapshot) }
        return text
    }

    /// Reads `name` from the first directory that has it, unless the copy read before
    /// has the same size and modification time.
    private func read(_ name: String) throws(OperationError) -> DocumentText {
        let manager = FileManager.default
        guard let path = directories.map({ $0 + "/" + name }).first(where: { manager.fileExists(atPath: $0) }) else {
            throw OperationError(.notFound, "no document \(name) in \(directories.joined(separator: " or "))")
        }
        let attributes = (try? manager.attributesOfItem(atPath: path)) ?? [:]
        let modified = attributes[.modificationDate] as? Date ?? .distantPast
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        lock.lock()
        let cached = cache[name]
        lock.unlock()
        let text: DocumentText
        if let cached, cached.modified == modified, cached.size == size {
            text = cached.text
        } else {
            guard let data = manager.contents(atPath: path) else { throw OperationError(.failed, "\(path) cannot be read") }
            text = DocumentText(name: name, bytes: [UInt8](data))
        }
        lock.lock()
        cache[name] = (modified, size, Date(), text)
        lock.unlock()
        return text
    }

    /// The text of one line, if the document and the line are there.
    public func line(_ number: Int, of name: String) -> String? {
        guard let text = try? text(of: name) else { return nil }
        return text.line(number)
    }

    /// The content hash the graph records for the document whose file is `name`.
    static func ingestedHash(of name: String, in snapshot: GraphSnapshot) -> String? {
        var document: String?
        var hashes: [String: String] = [:]
        snapshot.forEachFact { entity, attribute, value in
            if attribute == "file", case .text(name) = value { document = entity }
            if attribute == "content_hash", case .text(let hash) = value { hashes[entity] = hash }
        }
        return document.flatMap { hashes[$0] }
    }
}

/// A document's lines, numbered as extraction numbers them: from 1, split at LF,
/// CRLF or a lone CR, after a byte-order mark; page breaks (form feeds) dropped.
public struct DocumentText: Sendable {
    public let name: String
    public let lines: [String]
    /// The SHA-256 of the file as it is now.
    public let hash: String
    /// The SHA-256 the graph records for this document, if asked and known.
    public var ingestedHash: String?

    init(name: String, bytes: [UInt8]) {
        self.name = name
        hash = SHA256.hex(bytes)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = String(decoding: body, as: UTF8.self)
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current.removeAll()
            } else if scalar != "\u{0C}" {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        self.lines = lines
    }

    /// Line `number` (from 1), without trailing white space; nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        let scalars = lines[number - 1].unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return end == scalars.endIndex ? lines[number - 1] : String(scalars[..<end])
    }

    /// Whether the file differs from the version the graph was read from.
    public var hasChangedSinceIngest: Bool {
        ingestedHash.map { $0 != hash } ?? false
    }
}
