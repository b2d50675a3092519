import Testing
@testable import LineEditor

@Suite struct KeyDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let keys: [Key]
        var testDescription: String { name }

        init(_ name: String, _ bytes: [UInt8], _ keys: [Key]) {
            self.name = name
            self.bytes = bytes
            self.keys = keys
        }

        init(_ name: String, _ text: String, _ keys: [Key]) {
            self.init(name, Array(text.utf8), keys)
        }
    }

    static let cases: [Case] = [
        Case("ASCII", "ward", Key.typing("ward")),
        Case("kanji (3-byte UTF-8)", "泉区", [.character("泉"), .character("区")]),
        Case("emoji (4-byte UTF-8)", "👍", [.character("👍")]),
        Case("combining mark is its own key", "か\u{3099}", [.character("か"), .character("\u{3099}")]),
        Case("halfwidth katakana", "ｱ", [.character("ｱ")]),
        Case("Enter as CR", "\r", [.enter]),
        Case("Enter as LF", "\n", [.enter]),
        Case("CR LF is one Enter", "a\r\nb", [.character("a"), .enter, .character("b")]),
        Case("CR CR is two Enters", "\r\r", [.enter, .enter]),
        Case("LF LF is two Enters", "\n\n", [.enter, .enter]),
        Case("Tab", "\t", [.tab]),
        Case("Backspace as DEL", [0x7F], [.backspace]),
        Case("Backspace as BS", [0x08], [.backspace]),
        Case("Ctrl-A", [0x01], [.control("a")]),
        Case("Ctrl-C", [0x03], [.control("c")]),
        Case("Ctrl-D", [0x04], [.control("d")]),
        Case("Ctrl-R", [0x12], [.control("r")]),
        Case("Ctrl-Z", [0x1A], [.control("z")]),
        Case("Ctrl-@", [0x00], [.control("@")]),
        Case("Ctrl-_", [0x1F], [.control("_")]),
        Case("CSI arrows", "\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D", [.up, .down, .right, .left]),
        Case("SS3 arrows", "\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD", [.up, .down, .right, .left]),
        Case("Home and End as CSI H/F", "\u{1B}[H\u{1B}[F", [.home, .end]),
        Case("Home and End as SS3 H/F", "\u{1B}OH\u{1B}OF", [.home, .end]),
        Case("Home and End as CSI 1~ 4~", "\u{1B}[1~\u{1B}[4~", [.home, .end]),
        Case("Home and End as CSI 7~ 8~ (rxvt)", "\u{1B}[7~\u{1B}[8~", [.home, .end]),
        Case("Delete", "\u{1B}[3~", [.delete]),
        Case("Insert, Page Up, Page Down", "\u{1B}[2~\u{1B}[5~\u{1B}[6~", [.insert, .pageUp, .pageDown]),
        Case("Ctrl-Left and Ctrl-Right", "\u{1B}[1;5D\u{1B}[1;5C", [.wordLeft, .wordRight]),
        Case("Alt-Left", "\u{1B}[1;3D", [.wordLeft]),
        Case("Shift-Right is plain Right", "\u{1B}[1;2C", [.right]),
        Case("Shift-Delete", "\u{1B}[3;2~", [.delete]),
        Case("Alt-b", "\u{1B}b", [.meta("b")]),
        Case("Alt-Backspace", [0x1B, 0x7F], [.meta("\u{7F}")]),
        Case("ESC ESC then a key", "\u{1B}\u{1B}b", [.escape, .meta("b")]),
        Case("unknown CSI (F5)", "\u{1B}[15~x", [.unknown(Array("\u{1B}[15~".utf8)), .character("x")]),
        Case("unknown SS3 (F1)", "\u{1B}OPx", [.unknown(Array("\u{1B}OP".utf8)), .character("x")]),
        Case("Linux console F1", "\u{1B}[[Ax", [.unknown(Array("\u{1B}[[A".utf8)), .character("x")]),
        Case("CSI broken by a control byte", "\u{1B}[1\u{03}", [.unknown(Array("\u{1B}[1".utf8)), .control("c")]),
        Case("stray paste end is ignored", "\u{1B}[201~a", [.character("a")]),
        Case(
            "bracketed paste of one line",
            "\u{1B}[200~?- ward(泉区).\u{1B}[201~",
            [.paste("?- ward(泉区).")]
        ),
        Case(
            "bracketed paste of several lines",
            "\u{1B}[200~one\rtwo\r\nthree\nfour\u{1B}[201~",
            [.paste("one"), .enter, .paste("two"), .enter, .paste("three"), .enter, .paste("four")]
        ),
        Case(
            "pasted tab, escape and arrows are text, not keys",
            "\u{1B}[200~a\tb\u{1B}[Ac\u{1B}[201~",
            [.paste("a b[Ac")]
        ),
        Case("paste ending in a newline", "\u{1B}[200~x\n\u{1B}[201~", [.paste("x"), .enter]),
        Case("empty paste", "\u{1B}[200~\u{1B}[201~", []),
        Case("invalid lead byte", [0xFF, 0x61], [.character("\u{FFFD}"), .character("a")]),
        Case("lone continuation byte", [0x80], [.character("\u{FFFD}")]),
        Case("truncated sequence then ASCII", [0xE6, 0xB3, 0x61], [.character("\u{FFFD}"), .character("a")]),
        Case("overlong encoding", [0xC0, 0xAF], [.character("\u{FFFD}"), .character("\u{FFFD}")]),
        Case("surrogate", [0xED, 0xA0, 0x80], [.character("\u{FFFD}"), .character("\u{FFFD}"), .character("\u{FFFD}")]),
        Case("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], Array(repeating: .character("\u{FFFD}"), count: 4)),
        Case("truncated sequence then ESC", [0xE6, 0x1B, 0x5B, 0x44], [.character("\u{FFFD}"), .left]),
        Case("invalid UTF-8 inside a paste", [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E, 0x61, 0xFF, 0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E], [.paste("a\u{FFFD}")]),
    ]

    @Test(arguments: cases)
    func decodesAllAtOnce(_ c: Case) {
        var decoder = KeyDecoder()
        #expect(decoder.feed(c.bytes) == c.keys)
    }

    @Test(arguments: cases)
    func decodesByteByByte(_ c: Case) {
        var decoder = KeyDecoder()
        var keys: [Key] = []
        for byte in c.bytes {
            keys += decoder.feed(byte)
        }
        #expect(keys == c.keys)
    }

    @Test func loneEscapeIsHeldUntilFlushed() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.isHoldingBytes)
        #expect(decoder.flushHeldBytes() == [.escape])
        #expect(!decoder.isHoldingBytes)
        #expect(decoder.feed(Array("[D".utf8)) == [.character("["), .character("D")])
    }

    @Test func truncatedUTF8IsReplacedWhenFlushed() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0xE6, 0xB3]) == [])
        #expect(decoder.isHoldingBytes)
        #expect(decoder.flushHeldBytes() == [.character("\u{FFFD}")])
    }

    @Test func pasteIsNotFlushedByATimeoutButIsByTheEndOfInput() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~one\ntw".utf8)) == [])
        #expect(!decoder.isHoldingBytes)
        #expect(decoder.flushHeldBytes() == [])
        #expect(decoder.feed(Array("o".utf8)) == [])
        #expect(decoder.finish() == [.paste("one"), .enter, .paste("two")])
    }

    @Test func aLargePasteTakesLinearTime() {
        var decoder = KeyDecoder()
        let line = String(repeating: "泉区ward", count: 20_000)  // 200 kB
        let start = ContinuousClock.now
        let keys = decoder.feed(Array("\u{1B}[200~\(line)\u{1B}[201~".utf8))
        #expect(keys == [.paste(line)])
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func randomBytesNeverCrashAndAlwaysResync() {
        var generator = SystemRandomNumberGenerator()
        var decoder = KeyDecoder()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = decoder.feed(bytes)
        }
        _ = decoder.finish()
        #expect(decoder.feed(Array("a".utf8)) == [.character("a")])
    }
}
