/// A Graphviz colour: a name from Graphviz's colour table (`"lightblue"`) or `#RRGGBB[AA]`.
///
/// Kept as the text Graphviz reads, because Graphviz already knows several hundred
/// names and the ward styles are written by people who think in those names:
///
///     let fill: DotColor = "#FFF4D6"
///     let border = DotColor.rgb(0x33, 0x66, 0x99)
///
/// The writer always quotes and escapes the value, so no colour can break the DOT
/// file; an unknown name only makes `dot` print a warning and draw black.
public struct DotColor: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The text written as the attribute's value.
    public let value: String

    public init(_ value: String) { self.value = value }

    public init(stringLiteral value: String) { self.value = value }

    /// An opaque colour from its red, green and blue components: `#RRGGBB`.
    public static func rgb(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> DotColor {
        DotColor("#" + hex(red) + hex(green) + hex(blue))
    }

    /// A colour with transparency: `#RRGGBBAA` (alpha 0 is fully transparent).
    public static func rgba(_ red: UInt8, _ green: UInt8, _ blue: UInt8, _ alpha: UInt8) -> DotColor {
        DotColor("#" + hex(red) + hex(green) + hex(blue) + hex(alpha))
    }

    public static let black: DotColor = "black"
    public static let white: DotColor = "white"
    public static let gray: DotColor = "gray50"
    public static let lightGray: DotColor = "gray85"
    public static let transparent: DotColor = "transparent"

    public var description: String { value }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
