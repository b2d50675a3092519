import Foundation
import Testing
@testable import Extraction

/// Lexicon files: the package's own load, and errors that name file and line.
@Suite struct LexiconTests {
    @Test func thePackageLexiconLoads() throws {
        let lexicon = try Corpus.lexicon()
        #expect(lexicon.canonicalPartner(for: "区内事業者") == nil)  // 区内 is the extractor's to drop
        #expect(lexicon.canonicalPartner(for: "事業者") == "企業")
        #expect(lexicon.canonicalPartner(for: "ＮＰＯ法人") == "NPO")
        #expect(lexicon.canonicalPlan(for: "GREEN × EXPO 2027") == "GREEN×EXPO 2027")
        #expect(lexicon.isVague("関係機関"))
        #expect(!lexicon.isVague("社会福祉協議会"))
    }

    @Test func commentsBlankLinesAndCRLFAreIgnored() throws {
        let entries = try LexiconFile.parse(Array("# header\r\n\r\n企業\t民間企業\t 事業者 \r\n大学\n".utf8), path: "p.txt")
        #expect(entries == [Lexicon.Entry(canonical: "企業", aliases: ["民間企業", "事業者"], line: 3),
                            Lexicon.Entry(canonical: "大学", aliases: [], line: 4)])
    }

    struct Case: CustomStringConvertible, Sendable {
        var label: String
        var contents: [UInt8]
        var error: LexiconError
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(label: "no canonical", contents: Array("企業\t事業者\n\t民間企業\n".utf8), error: .emptyCanonical(path: "p.txt", line: 2)),
        Case(label: "alias claimed twice", contents: Array("# c\n企業\t事業者\n福祉\t事業者\n".utf8),
             error: .conflictingAlias(path: "p.txt", line: 3, alias: "事業者", canonical: "福祉", firstCanonical: "企業", firstLine: 2)),
        Case(label: "not UTF-8", contents: Array("企業\n".utf8) + [0x8A, 0xE9, 0x0A], error: .invalidUTF8(path: "p.txt", line: 2)),
    ]

    @Test(arguments: cases)
    func malformedFilesNameFileAndLine(_ c: Case) throws {
        let error = try #require(throws: LexiconError.self) { try LexiconFile.parse(c.contents, path: "p.txt") }
        #expect(error == c.error)
        #expect(error.description.hasPrefix("p.txt"))
    }

    @Test func aMissingFileIsNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("企業\n".utf8).write(to: directory.appendingPathComponent("partners.txt"))
        let error = try #require(throws: LexiconError.self) { try Lexicon.load(directory: directory.path) }
        #expect(error == .missingFile(path: directory.appendingPathComponent("plans.txt").path))
    }

    /// The phrase table's first-scalar filter must pass every phrase, in and beyond
    /// the Basic Multilingual Plane, and longest first.
    @Test func phrasesAreFoundWhereverTheirFirstScalarLies() {
        let table = PhraseTable([S("𠮷野家"), S("協議会"), S("協議"), S("A")])
        let text = S("区の𠮷野家と協議会、A")
        #expect(table.longestMatch(in: text, at: 2).map { $0.length } == 3)
        #expect(table.longestMatch(in: text, at: 6).map { $0.value } == 1)
        #expect(table.longestMatch(in: text, at: 10).map { $0.value } == 3)
        #expect(table.longestMatch(in: text, at: 0) == nil)
        #expect(PhraseTable().longestMatch(in: text, at: 2) == nil)
    }
}
