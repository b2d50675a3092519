import Foundation

/// A gold annotation file (`*.gold.json`, format in GUIDELINES.md). Also reads the
/// output of ``ExtractedDocument/goldJSON()``, whose extra keys it accepts.
public struct GoldDocument: Decodable, Sendable, Equatable {
    public struct Measure: Decodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var level: Int
        public var parent: String?
        public var line: Int?
    }

    /// A section or a partner.
    public struct Named: Decodable, Sendable, Equatable {
        public var name: String
        public var aliases: [String]

        private enum CodingKeys: String, CodingKey { case name, aliases }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    public struct Plan: Decodable, Sendable, Equatable {
        public var name: String
        public var within: String?
        public var aliases: [String]

        private enum CodingKeys: String, CodingKey { case name, within, aliases }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            within = try c.decodeIfPresent(String.self, forKey: .within)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    /// An edge row `[from, type, to]`.
    public struct Edge: Decodable, Sendable, Equatable, Hashable {
        public var from: String
        public var type: String
        public var to: String

        public init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            from = try c.decode(String.self)
            type = try c.decode(String.self)
            to = try c.decode(String.self)
            guard c.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "an edge has exactly three strings: [from, type, to]")
            }
        }
    }

    public var document: String
    public var ward: String
    public var fiscalYear: String
    public var measures: [Measure]
    public var sections: [Named]
    public var partners: [Named]
    public var plans: [Plan]
    public var edges: [Edge]

    private enum CodingKeys: String, CodingKey {
        case document, ward, fiscalYear = "fiscal_year", measures, sections, partners, plans, edges
    }

    /// Decodes a gold file's bytes; errors say which file.
    public static func decode(_ data: Data, fileName: String) throws -> GoldDocument {
        do {
            return try JSONDecoder().decode(GoldDocument.self, from: data)
        } catch {
            throw GoldFileError(fileName: fileName, underlying: String(describing: error))
        }
    }
}

/// A gold file that could not be read.
public struct GoldFileError: Error, Sendable, CustomStringConvertible {
    public var fileName: String
    public var underlying: String
    public var description: String { "\(fileName): not a valid gold file: \(underlying)" }
}
