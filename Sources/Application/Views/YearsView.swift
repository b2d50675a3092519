import TextLayout
import WardGraph

/// The fiscal years a graph has documents of, as JSON: for a year picker (the
/// explorer's) and for clients that ask which years a `year` parameter may name.
///
///     {"tx": 5, "latest": "年度: 旭区 R8, 泉区 R7, …",
///      "years": [{"year": "R7", "japanese": "令和7年度", "western": 2025, "wards": ["泉区", …]}, …]}
///
/// Years are newest first; `latest` is what a question reads without `year`.
public enum YearsView {
    public static func json(_ documents: [WardDocument], asOf tx: UInt64) -> JSONValue {
        var wardsByYear: [FiscalYear: [String]] = [:]
        for document in documents { wardsByYear[document.year, default: []].append(document.ward) }
        return .object([
            ("tx", .integer(Int64(tx))),
            ("latest", .string(YearReading(documents, selection: .latest).caption)),
            ("years", .array(wardsByYear.keys.sorted(by: >).map { year in
                .object([
                    ("year", .string(year.short)), ("japanese", .string(year.japanese)), ("western", .integer(year.western)),
                    ("wards", .array(wardsByYear[year]!.sorted().map { .string($0) })),
                ])
            })),
        ])
    }
}
