/// The request target (RFC 9112 §3.2) read into a decoded path and query items.
extension RequestParser {
    /// Splits the target into its decoded path and query; accepts the origin form
    /// (`/path?query`), the absolute form (`http://host/path`) and `*` for OPTIONS.
    static func parseTarget(_ bytes: ArraySlice<UInt8>, method: String) -> Result<(raw: String, path: String, query: [(name: String, value: String)]), HTTPError> {
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(HTTPError(.badRequest, "the request target has a character that must be percent-encoded"))
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        if raw == "*" {
            return method == "OPTIONS" ? .success((raw, "*", [])) : .failure(HTTPError(.badRequest, "the target * is only for OPTIONS"))
        }
        var rest = Substring(raw)
        if !rest.hasPrefix("/") {
            let lower = rest.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                return .failure(HTTPError(.badRequest, "the request target must start with '/'"))
            }
            rest = rest.dropFirst(lower.hasPrefix("http://") ? 7 : 8)
            rest = rest.firstIndex(where: { $0 == "/" || $0 == "?" }).map { rest[$0...] } ?? "/"
            if rest.hasPrefix("?") { rest = "/" + rest }
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let pathPart = rest.prefix { $0 != "?" }
        let queryPart = rest.dropFirst(pathPart.count + 1)
        guard let path = percentDecoded(pathPart, plusIsSpace: false) else {
            return .failure(HTTPError(.badRequest, "the path has a bad percent-encoding, encodes invalid UTF-8, or a NUL"))
        }
        var query: [(name: String, value: String)] = []
        for item in queryPart.split(separator: "&") where !item.isEmpty {
            let name = item.prefix { $0 != "=" }
            let value = item.dropFirst(name.count + 1)
            guard let decodedName = percentDecoded(name, plusIsSpace: true), let decodedValue = percentDecoded(value, plusIsSpace: true) else {
                return .failure(HTTPError(.badRequest, "the query has a bad percent-encoding, encodes invalid UTF-8, or a NUL"))
            }
            query.append((decodedName, decodedValue))
        }
        return .success((raw, path, query))
    }

    /// `%XX` escapes decoded; nil for a bad escape, invalid UTF-8, or a NUL.
    static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else if byte == UInt8(ascii: "+") && plusIsSpace {
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
