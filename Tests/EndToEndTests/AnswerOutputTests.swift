import Foundation
import Testing
import TestSupport
import TextLayout

/// Answers taken into a report: files a spreadsheet opens (CSV with a byte-order
/// mark, xlsx), a ward × partner matrix, labelled blocks, through the real binary.
@Suite struct AnswerOutputTests {
    static let fixtures = Wardgraph.packageRoot.path + "/Tests/EndToEndTests/Fixtures"
    static let wardPartner = "?- ward_partner(W, P)."

    /// The rows of an answer as TSV prints them, without the header.
    static func tsvRows(_ project: TemporaryDirectory) throws -> [[String]] {
        let tsv = try Wardgraph.run(["query", "-e", wardPartner, "--format", "tsv"], directory: project.path)
        #expect(tsv.status == 0)
        return tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func theWardPartnerMatrixIsTheGoldenOne() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let result = try Wardgraph.run(["query", "-e", Self.wardPartner, "--pivot", "W,P", "--format", "csv"], directory: project.path)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = URL(fileURLWithPath: Self.fixtures + "/ward-partner-pivot.csv")
        let expected = try GoldenFile.expected(result.stdout, updating: golden)
        #expect(result.stdout == expected, "\(GoldenFile.firstDifference(Data(result.stdout.utf8), Data(expected.utf8)))")
        // A pipe gets no byte-order mark; a file does.
        #expect(!result.stdout.hasPrefix("\u{FEFF}"))
    }

    @Test(.enabled(if: Python.isInstalled, "python3 reads the CSV back"))
    func aCSVFileHasTheByteOrderMarkAndPythonReadsTheSameRows() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let path = project.file("partners.csv")
        let result = try Wardgraph.run(["query", "-e", Self.wardPartner, "-o", path], directory: project.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("wrote \(path): 1 answer, 54 rows, with a byte-order mark for Excel"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let read = try Python.run("""
            import csv, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                for row in csv.reader(f): print('\\t'.join(row))
            """, [path])
        #expect(read.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) } == (try Self.tsvRows(project)))
        // --no-bom leaves it out.
        #expect(try Wardgraph.run(["query", "-e", Self.wardPartner, "-o", path, "--no-bom"], directory: project.path).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).first == UInt8(ascii: "W"))
    }

    @Test(.enabled(if: Python.isInstalled, "python3 reads the workbook back"))
    func anXLSXHasOneSheetPerAnswerAndPythonReadsTheSameRows() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let path = project.file("answers.xlsx")
        let result = try Wardgraph.run(["query", "-e", Self.wardPartner + "\n?- partner_wards(P, N), N >= 3.", "-o", path], directory: project.path)
        #expect(result.status == 0, "\(result.stderr)")
        let read = try Python.run("""
            import sys, zipfile, xml.etree.ElementTree as ET
            ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
                  'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            book = ET.fromstring(z.read('xl/workbook.xml'))
            for i, sheet in enumerate(book.find('m:sheets', ns)):
                print('#', sheet.get('name'))
                data = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % (i + 1)))
                for row in data.find('m:sheetData', ns):
                    cells = []
                    for c in row:
                        v = c.find('m:v', ns)
                        cells.append(v.text if v is not None else ''.join(t.text or '' for t in c.iter('{%s}t' % ns['m'])))
                    print('\\t'.join(cells))
            """, [path])
        let sheets = read.components(separatedBy: "# ").dropFirst().map { $0.split(separator: "\n").map(String.init) }
        #expect(sheets.map { $0.first } == ["<-e> 1", "<-e> 2", "情報"])
        #expect(sheets[0].dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) } == (try Self.tsvRows(project)))
        #expect(sheets[1] == ["<-e> 2", "P\tN", "企業\t4", "地域防災拠点\t4", "自治会町内会\t4"])
        #expect(sheets[2][3] == "<-e> 2\t<-e>:2: ?- partner_wards(P, N), N >= 3.\t年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4\t3")
        // xlsx is a file: refused for a terminal, allowed into a pipe only as bytes.
        let piped = try Wardgraph.run(["query", "-e", Self.wardPartner, "--format", "xlsx"], directory: project.path)
        #expect(piped.status == 0 && piped.stdout.hasPrefix("PK"))
    }

