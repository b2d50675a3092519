import Testing
@testable import ResultFormats

@Suite struct ResultFormatsTests {
    let result = ResultSet(
        columns: ["Ward", "Partner", "N"],
        rows: [[.text("泉区"), .text("社会福祉協議会"), .integer(3)], [.text("港北区"), .text("A, \"B\"\nC\td"), .integer(12)]],
        totalRows: 5, elapsedMilliseconds: 1.25)

    @Test func tableAlignsByDisplayWidth() {
        #expect(TableFormat(showsTime: false).render(result) == """
            Ward    Partner          N
            ------  --------------  --
            泉区    社会福祉協議会   3
            港北区  A, "B"\\nC\\td    12
            (5 rows, 3 not shown: limit 2)

            """)
        #expect(TableFormat().render(result).hasSuffix("limit 2, 1.2 ms)\n"))
    }

    @Test func yesAndNoForQueriesWithoutVariables() {
        #expect(TableFormat(showsTime: false).render(ResultSet(columns: [], rows: [[]])) == "yes\n")
        #expect(TableFormat(showsTime: false).render(ResultSet(columns: [], rows: [])) == "no\n")
    }

    @Test func longCellsAreCut() {
        let wide = ResultSet(columns: ["T"], rows: [[.text(String(repeating: "施策", count: 50))]])
        let line = TableFormat(maxCellWidth: 10, showsTime: false).render(wide).split(separator: "\n")[2]
        #expect(line == "施策施策…")
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        #expect(CSVFormat().render(result) == "Ward,Partner,N\n泉区,社会福祉協議会,3\n港北区,\"A, \"\"B\"\"\nC\td\",12\n")
    }

    @Test func tsvEscapesTabsAndLineBreaks() {
        #expect(TSVFormat().render(result) == "Ward\tPartner\tN\n泉区\t社会福祉協議会\t3\n港北区\tA, \"B\"\\nC\\td\t12\n")
    }

    @Test func jsonKeepsNumbersAndJapanese() {
        #expect(JSONFormat().render(result) == """
            {"columns": ["Ward", "Partner", "N"], "rows": [["泉区", "社会福祉協議会", 3], ["港北区", "A, \\"B\\"\\nC\\td", 12]], "total_rows": 5, "elapsed_ms": 1.250}

            """)
    }
}
