import Foundation
import TextLayout

/// Answers as an Excel workbook (.xlsx, Office Open XML SpreadsheetML, ECMA-376):
/// one sheet per answer, its header row bold and frozen, columns as wide as their
/// values, numbers as numbers and texts as inline strings, so that a planner opens
/// it in Excel with Japanese intact and no import dialog. When answers carry a
/// caption (the years read) or a label (the query), a last sheet, 情報, lists them,
/// so the sheets themselves hold only the answer's rows.
///
/// The parts are the fewest Excel, LibreOffice and openpyxl open: content types,
/// the package and workbook relationships, the workbook, a style sheet with a bold
/// font, and the worksheets, in a stored ZIP (`ZipArchive`).
public enum XLSXWorkbook {
    public struct Sheet: Sendable {
        public var name: String
        public var result: ResultSet
        /// What the sheet answers, e.g. `Queries/year-changes.dl:11: ?- added(Title).`
        public var label: String?

        public init(name: String, result: ResultSet, label: String? = nil) {
            self.name = name
            self.result = result
            self.label = label
        }
    }

    /// The name of the sheet that lists what each sheet answers.
    public static let aboutSheet = "情報"

    public static func bytes(_ sheets: [Sheet]) -> [UInt8] {
        var sheets = sheets.isEmpty ? [Sheet(name: "Sheet1", result: ResultSet(columns: [], rows: []))] : sheets
        let names = uniqueNames(sheets.map(\.name))
        for i in sheets.indices { sheets[i].name = names[i] }
        if sheets.contains(where: { $0.label != nil || $0.result.caption != nil }) {
            let rows = sheets.map { sheet -> [ResultSet.Cell] in
                [.text(sheet.name), .text(sheet.label ?? ""), .text(sheet.result.caption ?? ""), .integer(Int64(sheet.result.totalRows))]
            }
            sheets.append(Sheet(name: aboutSheet, result: ResultSet(columns: ["sheet", "query", "years", "rows"], rows: rows)))
        }
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", Array(contentTypes(sheets.count).utf8))
        zip.add("_rels/.rels", Array(packageRelationships.utf8))
        zip.add("xl/workbook.xml", Array(workbook(sheets.map(\.name)).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheets.count).utf8))
        zip.add("xl/styles.xml", Array(styles.utf8))
        for (i, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", Array(worksheet(sheet.result).utf8))
        }
        return zip.bytes()
    }

    // MARK: - Parts

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(_ count: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var text = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        text += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        text += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        text += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(office).sheet.main+xml\"/>"
        text += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(office).styles+xml\"/>"
        for i in 1...count {
            text += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"\(office).worksheet+xml\"/>"
        }
        return text + "</Types>"
    }

    static let packageRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipTypes)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(_ names: [String]) -> String {
        var text = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipTypes)\"><sheets>"
        for (i, name) in names.enumerated() {
            text += "<sheet name=\"\(escaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return text + "</sheets></workbook>"
    }

    static func workbookRelationships(_ count: Int) -> String {
        var text = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1...count {
            text += "<Relationship Id=\"rId\(i)\" Type=\"\(relationshipTypes)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        text += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationshipTypes)/styles\" Target=\"styles.xml\"/>"
        return text + "</Relationships>"
    }

    /// Style 0 is the normal text, style 1 the bold header.
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"游ゴシック\"/></font><font><b/><sz val=\"11\"/><name val=\"游ゴシック\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    static func worksheet(_ result: ResultSet) -> String {
        var text = header + "<worksheet xmlns=\"\(main)\">"
        text += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        if !result.columns.isEmpty {
            text += "<cols>"
            for (i, name) in result.columns.enumerated() {
                let widest = result.rows.reduce(DisplayWidth.of(name)) { max($0, i < $1.count ? DisplayWidth.of($1[i].text) : 0) }
                text += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(min(80, widest + 2))\" customWidth=\"1\"/>"
            }
            text += "</cols>"
        }
        text += "<sheetData>"
        text += row(1, result.columns.map { ResultSet.Cell.text($0) }, style: 1)
        for (i, cells) in result.rows.enumerated() { text += row(i + 2, cells, style: 0) }
        return text + "</sheetData></worksheet>"
    }

    static func row(_ number: Int, _ cells: [ResultSet.Cell], style: Int) -> String {
        var text = "<row r=\"\(number)\">"
        for (i, cell) in cells.enumerated() {
            let reference = columnName(i) + String(number)
            let styled = style == 0 ? "" : " s=\"\(style)\""
            switch cell {
            case .integer(let n): text += "<c r=\"\(reference)\"\(styled)><v>\(n)</v></c>"
            case .text(let value) where value.isEmpty: continue
            case .text(let value):
                let space = value.first?.isWhitespace == true || value.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                text += "<c r=\"\(reference)\" t=\"inlineStr\"\(styled)><is><t\(space)>\(escaped(value))</t></is></c>"
            }
        }
        return text + "</row>"
    }

    /// A, B, …, Z, AA, AB, …: the letters of the zero-based column `index`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Text for XML: the markup characters as entities, and the control characters
    /// XML 1.0 forbids as Excel's own escape, `_x0001_`.
    static func escaped(_ text: String) -> String {
        XMLText.escaped(text) { scalar in
            guard (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
        }
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`,
    /// not empty, and each different (a second `Sheet` becomes `Sheet (2)`).
    static func uniqueNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31)).trimmingCharacters(in: .whitespaces)
            if cleaned.isEmpty || cleaned == aboutSheet { cleaned = "Sheet\(index + 1)" }
            var candidate = cleaned
            var n = 2
            while !used.insert(candidate.lowercased()).inserted {
                let suffix = " (\(n))"
                candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            return candidate
        }
    }
}
