import Foundation
import HTTPServer

/// Responses to reads, by what was asked and the transaction read at: the same
/// question about the same graph gets the same bytes without being computed again.
/// Least recently used entries go first once the cache holds `capacity` bytes.
final class ResponseCache: @unchecked Sendable {
    private struct Entry {
        let response: HTTPResponse
        let size: Int
        var used: UInt64
    }

    private let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ key: String) -> HTTPResponse? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.used = clock
        entries[key] = entry
        return entry.response
    }

    func put(_ key: String, _ response: HTTPResponse) {
        let size = response.body.count + key.utf8.count + 256
        guard size <= capacity / 8 else { return }
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let old = entries.updateValue(Entry(response: response, size: size, used: clock), forKey: key) { bytes -= old.size }
        bytes += size
        if bytes > capacity {
            // Evict the least recently used half: one sort now and then, not one per put.
            let byAge = entries.sorted { $0.value.used < $1.value.used }
            for (key, entry) in byAge.prefix(byAge.count / 2) {
                entries[key] = nil
                bytes -= entry.size
            }
        }
    }
}