    @Test func severalAnswersAreLabelledByTheirQueryLine() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let program = project.file("two.dl")
        try "% two questions\n?- partner_wards(P, N), N >= 4.\n\n?- ward_year(泉区, Y).\n".write(toFile: program, atomically: true, encoding: .utf8)
        let result = try Wardgraph.run(["query", program], directory: project.path)
        #expect(result.status == 0)
        #expect(result.stdout.replacingOccurrences(of: #", \d+(\.\d)? ms\)"#, with: ")", options: .regularExpression) == """
            \(program):2: ?- partner_wards(P, N), N >= 4.
            年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4
            P             N
            ------------  -
            企業          4
            地域防災拠点  4
            自治会町内会  4
            (3 rows)

            \(program):4: ?- ward_year(泉区, Y).
            Y
            ---------
            令和7年度
            (1 row)

            """)
    }
}

/// Answers on a terminal: tables use its whole width, and long answers go through
/// the pager.
@Suite struct TerminalAnswerTests {
    func run(_ arguments: [String], columns: Int, rows: Int, pager: String, in project: TemporaryDirectory) throws -> String {
        let pty = try PseudoTerminal(columns: columns, rows: rows)
        var environment = ProcessInfo.processInfo.environment
        environment["WARDGRAPH_PAGER"] = pager
        environment["WARDGRAPH_STORE"] = nil
        try pty.launch(executable: Wardgraph.executable.path, arguments: arguments, environment: environment, currentDirectory: project.path)
        #expect(try pty.waitForExit() == 0)
        return pty.output.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func tablesUseTheTerminalsWidth() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        #expect(try Wardgraph.run(["log"], directory: project.path).status == 0)
        let query = ["query", "-e", "?- measure_partner(旭区, M, P)."]
        let wide = try run(query, columns: 150, rows: 100, pager: "", in: project).split(separator: "\n")
        let narrow = try run(query, columns: 80, rows: 100, pager: "", in: project).split(separator: "\n")
        #expect(wide.allSatisfy { DisplayWidth.of($0) <= 150 } && wide.contains { DisplayWidth.of($0) > 140 })
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 80 } && narrow.contains { $0.contains("…") && $0.hasSuffix("地域防災拠点") })
        // The longest title fits whole at 150 columns.
        #expect(wide.contains { $0.contains("福祉避難所の災害対応力向上に向けたコーディネーター派遣や開設・運営に係る説明動画の制作・活用") })
    }

    @Test func longAnswersGoThroughThePager() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        #expect(try Wardgraph.run(["log"], directory: project.path).status == 0)
        let paged = project.file("paged.txt")
        let shown = try run(["query", "-e", "?- measure_of(W, M)."], columns: 200, rows: 30, pager: "cat > '\(paged)'", in: project)
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.contains("(94 rows"))
        #expect(!shown.contains("(94 rows"))
        // A short answer is printed directly.
        let direct = try run(["query", "-e", "?- ward(W)."], columns: 200, rows: 30, pager: "cat > '\(project.file("unused.txt"))'", in: project)
        #expect(direct.contains("(5 rows"))
        #expect(!FileManager.default.fileExists(atPath: project.file("unused.txt")))
    }

    /// `-o` to a named pipe (as to /dev/stdout or /dev/null) writes into it: renaming a
    /// finished file over the name, as for a regular file, replaced the pipe (and, for
    /// root, /dev/null itself) with a plain file.
    @Test func aNamedPipeGivenToDashOStaysAPipe() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let fifo = project.file("answers.tsv")
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = NamedPipeReader(fifo)
        let result = try Wardgraph.run(["query", "-e", AnswerOutputTests.wardPartner, "-o", fifo], directory: project.path)
        let received = reader.text()
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced by a file")
        #expect(received.split(separator: "\n").count == 55)
    }
}
