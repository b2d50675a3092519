/// Which names a request may give in `Host`: the defence against DNS rebinding.
///
/// A page of another site can point a name of its own (`evil.example`) at 127.0.0.1
/// and then have the browser that shows it send requests there; the browser believes
/// it talks to evil.example and hands the page the answers. What gives it away is
/// `Host: evil.example:8750`. So a server bound to loopback answers only requests
/// that call it by one of its own names, with its port: 127.0.0.1, localhost, [::1]
/// or the address it is bound to, and the names it is told to allow (a reverse
/// proxy's, or a tunnel's port), which may be given with a port or without (any).
/// Others get 421 Misdirected Request. A server bound to another address is reached
/// by names it cannot know, so it checks only when it is given names to allow.
///
/// Requests with no `Host` (HTTP/1.0; no browser sends one) pass; an absolute-form
/// target's authority (`GET http://name/…`) stands in for `Host`, as RFC 9112 says.
public struct HostPolicy: Sendable, Equatable {
    /// A host as a request names it: the host in lowercase (an IPv6 address in
    /// brackets) and the port, if given.
    public struct Name: Sendable, Equatable, CustomStringConvertible {
        public let host: String
        public let port: UInt16?

        /// Reads `host`, `host:port`, `[v6]` or `[v6]:port`; nil for anything else
        /// (a scheme, a path, spaces, a port that is not a number).
        public init?(parsing text: String) {
            var rest = Substring(text.lowercased())
            let host: Substring
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                host = rest[...close]
                rest = rest[rest.index(after: close)...]
                guard host.dropFirst().dropLast().allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
            } else {
                host = rest.prefix { $0 != ":" }
                rest = rest.dropFirst(host.count)
                guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }) else { return nil }
            }
            var name = String(host)
            // `localhost.` is `localhost`: a fully qualified name with its root.
            if name.count > 1, name.hasSuffix(".") { name.removeLast() }
            guard let first = name.first, first == "[" ? name != "[]" : first.isLetter || first.isNumber else { return nil }
            if rest.isEmpty {
                port = nil
            } else {
                guard rest.hasPrefix(":"), let number = UInt16(rest.dropFirst()), rest.count > 1, rest.dropFirst().allSatisfy(\.isNumber) else {
                    return nil
                }
                port = number
            }
            self.host = name
        }

        init(host: String, port: UInt16?) {
            self.host = host
            self.port = port
        }

        public var description: String { port.map { "\(host):\($0)" } ?? host }

        /// Whether a request naming `other` names this (a port-less allowed name takes any port).
        func admits(_ other: Name, defaultPort: UInt16) -> Bool {
            host == other.host && (port == nil || port == (other.port ?? defaultPort))
        }
    }

    /// The names requests may give; nil: any.
    public let names: [Name]?
    /// What the refusal adds, e.g. how to allow another name.
    public let hint: String

    /// The policy of a server bound to `bind` on `port` (the port it got), allowing
    /// `allowed` besides its own names.
    public init(bind: String, port: UInt16, allowed: [Name] = [], hint: String = "") {
        self.hint = hint
        guard Socket.isLoopback(bind) || !allowed.isEmpty else {
            names = nil
            return
        }
        var own = ["127.0.0.1", "localhost", "[::1]"]
        let bound = bind.contains(":") && !bind.hasPrefix("[") ? "[\(bind.lowercased())]" : bind.lowercased()
        if !own.contains(bound) && bound != "0.0.0.0" && bound != "[::]" { own.append(bound) }
        names = own.map { Name(host: $0, port: port) } + allowed
    }

    /// nil if `request` may be answered, else the 421 to answer instead.
    public func refusal(for request: HTTPRequest) -> HTTPError? {
        guard let names else { return nil }
        let given: String
        if let authority = Self.absoluteAuthority(request.target) {
            given = authority
        } else if let host = request.headers["host"] {
            given = host
        } else {
            return nil
        }
        if let name = Name(parsing: given), names.contains(where: { $0.admits(name, defaultPort: 80) }) { return nil }
        let own = names.map(\.description)
        let listed = own.count > 1 ? own.dropLast().joined(separator: ", ") + " and " + own.last! : own.joined()
        return HTTPError(
            .misdirectedRequest,
            "this server does not answer to the name '\(given)', only to \(listed): a page of another site may be trying to reach it through DNS rebinding\(hint)")
    }

    /// The authority of an absolute-form target (`http://name:port/path`), or nil.
    static func absoluteAuthority(_ target: String) -> String? {
        let lower = target.lowercased()
        guard let scheme = ["http://", "https://"].first(where: lower.hasPrefix) else { return nil }
        let rest = target.dropFirst(scheme.count)
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}
