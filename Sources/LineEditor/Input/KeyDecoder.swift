/// Turns the bytes a terminal sends in raw mode into keys, one byte at a time.
///
///     var decoder = KeyDecoder()
///     decoder.feed(Array("泉\u{1B}[D\r".utf8))   // [.character("泉"), .left, .enter]
///
/// A pure state machine (the shape of swift-nio's parsers): bytes may arrive
/// split anywhere, even inside a UTF-8 character or an escape sequence, and the
/// decoder keeps its place between calls. It understands
/// - UTF-8, replacing every invalid or truncated sequence by U+FFFD (never a
///   crash) as the Unicode "maximal subpart" practice says;
/// - CSI sequences `ESC [ params final` (arrows, `ESC [ H`/`F`, `ESC [ n ~` for
///   Home, Insert, Delete, End, Page Up/Down, with xterm modifiers `ESC [ 1 ; 5 D`)
///   and SS3 sequences `ESC O x` (arrows, Home, End in application mode);
/// - control keys, Enter as CR or LF (CR LF counts once), Backspace as DEL or BS;
/// - bracketed paste, `ESC [ 200 ~ … ESC [ 201 ~`, whose contents become
///   `.paste` lines separated by `.enter`, never keys.
///
/// A lone ESC is ambiguous: the Escape key, or the start of a sequence whose next
/// bytes are still on their way. The decoder holds it; when `isHoldingBytes` and
/// no byte comes within a short time (50 ms is usual), call `flushHeldBytes()`.
public struct KeyDecoder: Sendable {
    private enum State: Sendable, Equatable {
        case ground
        /// Inside a UTF-8 sequence: the bytes so far and how many it needs.
        case utf8(bytes: [UInt8], needed: Int)
        case escape
        /// After `ESC [`: parameter and intermediate bytes so far.
        case csi([UInt8])
        /// After `ESC [ [` (Linux console function keys): one more byte ends it.
        case linuxFunctionKey
        case ss3
        /// Inside a bracketed paste: the pasted bytes so far.
        case paste([UInt8])
    }

