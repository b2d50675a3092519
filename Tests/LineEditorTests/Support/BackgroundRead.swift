import Foundation
import LineEditor

/// One `readLine` call on a background thread: it blocks until the test types.
final class BackgroundRead: @unchecked Sendable {
    private var result: LineReader.Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ reader: LineReader, prompt: String) {
        nonisolated(unsafe) let reader = reader
        Thread.detachNewThread { [self] in
            result = reader.readLine(prompt: prompt)
            done.signal()
        }
    }

    func wait(seconds: Double = 10) -> LineReader.Result? {
        done.wait(timeout: .now() + seconds) == .success ? result : nil
    }
}
