/// A JSON value with its object keys in a fixed order: what the views build and the
/// HTTP service reads from request bodies.
///
///     let value: JSONValue = .object([("tx", .integer(5)), ("ward", .string("泉区"))])
///     value.rendered()          // {"tx": 5, "ward": "泉区"}
///
/// Rendering goes through `JSONText`, so Japanese text stays readable (no `\u`
/// escapes) and keys keep the order they were given in. Parsing (`JSONValue.parse`)
/// is strict RFC 8259 and reports the byte offset of the first problem.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A string, or null for nil.
    public static func string(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    /// An integer, or null for nil.
    public static func integer(_ n: Int?) -> JSONValue {
        n.map { .integer(Int64($0)) } ?? .null
    }

    /// The member `key` of an object (the last one, if repeated); nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var integerValue: Int64? {
        switch self {
        case .integer(let n): return n
        case .number(let d) where d.rounded() == d && abs(d) < 9e15: return Int64(d)
        default: return nil
        }
    }

    public var isNull: Bool { self == .null }

    /// What kind of value this is, for messages: "a string", "an object".
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as compact JSON text, keys in their given order.
    public func rendered() -> String {
        String(decoding: utf8Rendered(), as: UTF8.self)
    }

    /// The value as compact JSON in UTF-8 bytes, as `rendered()` writes it: what an
    /// HTTP body needs, without a `String` in between.
    public func utf8Rendered() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .number(let d): out.append(contentsOf: (d.isFinite ? Self.shortest(d) : "null").utf8)
        case .string(let s): JSONText.append(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: ", ".utf8) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(contentsOf: ", ".utf8) }
                JSONText.append(member.0, to: &out)
                out.append(contentsOf: ": ".utf8)
                member.1.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A finite double without needless digits: `1.5`, `0.25`, `3` for 3.0.
    private static func shortest(_ d: Double) -> String {
        if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
