import Foundation

/// Every system call the server makes on sockets, in one place: listening,
/// accepting, timed reads, whole writes, shutting down. Reads and writes retry on
/// EINTR; writes never raise SIGPIPE (MSG_NOSIGNAL).
enum Socket {
    /// Why a socket could not be set up, with the address and the system's reason.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// An IPv4 or IPv6 address literal ("127.0.0.1", "::1", "0.0.0.0"); "localhost" is 127.0.0.1.
    static func address(_ host: String, port: UInt16) throws(Failure) -> (storage: sockaddr_storage, length: socklen_t) {
        var storage = sockaddr_storage()
        let host = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            withUnsafeBytes(of: v4) { raw in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) } }
            return (storage, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
        var v6 = sockaddr_in6()
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            withUnsafeBytes(of: v6) { raw in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) } }
            return (storage, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
        throw Failure(description: "'\(host)' is not an IP address; give one such as 127.0.0.1, 0.0.0.0 or ::1")
    }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
    static func isLoopback(_ host: String) -> Bool {
        guard let (storage, _) = try? address(host, port: 0) else { return false }
        var storageCopy = storage
        return withUnsafeBytes(of: &storageCopy) { raw -> Bool in
            if storage.ss_family == sa_family_t(AF_INET) {
                let v4 = raw.load(as: sockaddr_in.self)
                return UInt32(bigEndian: v4.sin_addr.s_addr) >> 24 == 127
            }
            let v6 = raw.load(as: sockaddr_in6.self)
            return withUnsafeBytes(of: v6.sin6_addr) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
    }

    /// A listening socket on `host:port` (0 picks a free port); returns it and its port.
    static func listen(host: String, port: UInt16, backlog: Int32) throws(Failure) -> (fd: Int32, port: UInt16) {
        let (storage, length) = try address(host, port: port)
        let fd = socket(Int32(storage.ss_family), Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot make a socket: \(reason())") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound = storage
        let bindResult = withUnsafePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bindResult == 0 else {
            let why = reason()
            close(fd)
            throw Failure(description: "cannot listen on \(host):\(port): \(why)")
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let why = reason()
            close(fd)
            throw Failure(description: "cannot listen on \(host):\(port): \(why)")
        }
        var actual = sockaddr_storage()
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) } }
        let family = actual.ss_family
        let chosen = withUnsafeBytes(of: &actual) { raw -> UInt16 in
            family == sa_family_t(AF_INET)
                ? UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
                : UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
        }
        return (fd, chosen)
    }

    /// Whether `fd` has something to read (a connection to accept) within the time.
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// The next connection waiting on a non-blocking listener and its peer's address;
    /// nil when none is waiting (or the listener is closed).
    static func accept(_ listener: Int32) -> (fd: Int32, peer: String)? {
        while true {
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &length) }
            }
            if fd >= 0 {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // not inherited by `dot`
                return (fd, describe(&peer))
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                usleep(10_000)  // out of descriptors: let connections close, then go on
                continue
            default: return nil
            }
        }
    }

    private static func describe(_ peer: inout sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = peer.ss_family
        return withUnsafeBytes(of: &peer) { raw -> String in
            if family == sa_family_t(AF_INET) {
                var v4 = raw.load(as: sockaddr_in.self)
                inet_ntop(AF_INET, &v4.sin_addr, &text, socklen_t(text.count))
                return "\(cString(text)):\(UInt16(bigEndian: v4.sin_port))"
            }
            var v6 = raw.load(as: sockaddr_in6.self)
            inet_ntop(AF_INET6, &v6.sin6_addr, &text, socklen_t(text.count))
            return "[\(cString(text))]:\(UInt16(bigEndian: v6.sin6_port))"
        }
    }

    /// Sets how long one read and one write may block, and turns off Nagle's delay
    /// (responses are written whole; waiting for more only adds latency).
    static func configure(_ fd: Int32, readTick: Double, writeTimeout: Double) {
        func interval(_ seconds: Double) -> timeval {
            timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        }
        var receive = interval(readTick)
        var send = interval(writeTimeout)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &receive, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    }

    enum Received {
        case bytes(Int)
        /// Nothing arrived within the read tick.
        case timeout
        /// The peer closed its side (or reset the connection).
        case closed
    }

    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Received {
        while true {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .timeout
            default: return .closed
            }
        }
    }

    /// Writes all of `bytes`; false if the peer went away or stopped reading for
    /// longer than the write timeout.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n > 0 { sent += n; continue }
                if n < 0 && errno == EINTR { continue }
                return false
            }
            return true
        }
    }

    static func shutdownWriting(_ fd: Int32) { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    static func shutdownBoth(_ fd: Int32) { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }

    static func close(_ fd: Int32) { Glibc.close(fd) }

    static func reason() -> String { strerror(errno).map { String(validatingCString: $0) ?? "" } ?? "error \(errno)" }

    private static func cString(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
