#if canImport(Glibc)
import Glibc
#endif

/// The built-in predicates over values. Texts are compared as their UTF-8 bytes
/// (programs and graph text are NFKC-normalised, so equal-looking text is equal);
/// `length` counts characters (grapheme clusters): `length("泉区", 2)`.
/// A value of the wrong type makes the built-in false. A text longer than
/// `Limits.maxValueBytes`, or a regular expression the engine gives up on, is an
/// error located at the built-in (`range`).
struct BuiltinFunctions {
    let constants: ConstantTable
    let regexes: RegexCache
    let governor: Governor

    /// Runs `builtin`; `outputs[k] >= 0` marks argument k as one to produce. Calls
    /// `body` once per result (several for `concat` splitting its third argument).
    func run(
        _ builtin: Builtin, arguments: [UInt32], outputs: [Int], range: SourceRange,
        _ body: ([UInt32]) throws -> Void
    ) throws {
        let values = arguments.map(Value.init(raw:))
        func text(_ k: Int) -> String? { constants.stringValue(values[k]) }
        switch builtin {
        case .contains, .startsWith, .endsWith:
            guard values[0].isString, values[1].isString else { return }
            let holds = constants.withBytes(of: values[0]) { whole in
                constants.withBytes(of: values[1]) { part in
                    BuiltinFunctions.test(builtin, whole, part)
                }
            }
            if holds { try body(arguments) }
        case .matches:
            guard let s = text(0), let pattern = text(1) else { return }
            if try regexes.matches(s, pattern, deadline: governor.deadline, range: range) { try body(arguments) }
        case .length:
            guard let s = text(0) else { return }
            let count = constants.integer(Int64(s.count))
            if outputs[1] >= 0 {
                var produced = arguments
                produced[1] = count.raw
                try body(produced)
            } else if count.raw == arguments[1] {
                try body(arguments)
            }
        case .concat:
            try concat(values, arguments: arguments, outputs: outputs, range: range, body)
        }
    }

    private func concat(
        _ values: [Value], arguments: [UInt32], outputs: [Int], range: SourceRange, _ body: ([UInt32]) throws -> Void
    ) throws {
        let produceA = outputs[0] >= 0, produceB = outputs[1] >= 0, produceC = outputs[2] >= 0
        var produced = arguments
        if produceC {
            guard let a = constants.stringValue(values[0]), let b = constants.stringValue(values[1]) else { return }
            let bytes = a.utf8.count + b.utf8.count
            if bytes > governor.limits.maxValueBytes {
                throw EvaluationError.valueTooLarge(bytes: bytes, limit: governor.limits.maxValueBytes, range: range)
            }
            produced[2] = constants.string(a + b).raw
            try body(produced)
            return
        }
        guard let c = constants.stringValue(values[2]) else { return }
        switch (produceA, produceB) {
        case (false, false):
            guard let a = constants.stringValue(values[0]), let b = constants.stringValue(values[1]) else { return }
            if (a + b).utf8.elementsEqual(c.utf8) { try body(arguments) }
        case (false, true):
            guard let a = constants.stringValue(values[0]), c.utf8.starts(with: a.utf8) else { return }
            produced[1] = constants.string(String(c.utf8.dropFirst(a.utf8.count))!).raw
            try body(produced)
        case (true, false):
            guard let b = constants.stringValue(values[1]), c.utf8.reversed().starts(with: b.utf8.reversed()) else { return }
            produced[0] = constants.string(String(c.utf8.dropLast(b.utf8.count))!).raw
            try body(produced)
        case (true, true):
            // Every split of c at a character boundary.
            var index = c.startIndex
            while true {
                produced[0] = constants.string(String(c[..<index])).raw
                produced[1] = constants.string(String(c[index...])).raw
                try body(produced)
                if index == c.endIndex { break }
                index = c.index(after: index)
            }
        }
    }

    static func test(_ builtin: Builtin, _ whole: UnsafeRawBufferPointer, _ part: UnsafeRawBufferPointer) -> Bool {
        if part.isEmpty { return true }
        guard part.count <= whole.count else { return false }
        switch builtin {
        case .startsWith:
            return memcmp(whole.baseAddress!, part.baseAddress!, part.count) == 0
        case .endsWith:
            return memcmp(whole.baseAddress! + (whole.count - part.count), part.baseAddress!, part.count) == 0
        default:
            // Byte search is a character search: UTF-8 never matches in the middle of a character.
            let first = part[0]
            var start = 0
            while start + part.count <= whole.count {
                if whole[start] == first && memcmp(whole.baseAddress! + start, part.baseAddress!, part.count) == 0 { return true }
                start += 1
            }
            return false
        }
    }
}
