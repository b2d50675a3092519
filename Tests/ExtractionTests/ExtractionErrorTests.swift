import Foundation
import Testing
@testable import Extraction

/// Unusable input is an error that names the file and says what to do, never an
/// empty graph.
@Suite struct ExtractionErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        var label: String
        var bytes: [UInt8]
        var error: ExtractionError
        var description: String { label }
    }

    static let ward = Array("令和７年度\n泉区運営方針\n".utf8)

    static let cases: [Case] = [
        Case(label: "empty", bytes: [], error: .emptyFile(fileName: "x.txt")),
        Case(label: "white space only", bytes: Array(" \n\u{3000}\r\n\t\n".utf8), error: .emptyFile(fileName: "x.txt")),
        Case(label: "byte-order mark only", bytes: [0xEF, 0xBB, 0xBF], error: .emptyFile(fileName: "x.txt")),
        Case(label: "NUL byte", bytes: ward + [0x00, 0x41], error: .binaryFile(fileName: "x.txt", byteOffset: ward.count)),
        Case(label: "PDF file", bytes: Array("%PDF-1.7\n".utf8) + [0x0B, 0xE2, 0xE3], error: .binaryFile(fileName: "x.txt", byteOffset: 9)),
        Case(label: "Shift_JIS", bytes: [0x8D, 0x60, 0x96, 0x6B, 0x8B, 0xE6, 0x0A], error: .invalidUTF8(fileName: "x.txt", byteOffset: 0, line: 1)),
        Case(label: "truncated sequence", bytes: ward + [0xE6, 0xB3], error: .invalidUTF8(fileName: "x.txt", byteOffset: ward.count, line: 3)),
        Case(label: "overlong encoding", bytes: Array("a\n".utf8) + [0xC0, 0xAF], error: .invalidUTF8(fileName: "x.txt", byteOffset: 2, line: 2)),
        Case(label: "UTF-16 surrogate", bytes: [0x41, 0xED, 0xA0, 0x80], error: .invalidUTF8(fileName: "x.txt", byteOffset: 1, line: 1)),
        Case(label: "no ward", bytes: Array("令和７年度\n横浜市の予算について\n市民の皆様へ。\n".utf8), error: .noWardFound(fileName: "x.txt", lineCount: 3)),
    ]

    @Test(arguments: cases)
    func unusableInputIsAnError(_ c: Case) throws {
        let extractor = DocumentExtractor(lexicon: Lexicon(partners: [], plans: [], vagueCollectives: []))
        let error = try #require(throws: ExtractionError.self) { try extractor.extract(bytes: c.bytes, fileName: "x.txt") }
        #expect(error == c.error)
        #expect(error.description.hasPrefix("x.txt: "))
    }

    @Test func messagesSayWhatToDo() {
        #expect(ExtractionError.invalidUTF8(fileName: "a.txt", byteOffset: 5, line: 2).description.contains("iconv"))
        #expect(ExtractionError.noWardFound(fileName: "a.txt", lineCount: 9).description.contains("区運営方針"))
        #expect(ExtractionError.binaryFile(fileName: "a.txt", byteOffset: 0).description.contains("pdftotext") == false)
        #expect(ExtractionError.emptyFile(fileName: "a.txt").description.contains("pdftotext"))
    }

    @Test func aMinimalDocumentIsNotAnError() throws {
        let extractor = DocumentExtractor(lexicon: try Corpus.lexicon())
        let doc = try extractor.extract(bytes: Array("\u{FEFF}令和７年度\r\n  泉区運営方針 \r\n".utf8), fileName: "min.txt")
        #expect(doc.ward == "泉区")
        #expect(doc.fiscalYear == "令和7年度")
        #expect(doc.wardLine == 2)
        #expect(doc.measures.isEmpty)
    }

    @Test(arguments: [
        ("令和7年度 港北区 運営方針", "港北区", "令和7年度"), ("港 南 区 運 営 方 針", "港南区", ""),
        ("令和元年度 横浜市保土ケ谷区運営方針", "保土ケ谷区", "令和元年度"), ("平成31年度中区運営方針", "中区", "平成31年度"),
        // The ward's word again, the office, a year in brackets or in other spellings, the ward before the year.
        ("令和８年度　港南区　区運営方針", "港南区", "令和8年度"), ("令和８年度版 港南区役所運営方針", "港南区", "令和8年度"),
        ("令和８年度（2026年度）港南区運営方針", "港南区", "令和8年度"), ("2026年度 港南区運営方針", "港南区", "令和8年度"),
        ("Ｒ８年度 港南区運営方針", "港南区", "令和8年度"), ("港南区 令和８年度 区運営方針", "港南区", "令和8年度"),
        ("2019年度 西区運営方針", "西区", "令和元年度"), ("2018年度 西区運営方針", "西区", "平成30年度"),
    ])
    func theWardAndYearComeFromTheTitle(line: String, ward: String, year: String) throws {
        let title = try #require(WardTitleFinder.find([SourceLine(number: 1, raw: line)]))
        #expect(title.ward == ward)
        #expect(title.fiscalYear == year)
    }
}
