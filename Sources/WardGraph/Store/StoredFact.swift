import Interning
/// A fact's value in 64 bits: two tag bits and a symbol or a 62-bit integer.
struct StoredValue: Hashable, Sendable {
    enum Tag: UInt64 { case node = 0, text = 1, integer = 2 }

    let raw: UInt64

    static func node(_ symbol: SymbolTable.Symbol) -> StoredValue { StoredValue(raw: UInt64(symbol)) }
    static func text(_ symbol: SymbolTable.Symbol) -> StoredValue { StoredValue(raw: 1 << 62 | UInt64(symbol)) }
    static func integer(_ n: Int64) -> StoredValue {
        StoredValue(raw: 2 << 62 | (UInt64(bitPattern: n) & ((1 << 62) - 1)))
    }

    var tag: Tag { Tag(rawValue: raw >> 62)! }
    var symbol: SymbolTable.Symbol { SymbolTable.Symbol(truncatingIfNeeded: raw) }
    /// The integer, sign-extended from 62 bits.
    var integer: Int64 { Int64(bitPattern: raw << 2) >> 2 }
}

/// A fact as kept in memory: 16 bytes, hashed and compared without touching strings.
struct StoredFact: Hashable, Sendable {
    let entity: SymbolTable.Symbol
    let attribute: SymbolTable.Symbol
    let value: StoredValue
}

/// A fact's source as kept in memory; document symbol 0 means "no document".
struct StoredSource: Hashable, Sendable {
    let document: SymbolTable.Symbol
    let firstLine: UInt32
    let lastLine: UInt32

    static let none = StoredSource(document: 0, firstLine: 0, lastLine: 0)
    var isNone: Bool { document == 0 }
}

extension SymbolTable {
    /// Interns a fact's strings, skipping the table for an entity or attribute
    /// that is the same string as the previous fact's: a batch lists a node's facts
    /// together, so most lookups of a bulk load end here.
    mutating func store(_ fact: Fact, recent: inout RecentSymbols) -> StoredFact {
        let value: StoredValue
        switch fact.value {
        case .node(let id): value = .node(intern(id.description))
        case .text(let text): value = .text(intern(text))
        case .integer(let n): value = .integer(n)
        }
        let entity = recent.entity.symbol(for: fact.entity.description) { intern($0) }
        let attribute = recent.attribute.symbol(for: fact.attribute) { intern($0) }
        return StoredFact(entity: entity, attribute: attribute, value: value)
    }

    /// The stored form of `fact` if all its strings are known (otherwise no such fact exists).
    func lookup(_ fact: Fact) -> StoredFact? {
        guard let entity = lookup(fact.entity.description), let attribute = lookup(fact.attribute) else { return nil }
        let value: StoredValue
        switch fact.value {
        case .node(let id):
            guard let symbol = lookup(id.description) else { return nil }
            value = .node(symbol)
        case .text(let text):
            guard let symbol = lookup(text) else { return nil }
            value = .text(symbol)
        case .integer(let n): value = .integer(n)
        }
        return StoredFact(entity: entity, attribute: attribute, value: value)
    }

    /// Decodes a stored fact. Ids in the store were validated when written.
    func fact(_ stored: StoredFact) -> Fact {
        Fact(nodeID(stored.entity), self[stored.attribute], factValue(stored.value))
    }

    func factValue(_ value: StoredValue) -> FactValue {
        switch value.tag {
        case .node: return .node(nodeID(value.symbol))
        case .text: return .text(self[value.symbol])
        case .integer: return .integer(value.integer)
        }
    }

    /// The id behind a symbol that the store holds as an entity or an edge's end;
    /// those were validated when written and their kinds checked when read back.
    func nodeID(_ symbol: Symbol) -> NodeID {
        NodeID(trusted: self[symbol])
    }

    func source(_ stored: StoredSource) -> Source? {
        stored.isNone ? nil : Source(document: self[stored.document], lines: Int(stored.firstLine)...Int(stored.lastLine))
    }

    /// Operation number `op` of `ops` as a change, with its source.
    func change(_ op: Int, of ops: OpLog) -> Change {
        let fact = fact(ops.facts[op])
        return ops.retractions[op] ? .retract(fact) : .assert(fact, source: source(ops.sources[op]))
    }
}

/// The last strings interned for each position of a fact, to skip hashing the
/// common repeats of a batch.
struct RecentSymbols {
    struct Slot {
        private var text: String?
        private var cached: SymbolTable.Symbol = 0

        /// Equal strings that share storage compare in constant time, so a hit is cheap.
        @inline(__always)
        mutating func symbol(for string: String, intern: (String) -> SymbolTable.Symbol) -> SymbolTable.Symbol {
            if let text, text == string { return cached }
            cached = intern(string)
            text = string
            return cached
        }
    }

    var entity = Slot()
    var attribute = Slot()
    var document = Slot()
}
