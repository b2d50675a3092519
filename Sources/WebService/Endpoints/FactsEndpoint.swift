import Application
import Foundation
import HTTPServer
import TextLayout

/// `POST /api/facts`: the REPL's `+fact.` / `-fact.` statements, written as one
/// transaction by the author the body names. Only with a token: the service is
/// read-only unless started with `--token-file`, and then a write needs
/// `Authorization: Bearer TOKEN` (401 without it, 403 with a wrong one).
extension GraphService {
    func facts(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        try authorize(request)
        let fields = try RequestFields(body: request, allowed: ["statements", "author"])
        let statements = try fields.strings("statements").flatMap(Self.statements)
        guard !statements.isEmpty else {
            throw HTTPError(.badRequest, "'statements' is missing; give changes such as [\"+partners_with(\\\"measure:泉区/R7/2.2\\\", \\\"partner:フェリス女学院大学\\\").\"]")
        }
        let author = try fields.requiredString("author", example: "\"山田\"").trimmingCharacters(in: .whitespaces)
        guard author.count <= 100, !author.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw HTTPError(.badRequest, "'author' must be a name of at most 100 characters on one line")
        }
        let written: Curation.Written?
        do { written = try Curation.apply(statements, author: "\(author) (via the HTTP service)", in: workspace) } catch {
            throw HTTPError(error)
        }
        snapshots.refresh()
        guard let written else {
            return json(.ok, .object([("tx", .integer(Int64(snapshots.current.asOf))), ("changed", .bool(false))]))
        }
        return json(.ok, .object([
            ("tx", .integer(Int64(written.transaction.id))), ("changed", .bool(true)),
            ("assertions", .integer(written.transaction.assertions)), ("retractions", .integer(written.transaction.retractions)),
            ("author", .string(written.transaction.author)),
        ]))
    }

    /// The statements of one text: each starts with + or - at the start of a line.
    static func statements(_ text: String) -> [String] {
        var statements: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("%") else { continue }
            if trimmed.hasPrefix("+") || trimmed.hasPrefix("-") || statements.isEmpty {
                statements.append(trimmed)
            } else {
                statements[statements.count - 1] += " " + trimmed
            }
        }
        return statements
    }

    /// Writes need the token: 403 when the service is read-only or the token is
    /// wrong, 401 when none is given.
    func authorize(_ request: HTTPRequest) throws(HTTPError) {
        guard let token = options.token else {
            throw HTTPError(.forbidden, "the service is read-only; start it with --token-file FILE to accept changes")
        }
        guard let header = request.headers["authorization"] else {
            throw HTTPError(.unauthorized, "changes need the header 'Authorization: Bearer TOKEN'")
        }
        let given = header.hasPrefix("Bearer ") ? Array(header.dropFirst(7).utf8) : []
        let expected = Array(token.utf8)
        // Compare every byte whatever the first difference, so timing tells nothing.
        var difference = given.count ^ expected.count
        for index in 0..<expected.count { difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0)) }
        guard difference == 0 else { throw HTTPError(.forbidden, "the token is wrong") }
    }
}

/// One of the planners' questions in `Queries/`, for the explorer's menu.
struct ExampleQuery: Sendable {
    let name: String
    /// The first comment line, without the `%`.
    let title: String
    let program: String

    /// The `*.dl` files of `directory` but the prelude, sorted by name.
    static func load(from directory: String?) -> [ExampleQuery] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".dl") && $0 != "prelude.dl" }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), let text = String(data: data, encoding: .utf8) else { return nil }
            let title = text.split(separator: "\n").first { $0.hasPrefix("%") }.map { $0.drop { $0 == "%" || $0 == " " } } ?? ""
            return ExampleQuery(name: name, title: String(title), program: text)
        }
    }
}
