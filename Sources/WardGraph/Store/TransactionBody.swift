import Interning
import TransactionLog

/// The body of a log record as the graph store writes it. The log's envelope
/// (transaction id, time, author) is around it; see `LogFormat`.
///
/// ```
///  body      := kind:u8 …
///  kind 1    facts:   origin:u8 (0 person, 1 document)
///                     [document key: string]               if origin = 1
///                     string count:varint, strings          this record's string table
///                     op count:varint, ops
///  op        := flags:u8   bit 0 retract; bits 1–2 value type (0 node, 1 text, 2 integer);
///                          bit 3 has source
///               entity:varint (string index)  attribute:varint (string index)
///               value: varint string index (node, text) | zigzag varint (integer)
///               [document:varint (string index)  first line:varint  line count − 1:varint]
///  kind 2    program: name:string  text:string         rules saved from the REPL
/// ```
///
/// Each record carries its own string table, so any record can be decoded alone
/// and a bulk transaction stores each string once: a fact costs about 10 bytes.
enum TransactionBody {
    static let factsKind: UInt8 = 1
    static let programKind: UInt8 = 2

    /// One operation to encode, in the store's symbols.
    struct Operation {
        let fact: StoredFact
        let isRetraction: Bool
        let source: StoredSource
    }

    static func encodeFacts(origin: Origin, operations: [Operation], symbols: SymbolTable) -> [UInt8] {
        var local = SymbolMap()
        var strings: [SymbolTable.Symbol] = []
        func index(_ symbol: SymbolTable.Symbol) -> Int {
            let i = local.value(for: symbol, insert: UInt32(strings.count))
            if i == strings.count { strings.append(symbol) }
            return Int(i)
        }
        var ops = ByteWriter(capacity: operations.count * 8)
        for operation in operations {
            let fact = operation.fact
            var flags: UInt8 = operation.isRetraction ? 1 : 0
            flags |= UInt8(fact.value.tag.rawValue) << 1
            if !operation.source.isNone { flags |= 1 << 3 }
            ops.byte(flags)
            ops.varint(index(fact.entity))
            ops.varint(index(fact.attribute))
            switch fact.value.tag {
            case .node, .text: ops.varint(index(fact.value.symbol))
            case .integer: ops.signedVarint(fact.value.integer)
            }
            if !operation.source.isNone {
                let source = operation.source
                ops.varint(index(source.document))
                ops.varint(UInt64(source.firstLine))
                ops.varint(UInt64(source.lastLine - source.firstLine))
            }
        }
        var body = ByteWriter(capacity: ops.count + strings.count * 24 + 16)
        body.byte(factsKind)
        switch origin {
        case .person: body.byte(0)
        case .document(let key):
            body.byte(1)
            body.string(key)
        }
        body.varint(strings.count)
        for symbol in strings { body.string(symbols[symbol]) }
        body.varint(operations.count)
        body.append(ops.bytes)
        return body.bytes
    }

    static func encodeProgram(name: String, text: String) -> [UInt8] {
        var body = ByteWriter()
        body.byte(programKind)
        body.string(name)
        body.string(text)
        return body.bytes
    }

    /// Decodes a body, appending its operations to `ops` and applying them to `state`.
    /// Returns what the transaction was, and the text of a saved program.
    static func decode(
        _ body: UnsafeRawBufferPointer, transaction: UInt32,
        symbols: inout SymbolTable, ops: inout OpLog, state: inout GraphState
    ) throws -> (content: TransactionInfo.Content, programText: String?) {
        var reader = ByteReader(body)
        let kind = try reader.byte()
        switch kind {
        case factsKind:
            return (try decodeFacts(&reader, transaction: transaction, symbols: &symbols, ops: &ops, state: &state), nil)
        case programKind:
            let name = try reader.string()
            return (.program(name: name), try reader.string())
        default:
            throw ByteReader.Malformed(offset: 0, what: "unknown body kind \(kind)")
        }
    }

