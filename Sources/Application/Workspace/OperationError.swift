/// Why an operation of the application layer could not be done, sorted by whose move
/// it is: the one error type every front end turns into a message (the CLI, the REPL)
/// or a status (the HTTP service: 400, 404, 409, 501, 503).
public struct OperationError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The request is wrong: a bad id, a bad statement, a program with errors.
        case badInput
        /// What was asked for is not there: a node, a document, a transaction.
        case notFound
        /// Another writer holds the log's lock, or the change contradicts the graph.
        case conflict
        /// A program the operation needs is missing (Graphviz's `dot`).
        case notInstalled
        /// A limit stopped the work (tuples, time), or it was cancelled.
        case stopped
        /// Reading or writing the store failed.
        case failed
    }

    public let kind: Kind
    /// What is wrong and what to do, in one or more lines.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
