/// Soufflé's two types for WardGraph's values.
enum SouffleType: String {
    case number, symbol
}

/// Infers one Soufflé type for every relation column and rule variable.
///
/// WardGraph's values carry their type (a relation may hold texts and numbers in
/// one column); Soufflé declares one type per column. Every column, variable and
/// constant is a node; whatever must hold the same values is unified (union-find),
/// and constants, arithmetic, built-ins, aggregates and the inputs' column types
/// fix a class's type. Two types meeting in one class is an error at the place
/// they met, naming where each came from. A class nothing fixes is a symbol.
struct SouffleTypes {
    private var parent: [Int] = []
    private var types: [SouffleType?] = []
    /// Why each class root has its type, for messages ("the number 2 at 3:14").
    private var reasons: [String] = []
    /// The class holds an input column of both texts and numbers (exported as symbols).
    private var mixed: [Bool] = []
    private var columnNodes: [String: [Int]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// A node of its own, untyped.
    mutating func node() -> Int {
        parent.append(parent.count)
        types.append(nil)
        reasons.append("")
        mixed.append(false)
        return parent.count - 1
    }

    /// A node fixed to `type`, with the reason given.
    mutating func node(_ type: SouffleType, because reason: String) -> Int {
        let n = node()
        types[n] = type
        reasons[n] = reason
        return n
    }

    /// The node of column `index` of `relation` (of arity `arity`).
    mutating func column(_ relation: String, _ index: Int, arity: Int) -> Int {
        if columnNodes[relation] == nil {
            var nodes: [Int] = []
            for _ in 0..<arity { nodes.append(node()) }
            columnNodes[relation] = nodes
        }
        return columnNodes[relation]![index]
    }

    /// Declares an input column's type as its data has it.
    mutating func declareInput(_ relation: String, _ index: Int, arity: Int, _ type: ColumnType) {
        let n = find(column(relation, index, arity: arity))
        switch type {
        case .integer:
            types[n] = .number
            reasons[n] = "column \(index + 1) of the input \(relation), which holds numbers"
        case .text:
            types[n] = .symbol
            reasons[n] = "column \(index + 1) of the input \(relation), which holds texts"
        case .mixed:
            types[n] = .symbol
            mixed[n] = true
            reasons[n] = "column \(index + 1) of the input \(relation), which holds texts and numbers and is exported to Soufflé as text"
        }
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Makes `a` and `b` one class; `what` names them for a conflict at `range`.
    mutating func unify(_ a: Int, _ b: Int, at range: SourceRange, _ what: @autoclosure () -> String) {
        let x = find(a), y = find(b)
        guard x != y else { return }
        if let tx = types[x], let ty = types[y], tx != ty {
            conflict(what(), (tx, reasons[x], mixed[x]), (ty, reasons[y], mixed[y]), at: range)
            return
        }
        parent[y] = x
        if types[x] == nil {
            types[x] = types[y]
            reasons[x] = reasons[y]
        }
        mixed[x] = mixed[x] || mixed[y]
    }

    /// Fixes `a`'s type to `type` because of `reason`.
    mutating func require(_ a: Int, _ type: SouffleType, because reason: String, at range: SourceRange, _ what: @autoclosure () -> String) {
        let n = node(type, because: reason)
        unify(a, n, at: range, what())
    }

    /// The type of `a`'s class; a symbol if nothing fixed it.
    mutating func type(of a: Int) -> SouffleType {
        types[find(a)] ?? .symbol
    }

    mutating func columnTypes(of relation: String, arity: Int) -> [SouffleType] {
        (0..<arity).map { type(of: column(relation, $0, arity: arity)) }
    }

    private mutating func conflict(
        _ what: String, _ first: (SouffleType, String, Bool), _ second: (SouffleType, String, Bool), at range: SourceRange
    ) {
        func name(_ t: SouffleType) -> String { t == .number ? "a number" : "text" }
        var notes = ["Soufflé declares one type per column and per variable, while a WardGraph relation may mix texts and numbers"]
        if first.2 || second.2 {
            notes.append("an input column of texts and numbers is text in Soufflé: compare it with texts, or leave the numbers out")
        }
        diagnostics.append(Diagnostic(
            "does not translate to Soufflé: \(what): \(name(first.0)) (\(first.1)) meets \(name(second.0)) (\(second.1))",
            range: range, notes: notes))
    }
}
