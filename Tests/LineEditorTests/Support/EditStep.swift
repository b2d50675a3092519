import Testing
import LineEditor

/// One step of an editing scenario: keys in, then the expected buffer and cursor column.
struct EditStep: Sendable, CustomStringConvertible {
    let keys: [Key]
    let buffer: String
    let column: Int
    var description: String { "\(keys) → \(buffer.debugDescription) @\(column)" }

    init(_ keys: [Key], _ buffer: String, _ column: Int) {
        self.keys = keys
        self.buffer = buffer
        self.column = column
    }
}

func run(_ steps: [EditStep], on editor: inout LineEditor, sourceLocation: SourceLocation = #_sourceLocation) {
    for step in steps {
        editor.handle(step.keys)
        #expect(editor.buffer == step.buffer, "after \(step)", sourceLocation: sourceLocation)
        #expect(editor.cursorColumn == step.column, "after \(step)", sourceLocation: sourceLocation)
    }
}