    /// What a body holds, decoded on its own, for a repair that applies it again.
    enum Decoded {
        case facts(origin: Origin, changes: [Change])
        case program(name: String, text: String)
    }

    static func decodeAlone(_ body: UnsafeRawBufferPointer) throws -> Decoded {
        var symbols = SymbolTable()
        var ops = OpLog()
        var state = GraphState()
        switch try decode(body, transaction: 0, symbols: &symbols, ops: &ops, state: &state) {
        case (.program(let name), let text):
            return .program(name: name, text: text ?? "")
        case (.facts(let origin, _, _), _):
            return .facts(origin: origin, changes: (0..<ops.count).map { symbols.change($0, of: ops) })
        }
    }

    private static func decodeFacts(
        _ reader: inout ByteReader, transaction: UInt32,
        symbols: inout SymbolTable, ops: inout OpLog, state: inout GraphState
    ) throws -> TransactionInfo.Content {
        let origin: Origin
        switch try reader.byte() {
        case 0: origin = .person
        case 1: origin = .document(key: try reader.string())
        case let other: throw ByteReader.Malformed(offset: reader.offset - 1, what: "unknown origin \(other)")
        }
        let stringCount = try reader.count(limit: reader.remaining)
        var local = [SymbolTable.Symbol]()
        local.reserveCapacity(stringCount)
        // Strings were valid UTF-8 when written and the record passed its checksum,
        // so they are interned as bytes without decoding.
        for _ in 0..<stringCount { local.append(symbols.intern(try reader.stringBytes())) }
        // Entities and edge ends must name a known kind; checked once per string.
        var isNodeID = [Bool?](repeating: nil, count: stringCount)
        func node(_ index: Int, at offset: Int) throws -> SymbolTable.Symbol {
            guard index < stringCount else { throw ByteReader.Malformed(offset: offset, what: "string index \(index) out of range") }
            if isNodeID[index] == nil {
                isNodeID[index] = symbols.withBytes(of: local[index]) { NodeKind(prefixOf: $0) != nil }
            }
            guard isNodeID[index]! else {
                throw ByteReader.Malformed(offset: offset, what: "'\(symbols[local[index]])' is not a node id")
            }
            return local[index]
        }
        func string(_ index: Int, at offset: Int) throws -> SymbolTable.Symbol {
            guard index < stringCount else { throw ByteReader.Malformed(offset: offset, what: "string index \(index) out of range") }
            return local[index]
        }
        let opCount = try reader.count(limit: reader.remaining)
        ops.reserveCapacity(ops.count + opCount)
        state.reserveCapacity(state.count + opCount)
        var assertions = 0
        let isPerson = origin == .person
        for _ in 0..<opCount {
            let at = reader.offset
            let flags = try reader.byte()
            let entity = try node(try reader.count(), at: at)
            let attribute = try string(try reader.count(), at: at)
            let value: StoredValue
            switch (flags >> 1) & 3 {
            case 0: value = .node(try node(try reader.count(), at: at))
            case 1: value = .text(try string(try reader.count(), at: at))
            case 2: value = .integer(try reader.signedVarint())
            default: throw ByteReader.Malformed(offset: at, what: "unknown value type")
            }
            var source = StoredSource.none
            if flags & (1 << 3) != 0 {
                let document = try string(try reader.count(), at: at)
                let first = try reader.count(limit: Int(UInt32.max))
                let span = try reader.count(limit: Int(UInt32.max) - first)
                source = StoredSource(document: document, firstLine: UInt32(first), lastLine: UInt32(first + span))
            }
            let fact = StoredFact(entity: entity, attribute: attribute, value: value)
            let isRetraction = flags & 1 != 0
            ops.append(fact, transaction: transaction, isRetraction: isRetraction, source: source, byPerson: isPerson, applyingTo: &state)
            if !isRetraction { assertions += 1 }
        }
        return .facts(origin: origin, assertions: assertions, retractions: opCount - assertions)
    }
}
