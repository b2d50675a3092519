import Foundation
import HTTPServer
import TextLayout
import WardGraph

/// The fields of a request, from a JSON body or from the URL's query, checked one
/// by one so that a client hears exactly which field is wrong and how.
struct RequestFields {
    private let values: [String: JSONValue]
    /// Where the fields came from, for messages: "the body" or "the query".
    private let origin: String

    /// The JSON object of a POST body; an error for another media type, invalid UTF-8,
    /// text that is not JSON (with the line and column), anything but an object, or a
    /// field not in `allowed`.
    init(body request: HTTPRequest, allowed: [String]) throws(HTTPError) {
        // JSON, or what curl -d and a plain fetch send by default (the body is read as JSON all the same).
        if let type = request.headers["content-type"]?.lowercased(),
           !["application/json", "text/plain", "application/x-www-form-urlencoded"].contains(where: type.hasPrefix) {
            throw HTTPError(.unsupportedMediaType, "send the body as application/json, not \(type)")
        }
        guard !request.body.isEmpty else { throw HTTPError(.badRequest, "the body is empty; send a JSON object such as {\"program\": \"?- ward(W).\"}") }
        let value: JSONValue
        do { value = try JSONValue.parse(request.body) } catch {
            throw HTTPError(.badRequest, "the body is not JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw HTTPError(.badRequest, "the body must be a JSON object, not \(value.kindName)")
        }
        try self.init(members.map { ($0.0, $0.1) }, origin: "the body", allowed: allowed)
    }

    /// The items of the URL's query as string fields.
    init(query request: HTTPRequest, allowed: [String]) throws(HTTPError) {
        try self.init(request.query.map { ($0.name, .string($0.value)) }, origin: "the query", allowed: allowed)
    }

    private init(_ members: [(String, JSONValue)], origin: String, allowed: [String]) throws(HTTPError) {
        var values: [String: JSONValue] = [:]
        for (name, value) in members {
            guard allowed.contains(name) || (name.hasPrefix("$") && allowed.contains("$")) else {
                let known = allowed.filter { $0 != "$" }
                throw HTTPError(.badRequest, "unknown field '\(name)' in \(origin)\(Suggestion.hint(for: name, in: known)); the fields are \(known.joined(separator: ", "))")
            }
            values[name] = value
        }
        self.values = values
        self.origin = origin
    }

    /// The fields whose names start with `$` (URL parameters of a query), without it.
    var dollarFields: [(String, JSONValue)] {
        values.filter { $0.key.hasPrefix("$") }.map { (String($0.key.dropFirst()), $0.value) }.sorted { $0.0 < $1.0 }
    }

    func has(_ name: String) -> Bool { values[name].map { !$0.isNull } ?? false }

    func string(_ name: String) throws(HTTPError) -> String? {
        guard let value = values[name], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw HTTPError(.badRequest, "'\(name)' must be a string, not \(value.kindName)") }
        return text
    }

    func requiredString(_ name: String, example: String) throws(HTTPError) -> String {
        guard let text = try string(name), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw HTTPError(.badRequest, "'\(name)' is missing in \(origin); give one such as \(example)")
        }
        return text
    }

    /// A whole number (also written as a string, as URL queries are) of at least `minimum`.
    func integer(_ name: String, atLeast minimum: Int64 = 0) throws(HTTPError) -> Int64? {
        guard let value = values[name], !value.isNull else { return nil }
        let number: Int64?
        switch value {
        case .string(let text): number = Int64(text.trimmingCharacters(in: .whitespaces))
        default: number = value.integerValue
        }
        guard let number, number >= minimum else {
            throw HTTPError(.badRequest, "'\(name)' must be a whole number of at least \(minimum)")
        }
        return number
    }

    /// Which document of each ward the planner relations read: `year` as a fiscal year
    /// (`R6`, `令和6年度`, `2024`), or each ward's latest when absent or `latest`.
    func years(_ name: String = "year") throws(HTTPError) -> YearSelection {
        guard let value = values[name], !value.isNull else { return .latest }
        let text = value.stringValue ?? value.integerValue.map(String.init)
        guard let text, let selection = YearSelection(text) else {
            throw HTTPError(.badRequest, "'\(name)' must be a fiscal year such as R6, 令和6年度 or 2024, or 'latest', not \(value.rendered())")
        }
        return selection
    }

    /// A flag: present (and not "false"/"0"/false).
    func flag(_ name: String) -> Bool {
        switch values[name] {
        case nil, .null?, .bool(false)?: return false
        case .string(let text)?: return !["false", "0", "no"].contains(text.lowercased())
        default: return true
        }
    }

    /// An object of name → value (the query's `params`).
    func object(_ name: String) throws(HTTPError) -> [(String, JSONValue)] {
        guard let value = values[name], !value.isNull else { return [] }
        guard case .object(let members) = value else { throw HTTPError(.badRequest, "'\(name)' must be an object, not \(value.kindName)") }
        return members
    }

    /// An array of strings, or one string.
    func strings(_ name: String) throws(HTTPError) -> [String] {
        switch values[name] {
        case nil, .null?: return []
        case .string(let text)?: return [text]
        case .array(let items)?:
            var texts: [String] = []
            for item in items {
                guard let text = item.stringValue else { throw HTTPError(.badRequest, "'\(name)' must hold strings, not \(item.kindName)") }
                texts.append(text)
            }
            return texts
        case let other?: throw HTTPError(.badRequest, "'\(name)' must be a string or an array of strings, not \(other.kindName)")
        }
    }
}
