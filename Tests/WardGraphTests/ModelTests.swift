import Testing
@testable import WardGraph

@Suite struct NodeIDTests {
    @Test(arguments: [
        ("ward:泉区", NodeKind.ward, "泉区"),
        ("measure:泉区/R7/2.1", .measure, "泉区/R7/2.1"),
        ("plan:横浜市中期計画/テーマ03/戦略5/政策26", .plan, "横浜市中期計画/テーマ03/戦略5/政策26"),
        ("partner:地域子育て支援拠点「すきっぷ」", .partner, "地域子育て支援拠点「すきっぷ」"),
        // NFKC: full-width letters and colon, and the compatibility ideograph ⾼ (U+2F7C).
        ("ｗａｒｄ：泉区", .ward, "泉区"),
        ("section:泉区/⾼齢・障害支援課", .section, "泉区/高齢・障害支援課"),
    ])
    func parses(text: String, kind: NodeKind, name: String) throws {
        let id = try NodeID(parsing: text)
        #expect(id.kind == kind)
        #expect(id.name == name)
        #expect(try NodeID(parsing: id.description) == id)
    }

    @Test(arguments: [
        ("泉区", NodeIDError.missingKind("泉区")),
        ("wrd:泉区", .unknownKind("wrd", in: "wrd:泉区", suggestion: "ward")),
        ("city:横浜", .unknownKind("city", in: "city:横浜", suggestion: nil)),
        ("ward:", .emptyName("ward:")),
        ("measure:泉区//1", .emptySegment("measure:泉区//1")),
        ("measure:泉区/R7/", .emptySegment("measure:泉区/R7/")),
        ("ward:泉 区", .invalidCharacter(" ", at: 1, in: "ward:泉 区")),
    ])
    func refuses(text: String, error: NodeIDError) {
        #expect(throws: error) { try NodeID(parsing: text) }
    }

    @Test func derivedIDsAreDeterministicAndAlwaysValid() {
        #expect(NodeID.derived(.plan, ["横浜市中期計画", "テーマ03"]).description == "plan:横浜市中期計画/テーマ03")
        #expect(NodeID.derived(.plan, ["GREEN×EXPO 2027"]).description == "plan:GREEN×EXPO2027")
        #expect(NodeID.derived(.partner, ["A/B 会"]).description == "partner:A∕B会")
        #expect(NodeID.derived(.section, ["泉区", "高齢・障害支援課"]) == NodeID.derived(.section, ["泉区", "⾼齢・障害支援課"]))
        #expect(NodeID.derived(.partner, [" \t"]).description == "partner:_")
    }

    @Test func theLastSegmentFollowsTheLastSlash() throws {
        #expect(try NodeID(parsing: "plan:横浜市中期計画/テーマ03/戦略5").lastSegment == "戦略5")
        #expect(try NodeID(parsing: "ward:泉区").lastSegment == "泉区")
        #expect(try NodeID(parsing: "measure:泉区/R7/2.4").lastSegment == "2.4")
        #expect(NodeID.derived(.partner, ["A/B 会"]).lastSegment == "A∕B会")
    }

    @Test(arguments: [("ward:泉区", true), ("note: hello", false), ("泉区", false), ("http://x", true), ("Ward:x", false), (":x", false)])
    func looksLikeID(text: String, expected: Bool) {
        #expect(NodeID.looksLikeID(text) == expected)
    }
}

@Suite struct FactRulesTests {
    let ward = try! NodeID(parsing: "ward:泉区")
    let measure = try! NodeID(parsing: "measure:泉区/R7/1")
    let partner = try! NodeID(parsing: "partner:社会福祉協議会")

    @Test func wellFormedFactsPass() throws {
        try FactRules.validate(Fact(ward, .hasMeasure, measure))
        try FactRules.validate(Fact(measure, .partnersWith, partner))
        try FactRules.validate(Fact(ward, "label", .text("泉区")))
        try FactRules.validate(Fact(ward, "kind", .text("ward")))
        try FactRules.validate(Fact(measure, "level", .integer(1)))
        try FactRules.validate(Fact(measure, .fromDocument, try NodeID(parsing: "document:泉区/R7")))
    }

    @Test func edgesMustGoBetweenTheRightKinds() {
        #expect(throws: FactError.wrongKind(edge: .partnersWith, end: "start", found: .ward, allowed: [.measure])) {
            try FactRules.validate(Fact(ward, .partnersWith, partner))
        }
        #expect(throws: FactError.wrongKind(edge: .hasMeasure, end: "end", found: .partner, allowed: [.measure])) {
            try FactRules.validate(Fact(ward, .hasMeasure, partner))
        }
    }

    @Test func edgeAndNodeValuesMustAgree() {
        #expect(throws: FactError.edgeWithoutNode(edge: .hasMeasure, value: "1")) {
            try FactRules.validate(Fact(ward, "has_measure", .text("1")))
        }
        #expect(throws: FactError.nodeValueWithoutEdge(attribute: "has_measures", value: "measure:泉区/R7/1", suggestion: "has_measure")) {
            try FactRules.validate(Fact(ward, "has_measures", .node(measure)))
        }
        #expect(throws: FactError.kindMismatch(entity: ward, stated: "measure")) {
            try FactRules.validate(Fact(ward, "kind", .text("measure")))
        }
        #expect(throws: FactError.invalidAttribute("Label")) {
            try FactRules.validate(Fact(ward, "Label", .text("x")))
        }
    }
}

@Suite struct FactInputTests {
    @Test func readsTheThreeValueForms() throws {
        let text = "# comment\n\nward:泉区\tlabel\t泉区\nmeasure:泉区/R7/1\tlevel\t1\nward:泉区\thas_measure\tmeasure:泉区/R7/1\nward:泉区\tnote\t\"ward:港北区 \\\"and\\\"\\n\\u{6CC9}\"\r\n"
        let lines = try FactInput.parse(text).get()
        #expect(lines.map(\.number) == [3, 4, 5, 6])
        #expect(lines[0].fact.value == .text("泉区"))
        #expect(lines[1].fact.value == .integer(1))
        #expect(lines[2].fact.value == .node(try NodeID(parsing: "measure:泉区/R7/1")))
        #expect(lines[3].fact.value == .text("ward:港北区 \"and\"\n泉"))
    }

    @Test func inputFormRoundTrips() throws {
        let ward = try NodeID(parsing: "ward:泉区")
        for value in [FactValue.text("12"), .text("ward:x"), .text("tab\there"), .text("\"q\""), .text(""), .text("普通の文"), .integer(-5)] {
            let fact = Fact(ward, "note", value)
            let parsed = try FactInput.parse(fact.description).get()
            #expect(parsed.first?.fact == fact)
        }
    }

    @Test func reportsEveryProblemWithItsColumn() {
        let text = "ward:泉区\tlabel\n泉区\tlabel\tx\nward:泉区\tlabel\t\"open\nward:泉区\tlabel\t\"bad \\q\"\nward:泉区\tlabel\tcity:横浜\n"
        guard case .failure(let list) = FactInput.parse(text) else {
            Issue.record("expected problems")
            return
        }
        let problems = list.problems
        #expect(problems.map(\.line) == [1, 2, 3, 4, 5])
        #expect(problems[0].message.contains("expected 3 fields"))
        #expect(problems[1].column == 1)
        #expect(problems[2].message.contains("no closing quote"))
        #expect(problems[3].message.contains("unknown escape \\q"))
        #expect(problems[3].column == 20)
        #expect(problems[4].message.contains("double quotes"))
    }
}
