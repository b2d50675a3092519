import Interning
import Foundation
import TransactionLog

/// The graph kept in one append-only log: opened by replaying every record, changed
/// only by appending transactions, readable as of any transaction.
///
/// A store opened with a `writer` name holds the log's writer lock until `close()`;
/// one opened without it only reads, and takes the lock for the moment of each
/// `commit`, first catching up with what other writers appended.
public final class GraphStore {
    public let path: String
    private(set) var symbols = SymbolTable()
    private(set) var ops = OpLog()
    private(set) var state = GraphState()
    public private(set) var transactions: [TransactionInfo] = []
    public private(set) var programs: [String: SavedProgram] = [:]
    /// A torn tail found when opening: cut off if this store holds the writer lock,
    /// otherwise only reported (it may be an append in progress).
    public private(set) var tornTail: TornTail?
    public private(set) var tornTailWasCut = false
    /// Where the bytes of a torn tail that was cut are kept.
    public private(set) var tornTailSavedTo: String?
    /// The file size and the end of the last valid record, after the last read.
    public private(set) var fileSize: UInt64 = 0
    /// The log's format version.
    public private(set) var formatVersion: UInt32 = LogFormat.version
    /// How many times the log was read again from the start because it was no longer
    /// what this store had read (cut by a repair, or replaced): a front end that
    /// holds on to transaction ids (the REPL's :undo) must forget them when it grows.
    public private(set) var reloads = 0
    private var position = LogPosition.start
    private var heldWriter: LogWriter?
    /// The clock for transaction times; replaceable in tests.
    public var clock: () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// Opens the store at `path`.
    /// - Parameters:
    ///   - create: create an empty log if there is no file.
    ///   - writer: hold the writer lock for this store's lifetime, under this name.
    public static func open(at path: String, create: Bool = false, writer: String? = nil) throws -> GraphStore {
        let store = GraphStore(path: path)
        do {
            if let writer {
                let opening = try LogWriter.open(path: path, holder: writer, create: create)
                store.heldWriter = opening.writer
                store.noteCut(opening)
                try store.apply(opening.contents)
            } else {
                if create { try LogFile.createIfMissing(at: path) }
                let contents = try LogFile.read(at: path)
                store.tornTail = contents.tornTail
                try store.apply(contents)
            }
        } catch let error as LogError {
            store.heldWriter?.close()
            throw StoreError.log(error)
        }
        return store
    }

    /// The store the records of `contents` make, in memory only: what a repair keeps
    /// of a damaged log. It holds no lock and is never written through.
    static func replaying(path: String, contents: LogContents) throws -> GraphStore {
        let store = GraphStore(path: path)
        try store.apply(contents)
        return store
    }

    private init(path: String) {
        self.path = path
    }

    deinit { heldWriter?.close() }

    /// Releases the writer lock, if held. The store can still be read.
    public func close() {
        heldWriter?.close()
        heldWriter = nil
    }

    public var lastTransactionID: UInt64 { position.txID }
    public var factCount: Int { state.count }
    public var operationCount: Int { ops.count }

    /// Reads what other writers appended since this store last read the log; if
    /// the log is no longer what this store read (cut by a repair, replaced), reads
    /// it again from the start. Returns the number of new transactions.
    @discardableResult
    public func refresh() throws -> Int {
        guard heldWriter == nil else { return 0 }
        do {
            let before = transactions.count
            do {
                try apply(try LogFile.read(at: path, after: position))
            } catch LogError.changedUnderneath {
                try reload()
                return transactions.count
            }
            return transactions.count - before
        } catch let error as LogError {
            throw StoreError.log(error)
        }
    }

    /// Forgets everything read and reads the log again from its start.
    private func reload() throws {
        symbols = SymbolTable()
        ops = OpLog()
        state = GraphState()
        transactions = []
        programs = [:]
        position = .start
        tornTail = nil
        reloads += 1
        let contents = try LogFile.read(at: path)
        tornTail = contents.tornTail
        try apply(contents)
    }

    /// Records the torn tail that opening for writing cut off, if any.
    private func noteCut(_ opening: LogWriter.Opening) {
        guard let cut = opening.cutTail else { return }
        tornTail = cut
        tornTailWasCut = true
        tornTailSavedTo = opening.cutTailSavedTo
    }

    /// Replays records into memory.
    private func apply(_ contents: LogContents) throws {
        for record in contents.records {
            let index = UInt32(transactions.count)
            let firstOp = ops.count
            let decoded: (content: TransactionInfo.Content, programText: String?)
            do {
                decoded = try contents.withBody(of: record) { body in
                    try TransactionBody.decode(body, transaction: index, symbols: &symbols, ops: &ops, state: &state)
                }
            } catch let error as ByteReader.Malformed {
                throw StoreError.undecodableRecord(path: path, transaction: record.txID, offset: record.offset, reason: error.description)
            }
            if case .program(let name) = decoded.content, let text = decoded.programText {
                programs[name] = SavedProgram(name: name, text: text, transaction: record.txID)
            }
            transactions.append(TransactionInfo(record, content: decoded.content, operations: firstOp..<ops.count))
        }
        position = contents.position
        fileSize = contents.fileSize
        formatVersion = contents.version
    }

