import Testing
import TextLayout
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

    @Test func aTableFitsTheTerminalByCuttingOnlyTheWidestColumns() {
        let wide = ResultSet(columns: ["W", "T"], rows: [[.text("泉区"), .text(String(repeating: "施策", count: 50))]])
        // Without a width (a file, a pipe) nothing is cut.
        #expect(TableFormat(showsTime: false).render(wide).contains(String(repeating: "施策", count: 50)))
        // On a 150-column terminal the long title takes all the room left: 150 - 4 - 2.
        let line = TableFormat(width: 150, showsTime: false).render(wide).split(separator: "\n")[2]
        #expect(line.hasPrefix("泉区  施策施策"))
        #expect(DisplayWidth.of(line) <= 150 && DisplayWidth.of(line) >= 148)
        #expect(line.hasSuffix("…"))
        // Too narrow for a readable table: one field per line instead.
        let narrow = TableFormat(width: 12, showsTime: false).render(wide)
        #expect(narrow.hasPrefix("-[ 1 ]------\nW  泉区\nT  施策施策"))
    }

    @Test func theVerticalViewShowsOneFieldPerLine() {
        #expect(VerticalFormat(showsTime: false).render(result) == """
            -[ 1 ]----------------------------------
            Ward     泉区
            Partner  社会福祉協議会
            N        3
            -[ 2 ]----------------------------------
            Ward     港北区
            Partner  A, "B"\\nC\\td
            N        12
            (5 rows, 3 not shown: limit 2)

            """)
    }

    @Test func csvNeutralisesFormulasButNotNumbers() {
        let risky = ResultSet(columns: ["A", "N"], rows: [
            [.text("=HYPERLINK(\"http://x\")"), .integer(-3)], [.text("+1"), .integer(0)], [.text("-x"), .integer(1)],
            [.text("@SUM(A1)"), .integer(2)], [.text("\tx"), .integer(3)], [.text("泉区"), .integer(4)],
        ])
        #expect(CSVFormat().render(risky) == "A,N\n\"'=HYPERLINK(\"\"http://x\"\")\",-3\n'+1,0\n'-x,1\n'@SUM(A1),2\n'\tx,3\n泉区,4\n")
        #expect(TSVFormat().render(risky).contains("=HYPERLINK"))
    }

    @Test func aPivotCountsPairsWithTotals() throws {
        let pairs = ResultSet(columns: ["W", "P"], rows: [
            [.text("泉区"), .text("企業")], [.text("泉区"), .text("商店街")], [.text("港北区"), .text("企業")],
        ])
        let matrix = try Pivot("W,P")!.apply(to: pairs)
        #expect(matrix.columns == ["W", "企業", "商店街", "計"])
        #expect(matrix.rows == [
            [.text("泉区"), .integer(1), .integer(1), .integer(2)],
            [.text("港北区"), .integer(1), .text(""), .integer(1)],
            [.text("計"), .integer(2), .integer(1), .integer(3)],
        ])
        #expect(throws: Pivot.MissingColumn.self) { try Pivot("W,Q")!.apply(to: pairs) }
        #expect((try? Pivot("W,Q")!.apply(to: pairs)) == nil)
        do { _ = try Pivot("Ward,P")!.apply(to: pairs) } catch {
            #expect(error.description == "the answer has no column Ward; its columns are W, P")
        }
        #expect(Pivot("W") == nil)
        let listed = try Pivot("W,P,M")!.apply(to: ResultSet(columns: ["W", "P", "M"], rows: [
            [.text("泉区"), .text("企業"), .text("防犯対策")], [.text("泉区"), .text("企業"), .text("農")],
        ]))
        #expect(listed.rows == [[.text("泉区"), .text("防犯対策、農")]])
    }

    @Test func zipChecksumsAreTheStandardOnes() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(XLSXWorkbook.columnName(0) == "A" && XLSXWorkbook.columnName(25) == "Z" && XLSXWorkbook.columnName(26) == "AA")
        #expect(XLSXWorkbook.escaped("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;_x0001_")
        #expect(XLSXWorkbook.uniqueNames(["a", "A", "x[1]", "", "情報"]) == ["a", "A (2)", "x1", "Sheet4", "Sheet5"])
    }

    @Test func aCSVFileStartsWithTheByteOrderMarkAndBlocksAreLabelled() {
        let bytes = ResultFile.bytes([ResultFile.Block(result: result)], format: "csv", byteOrderMark: true)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: ResultFile.bytes(
            [ResultFile.Block(result: result, label: "q.dl:1: ?- a(X)."), ResultFile.Block(result: result, label: "q.dl:2: ?- b(X).")],
            format: "table", text: TableFormat(showsTime: false)), as: UTF8.self)
        #expect(text.hasPrefix("q.dl:1: ?- a(X).\nWard"))
        #expect(text.contains("limit 2)\n\nq.dl:2: ?- b(X).\nWard"))
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
