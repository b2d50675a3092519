import Extraction
import Foundation
import Testing
import TestSupport
import WardGraph
@testable import Ingestion

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct IngestorTests {
    static let root = Wardgraph.packageRoot.path
    static let lexicon = try! Lexicon.load(directory: root + "/Graph/lexicon")

    func document(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: "\(Self.root)/Graph/sources/\(name)")!)
    }

    func ingestor(_ store: GraphStore) -> Ingestor {
        Ingestor(store: store, extractor: DocumentExtractor(lexicon: Self.lexicon))
    }

    @Test func idsFollowTheGraphScheme() throws {
        let extracted = try DocumentExtractor(lexicon: Self.lexicon).extract(bytes: document("izumi-r7.txt"), fileName: "izumi-r7.txt")
        let content = DocumentFacts(extracted, contentHash: "x")
        let facts = Set(content.facts.map(\.fact))
        let ward = try NodeID(parsing: "ward:泉区")
        #expect(content.document.description == "document:泉区/R7")
        #expect(facts.contains(Fact(ward, .hasMeasure, try NodeID(parsing: "measure:泉区/R7/1"))))
        #expect(facts.contains(Fact(try NodeID(parsing: "measure:泉区/R7/1"), .subMeasure, try NodeID(parsing: "measure:泉区/R7/1.2"))))
        #expect(facts.contains(Fact(try NodeID(parsing: "measure:泉区/R7/2.2"), .partnersWith, try NodeID(parsing: "partner:フェリス女学院大学"))))
        #expect(facts.contains(Fact(
            try NodeID(parsing: "plan:横浜市中期計画/テーマ03/戦略5/政策26"), .within, try NodeID(parsing: "plan:横浜市中期計画/テーマ03/戦略5"))))
        #expect(facts.contains(Fact(ward, .hasSection, try NodeID(parsing: "section:泉区/総務課"))))
        #expect(facts.contains(Fact(try NodeID(parsing: "measure:泉区/R7/1.2"), "label", .text("伝統文化の保存・普及・継承"))))
        // Every fact knows its lines.
        #expect(content.facts.allSatisfy { $0.source.document == "izumi-r7.txt" && $0.source.firstLine >= 1 })
        #expect(DocumentFacts.shortYear("平成30年度") == "H30")
    }

    @Test func sameDocumentTwiceWritesNothing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try GraphStore.open(at: dir.file("g.log"), create: true, writer: "test")
        let first = try ingestor(store).ingest(bytes: document("izumi-r7.txt"), fileName: "izumi-r7.txt")
        #expect(first.transaction != nil)
        let size = store.fileSize
        let second = try ingestor(store).ingest(bytes: document("izumi-r7.txt"), fileName: "izumi-r7.txt")
        #expect(second.transaction == nil)
        #expect(store.fileSize == size)
    }

    @Test func revisionRetractsWhatVanishedAndKeepsWhatOthersSay() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try GraphStore.open(at: dir.file("g.log"), create: true, writer: "test")
        _ = try ingestor(store).ingest(bytes: document("izumi-r7.txt"), fileName: "izumi-r7.txt")
        _ = try ingestor(store).ingest(bytes: document("kohoku-r7.txt"), fileName: "kohoku-r7.txt")
        let ferris = try NodeID(parsing: "partner:フェリス女学院大学")
        let greenSociety = try NodeID(parsing: "measure:泉区/R7/2.2")
        let shopping = try NodeID(parsing: "partner:商店街")
        #expect(store.current.contains(Fact(greenSociety, .partnersWith, ferris)))

        // A person corrects extraction: one edge added by hand, one taken away.
        let handEdge = Fact(try NodeID(parsing: "measure:泉区/R7/1.1"), .partnersWith, try NodeID(parsing: "partner:泉区商店街連合会"))
        let wrongEdge = Fact(try NodeID(parsing: "measure:泉区/R7/2.4"), .partnersWith, shopping)
        #expect(store.current.contains(wrongEdge))
        try store.commit([.assert(handEdge), .retract(wrongEdge)], author: "planner")

        // The revised document no longer names フェリス女学院大学, and names a new partner.
        var text = String(decoding: document("izumi-r7.txt"), as: UTF8.self)
        text = text.replacingOccurrences(of: "フェリス女学院大学と協働し", with: "横浜国立大学と協働し")
        let revised = try ingestor(store).ingest(bytes: Array(text.utf8), fileName: "izumi-r7.txt")
        let info = try #require(revised.transaction)
        #expect(info.retractions > 0)
        let now = store.current
        #expect(!now.contains(Fact(greenSociety, .partnersWith, ferris)))
        #expect(now.contains(Fact(greenSociety, .partnersWith, try NodeID(parsing: "partner:横浜国立大学"))))
        // The hand correction survives, and the retracted edge is not brought back.
        #expect(now.contains(handEdge))
        #expect(!now.contains(wrongEdge))
        // 商店街 is still said by 港北区's document, so its label stays.
        #expect(now.contains(Fact(shopping, "label", .text("商店街"))))
        // It was one transaction, authored by the document.
        #expect(info.author.hasPrefix("ingest izumi-r7.txt sha256:"))
        #expect(info.origin == .document(key: "document:泉区/R7"))
    }

    @Test func badFilesAreRefusedAndWriteNothing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try GraphStore.open(at: dir.file("g.log"), create: true, writer: "test")
        for (bytes, name) in [([UInt8](), "empty.txt"), ([0, 1, 2, 0xFF, 0xFE, 0], "binary.txt"), (Array("ただの文章です。\n区の名前はない。\n".utf8), "noward.txt")] {
            #expect(throws: ExtractionError.self) { try ingestor(store).ingest(bytes: bytes, fileName: name) }
        }
        #expect(store.transactions.isEmpty)
    }
}
