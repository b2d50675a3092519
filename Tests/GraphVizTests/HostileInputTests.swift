import Testing
@testable import GraphViz

/// Hostile ids and labels give DOT that parses, with every label reading back as
/// the text that went in (cleaned and wrapped), checked without `dot` installed.
@Suite struct HostileInputTests {
    @Test(arguments: HostileText.printable)
    func hostileTextGivesValidDOTThatReadsBack(_ sample: Printable) throws {
        let text = sample.text
        let writer = DotWriter()
        let dot = writer.write(HostileGraphs.single(text))
        let parsed = try DotSyntax(parsing: dot)
        let expected = writer.labelWrapper.lines(DotText.clean(text))

        let node = try #require(parsed.nodes.first { $0.attributes["tooltip"] != nil })
        #expect(DotSyntax.displayLines(try #require(node.attributes["label"])) == expected)
        #expect(DotSyntax.displayLines(try #require(node.attributes["tooltip"])) == [DotText.clean(text)].flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) })
        #expect(node.subgraphs == [try Self.lexed("cluster:" + text)])

        let edge = try #require(parsed.edges.first { $0.from == "plain" })
        #expect(DotSyntax.displayLines(try #require(edge.attributes["label"])) == expected)
        #expect(edge.to == node.id)

        let title = parsed.statements.first { $0.kind == .attributes("graph") && $0.subgraphs.isEmpty }?.attributes["label"]
        #expect(title.map(DotSyntax.displayLines) == writer.titleWrapper.lines(DotText.clean(text)))
    }

    /// The name Graphviz reads for `text` written as a quoted id.
    static func lexed(_ text: String) throws -> String {
        let tokens = try DotSyntax.Lexer.tokens(Array(DotText.quoted(text).utf8))
        guard tokens.count == 1, case .id(let value, quoted: true) = tokens[0].token else {
            throw DotSyntax.Failure(message: "not a single quoted id", offset: 0)
        }
        return value
    }

    @Test func allHostileTextsTogetherGiveDistinctNodes() throws {
        let graph = HostileGraphs.combined
        let parsed = try DotSyntax(parsing: DotWriter().write(graph))
        let declared = parsed.nodes.filter { $0.attributes["label"] != nil && $0.subgraphs.first != "cluster legend" }
        let distinctIDs = Set(HostileText.all.map { Array(DotText.clean($0).utf8) })
        #expect(Set(declared.map { Array($0.id.utf8) }).count == distinctIDs.count)
        #expect(parsed.edges.filter { $0.subgraphs.isEmpty }.count == HostileText.all.count - 1)
        let legendEdges = parsed.edges.filter { $0.subgraphs == ["cluster legend"] }
        #expect(legendEdges.filter { $0.attributes["style"] != "invis" }.count == 1, "the one sample edge")
        #expect(legendEdges.filter { $0.attributes["style"] == "invis" }.count == 6, "entries chained in order")
    }

    @Test func noControlCharactersReachTheFile() {
        let dot = DotWriter().write(HostileGraphs.combined)
        #expect(!dot.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }
}
