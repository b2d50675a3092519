import TextLayout

/// Formats completion candidates in columns, as shells list them after a second Tab.
///
///     ward        wardOffice  ward_name
///
/// Candidates run down the columns, then across (like `ls`), each column as wide
/// as the widest candidate plus two spaces, as many columns as fit in `width`
/// display columns. Rows end in CR LF because the terminal is in raw mode.
public enum CompletionList {
    public static func format(_ candidates: [String], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let columnWidth = (candidates.map(\.displayWidth).max() ?? 0) + 2
        let columns = max(1, min(candidates.count, (width + 2) / columnWidth))
        let rows = (candidates.count + columns - 1) / columns
        var output = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let isLast = column == columns - 1 || index + rows >= candidates.count
                line += isLast ? candidates[index] : candidates[index].padded(toWidth: columnWidth)
            }
            output += line + "\r\n"
        }
        return output
    }
}