    // MARK: - Writing

    /// Appends one transaction of `changes`, durable when this returns; nil if there
    /// was nothing to change. Every change is checked first; if any is refused,
    /// nothing is written and the error names the change by its index.
    @discardableResult
    public func commit(_ changes: [Change], author: String, origin: Origin = .person) throws -> TransactionInfo? {
        for (index, change) in changes.enumerated() {
            do { try FactRules.validate(change.fact) } catch {
                throw StoreError.invalidFact(index: index, fact: change.fact, error: error)
            }
        }
        guard !changes.isEmpty else { return nil }
        return try withWriter(author: author) { writer in
            let operations = try storedOperations(changes)
            let body = TransactionBody.encodeFacts(origin: origin, operations: operations, symbols: symbols)
            let record = try writer.append(author: author, timestampMillis: clock(), body: body)
            let index = UInt32(transactions.count)
            let firstOp = ops.count
            let byPerson = origin == .person
            var assertions = 0
            ops.reserveCapacity(ops.count + operations.count)
            state.reserveCapacity(state.count + operations.count)
            for operation in operations {
                ops.append(
                    operation.fact, transaction: index, isRetraction: operation.isRetraction, source: operation.source,
                    byPerson: byPerson, applyingTo: &state)
                if !operation.isRetraction { assertions += 1 }
            }
            return finish(record, content: .facts(origin: origin, assertions: assertions, retractions: operations.count - assertions), firstOp: firstOp)
        }
    }

    /// Saves a rule program under `name` (the latest save of a name wins).
    @discardableResult
    public func saveProgram(name: String, text: String, author: String) throws -> TransactionInfo {
        try withWriter(author: author) { writer in
            let record = try writer.append(author: author, timestampMillis: clock(), body: TransactionBody.encodeProgram(name: name, text: text))
            programs[name] = SavedProgram(name: name, text: text, transaction: record.txID)
            return finish(record, content: .program(name: name), firstOp: ops.count)
        }
    }

    private func finish(_ record: LogRecord, content: TransactionInfo.Content, firstOp: Int) -> TransactionInfo {
        let info = TransactionInfo(record, content: content, operations: firstOp..<ops.count)
        transactions.append(info)
        position = LogPosition(after: record)
        fileSize = position.offset
        return info
    }

    /// Runs `body` with the writer: the held one, or one taken for this call after
    /// catching up with the records other writers appended meanwhile. If the log is
    /// no longer what this store read (a repair cut it), the store reads it again
    /// first, so that `body` checks its changes against what the log now holds.
    private func withWriter<T>(author: String, _ body: (LogWriter) throws -> T) throws -> T {
        do {
            if let heldWriter { return try body(heldWriter) }
            let opening: LogWriter.Opening
            do {
                opening = try LogWriter.open(path: path, holder: author, after: position)
            } catch LogError.changedUnderneath {
                try reload()
                opening = try LogWriter.open(path: path, holder: author, after: position)
            }
            defer { opening.writer.close() }
            noteCut(opening)
            try apply(opening.contents)
            return try body(opening.writer)
        } catch let error as LogError {
            throw StoreError.log(error)
        }
    }

    /// The changes in stored form, checking that each retraction retracts a fact
    /// that holds at that point of the transaction.
    private func storedOperations(_ changes: [Change]) throws -> [TransactionBody.Operation] {
        // What earlier changes of this transaction did, needed only to check retractions.
        let hasRetractions = changes.contains { $0.kind == .retract }
        var pending: [StoredFact: Bool] = [:]
        var operations: [TransactionBody.Operation] = []
        operations.reserveCapacity(changes.count)
        var recent = RecentSymbols()
        for (index, change) in changes.enumerated() {
            let fact = symbols.store(change.fact, recent: &recent)
            switch change.kind {
            case .assert:
                let source = change.source.map {
                    StoredSource(document: recent.document.symbol(for: $0.document) { symbols.intern($0) }, firstLine: UInt32(clamping: $0.firstLine), lastLine: UInt32(clamping: $0.lastLine))
                } ?? .none
                operations.append(.init(fact: fact, isRetraction: false, source: source))
                if hasRetractions { pending[fact] = true }
            case .retract:
                guard pending[fact] ?? state.contains(fact) else {
                    throw StoreError.retractingAbsentFact(index: index, fact: change.fact)
                }
                operations.append(.init(fact: fact, isRetraction: true, source: .none))
                pending[fact] = false
            }
        }
        return operations
    }
}
