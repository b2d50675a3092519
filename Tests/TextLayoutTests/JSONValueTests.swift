import Foundation
import Testing
import TextLayout

/// JSON values: rendering keeps key order and Japanese text; parsing is strict and
/// says where a text goes wrong.
@Suite struct JSONValueTests {
    @Test func renderingKeepsKeyOrderAndJapanese() {
        let value: JSONValue = .object([
            ("tx", .integer(5)), ("ward", .string("泉区")), ("ok", .bool(true)), ("none", .null),
            ("ms", .number(1.25)), ("list", .array([.integer(1), .string("a\"b\n")])),
        ])
        #expect(value.rendered() == #"{"tx": 5, "ward": "泉区", "ok": true, "none": null, "ms": 1.25, "list": [1, "a\"b\n"]}"#)
    }

    @Test func parsingReadsWhatRenderingWrites() throws {
        let value: JSONValue = .object([
            ("program", .string("?- shared_partner(泉区, W, P).")), ("params", .object([("ward", .string("港北区"))])),
            ("limit", .integer(10)), ("as_of", .null), ("nested", .array([.array([]), .object([])])), ("x", .number(-0.5)),
        ])
        #expect(try JSONValue.parse(value.rendered()) == value)
    }

    @Test func escapesAndSurrogatePairs() throws {
        #expect(try JSONValue.parse(#""\u6cc9\u533a \ud83d\ude00 \/ \t""#) == .string("泉区 😀 / \t"))
        #expect(try JSONValue.parse(#"{"a": 1e3, "b": -0, "c": 12345678901}"#)["c"] == .integer(12_345_678_901))
    }

    @Test(arguments: [
        ("", "the text is empty; expected a JSON value", 0),
        ("{", "expected a key in double quotes", 1),
        (#"{"a" 1}"#, "expected ':' after the key \"a\"", 5),
        (#"{"a": 1,}"#, "expected a key in double quotes", 8),
        (#"[1, 2"#, "expected ',' or ']' in an array", 5),
        (#"{"a": 1, "a": 2}"#, "the key \"a\" appears twice", 9),
        (#""abc"#, "a string is not closed with '\"'", 0),
        ("\"a\u{01}b\"", "a control character (byte 1) inside a string; write it as an escape such as \\n", 2),
        (#""\x""#, "unknown escape '\\x' in a string", 1),
        (#""\ud800""#, "a lone surrogate \\uD800 in a string", 7),
        ("01", "a number may not start with 0", 0),
        ("1.", "expected a digit after '.'", 2),
        ("tru", "expected a value (did you mean true?)", 0),
        ("{} x", "unexpected text after the JSON value", 3),
        ("// no", "expected a value (an object, array, string, number, true, false or null)", 0),
        ("1e999", "the number 1e999 is out of range", 0),
    ])
    func malformedTextsAreReportedWithTheirOffset(_ text: String, _ message: String, _ offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.offset == offset)
        }
    }

    @Test func invalidUTF8IsReportedAtItsFirstBadByte() {
        let bytes: [UInt8] = Array(#"{"q": "泉"#.utf8) + [0xE5, 0x8C] + Array(#""}"#.utf8)
        #expect(UTF8Validation.firstInvalidOffset(bytes) == 10)
        do {
            _ = try JSONValue.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.message == "the text is not valid UTF-8")
            #expect(error.offset == 10)
        }
        // Overlong forms, surrogates and code points above U+10FFFF are not UTF-8.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            #expect(UTF8Validation.firstInvalidOffset([0x41] + bad) == 1)
        }
        #expect(UTF8Validation.firstInvalidOffset(Array("泉区😀".utf8)) == nil)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(throws: Never.self) { try JSONValue.parse(fine) }
    }

    @Test func errorsGiveLineAndColumn() {
        do {
            _ = try JSONValue.parse("{\n  \"区\": ,\n}")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
            #expect(error.description.hasPrefix("expected a value"))
        }
    }
}