    private var state = State.ground
    private var lastByteWasCarriageReturn = false

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)
    private static let maximumSequenceLength = 32

    public init() {}

    /// Whether bytes are held that may be a key on their own (a lone ESC) or the
    /// start of a sequence; the reader should wait briefly, then flush.
    /// False inside a bracketed paste, which only its end marker finishes.
    public var isHoldingBytes: Bool {
        switch state {
        case .ground, .paste: return false
        default: return true
        }
    }

    /// Feeds bytes; returns the keys they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        var keys: [Key] = []
        for byte in bytes {
            feed(byte, into: &keys)
        }
        return keys
    }

    /// Feeds one byte; returns the keys it completes (often none, sometimes two).
    public mutating func feed(_ byte: UInt8) -> [Key] {
        var keys: [Key] = []
        feed(byte, into: &keys)
        return keys
    }

    /// The keys for bytes held after a pause: a lone ESC becomes `.escape`, a
    /// truncated UTF-8 sequence U+FFFD, a truncated escape sequence `.unknown`.
    /// A bracketed paste in progress stays held.
    public mutating func flushHeldBytes() -> [Key] {
        var keys: [Key] = []
        switch state {
        case .ground, .paste:
            break
        case .utf8:
            keys.append(.character(Self.replacement))
        case .escape:
            keys.append(.escape)
        case .csi(let parameters):
            keys.append(.unknown([0x1B, 0x5B] + parameters))
        case .linuxFunctionKey:
            keys.append(.unknown([0x1B, 0x5B, 0x5B]))
        case .ss3:
            keys.append(.unknown([0x1B, 0x4F]))
        }
        if case .paste = state {} else { state = .ground }
        return keys
    }

    /// The keys for everything held at end of input, an unfinished paste included.
    public mutating func finish() -> [Key] {
        if case .paste(let bytes) = state {
            state = .ground
            return Self.pasteKeys(bytes)
        }
        return flushHeldBytes()
    }

    private static let replacement: Unicode.Scalar = "\u{FFFD}"

    private mutating func feed(_ byte: UInt8, into keys: inout [Key]) {
        let followsCarriageReturn = lastByteWasCarriageReturn
        lastByteWasCarriageReturn = false
        switch state {
        case .ground:
            ground(byte, followsCarriageReturn: followsCarriageReturn, into: &keys)
        case .utf8(var bytes, let needed):
            guard Self.isValidContinuation(byte, after: bytes) else {
                keys.append(.character(Self.replacement))
                state = .ground
                ground(byte, followsCarriageReturn: false, into: &keys)
                return
            }
            bytes.append(byte)
            if bytes.count == needed {
                keys.append(.character(Self.decode(bytes)))
                state = .ground
            } else {
                state = .utf8(bytes: bytes, needed: needed)
            }
        case .escape:
            escape(byte, into: &keys)
        case .csi(var parameters):
            if parameters.isEmpty, byte == UInt8(ascii: "[") {
                state = .linuxFunctionKey
            } else if (0x20...0x3F).contains(byte), parameters.count < Self.maximumSequenceLength {
                parameters.append(byte)
                state = .csi(parameters)
            } else if (0x40...0x7E).contains(byte) {
                state = .ground
                csi(parameters, final: byte, into: &keys)
            } else {
                keys.append(.unknown([0x1B, 0x5B] + parameters))
                state = .ground
                ground(byte, followsCarriageReturn: false, into: &keys)
            }
        case .linuxFunctionKey:
            keys.append(.unknown([0x1B, 0x5B, 0x5B, byte]))
            state = .ground
        case .ss3:
            state = .ground
            switch byte {
            case UInt8(ascii: "A"): keys.append(.up)
            case UInt8(ascii: "B"): keys.append(.down)
            case UInt8(ascii: "C"): keys.append(.right)
            case UInt8(ascii: "D"): keys.append(.left)
            case UInt8(ascii: "H"): keys.append(.home)
            case UInt8(ascii: "F"): keys.append(.end)
            case UInt8(ascii: "M"): keys.append(.enter)
            default: keys.append(.unknown([0x1B, 0x4F, byte]))
            }
        case .paste(var bytes):
            state = .ground  // drop the state's reference, so that appending does not copy
            bytes.append(byte)
            if bytes.count >= Self.pasteEnd.count, bytes.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd) {
                state = .ground
                keys += Self.pasteKeys(bytes.dropLast(Self.pasteEnd.count))
            } else {
                state = .paste(bytes)
            }
        }
    }

    private mutating func ground(_ byte: UInt8, followsCarriageReturn: Bool, into keys: inout [Key]) {
        switch byte {
        case 0x0D:
            lastByteWasCarriageReturn = true
            keys.append(.enter)
        case 0x0A:
            if !followsCarriageReturn { keys.append(.enter) }
        case 0x09:
            keys.append(.tab)
        case 0x08, 0x7F:
            keys.append(.backspace)
        case 0x1B:
            state = .escape
        case 0x00:
            keys.append(.control("@"))
        case 0x01...0x1A:
            keys.append(.control(Character(Unicode.Scalar(byte + 0x60))))
        case 0x1C...0x1F:
            keys.append(.control(Character(Unicode.Scalar(byte + 0x40))))
        case 0x20...0x7E:
            keys.append(.character(Unicode.Scalar(byte)))
        case 0xC2...0xDF:
            state = .utf8(bytes: [byte], needed: 2)
        case 0xE0...0xEF:
            state = .utf8(bytes: [byte], needed: 3)
        case 0xF0...0xF4:
            state = .utf8(bytes: [byte], needed: 4)
        default:
            keys.append(.character(Self.replacement))
        }
    }

    private mutating func escape(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case UInt8(ascii: "["):
            state = .csi([])
        case UInt8(ascii: "O"):
            state = .ss3
        case 0x1B:
            keys.append(.escape)
        case 0x20...0x7F:
            state = .ground
            keys.append(.meta(Character(Unicode.Scalar(byte))))
        default:
            keys.append(.escape)
            state = .ground
            ground(byte, followsCarriageReturn: false, into: &keys)
        }
    }

    private mutating func csi(_ parameters: [UInt8], final: UInt8, into keys: inout [Key]) {
        let fields = String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
        let first = fields.first.flatMap { Int($0) }
        // xterm sends modifiers as a second parameter: 1 + (shift 1 | alt 2 | ctrl 4).
        let modifiers = fields.count > 1 ? (Int(fields[1]) ?? 1) - 1 : 0
        let byWord = modifiers & 0b110 != 0
        switch final {
        case UInt8(ascii: "A"): keys.append(.up)
        case UInt8(ascii: "B"): keys.append(.down)
        case UInt8(ascii: "C"): keys.append(byWord ? .wordRight : .right)
        case UInt8(ascii: "D"): keys.append(byWord ? .wordLeft : .left)
        case UInt8(ascii: "H"): keys.append(.home)
        case UInt8(ascii: "F"): keys.append(.end)
        case UInt8(ascii: "~"):
            switch first {
            case 1, 7: keys.append(.home)
            case 2: keys.append(.insert)
            case 3: keys.append(.delete)
            case 4, 8: keys.append(.end)
            case 5: keys.append(.pageUp)
            case 6: keys.append(.pageDown)
            case 200: state = .paste([])
            case 201: break  // a paste end without its start: nothing to do
            default: keys.append(.unknown([0x1B, 0x5B] + parameters + [final]))
            }
        default:
            keys.append(.unknown([0x1B, 0x5B] + parameters + [final]))
        }
    }

    /// Pasted bytes as `.paste` lines separated by `.enter`. Line breaks may be CR,
    /// LF or CR LF; tabs become spaces (a pasted tab must not trigger completion
    /// nor take zero columns); other control characters are dropped.
    private static func pasteKeys(_ bytes: some Collection<UInt8>) -> [Key] {
        let text = String(decoding: bytes, as: UTF8.self)
        var keys: [Key] = []
        var line = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\r", "\n":
                if scalar == "\n", previous == "\r" { continue }
                if !line.isEmpty { keys.append(.paste(String(line))) }
                keys.append(.enter)
                line = String.UnicodeScalarView()
            case "\t":
                line.append(" ")
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                continue
            default:
                line.append(scalar)
            }
        }
        if !line.isEmpty { keys.append(.paste(String(line))) }
        return keys
    }

    /// Whether `byte` may follow `bytes` in well-formed UTF-8 (Unicode Table 3-7):
    /// excludes overlong forms, surrogates and code points above U+10FFFF.
    private static func isValidContinuation(_ byte: UInt8, after bytes: [UInt8]) -> Bool {
        guard bytes.count == 1 else { return (0x80...0xBF).contains(byte) }
        switch bytes[0] {
        case 0xE0: return (0xA0...0xBF).contains(byte)
        case 0xED: return (0x80...0x9F).contains(byte)
        case 0xF0: return (0x90...0xBF).contains(byte)
        case 0xF4: return (0x80...0x8F).contains(byte)
        default: return (0x80...0xBF).contains(byte)
        }
    }

    private static func decode(_ bytes: [UInt8]) -> Unicode.Scalar {
        var value = UInt32(bytes[0]) & (bytes.count == 2 ? 0x1F : bytes.count == 3 ? 0x0F : 0x07)
        for byte in bytes.dropFirst() {
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value) ?? replacement
    }
}
