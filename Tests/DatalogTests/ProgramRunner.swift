import Datalog

/// Runs a program text through the engine and gives its answers as text, for tests.
struct ProgramRunner {
    var engine = DatalogEngine()

    /// Adds an input relation from rows of constants.
    mutating func input(_ name: String, _ rows: [[Constant]]) {
        let arity = rows.first?.count ?? 0
        let constants = engine.constants
        engine.addInput(InputRelation(InputSignature(name: name, arity: arity)) { writer in
            for row in rows { writer.add(row.map(constants.value)) }
        })
    }

    /// The answer of every query, each row as its values joined by " | ".
    func answers(_ text: String, parameters: [String: Constant] = [:]) throws -> [[String]] {
        var sources = SourceSet()
        sources.add(name: "test.dl", text: text)
        let deadline = Deadline(limits: engine.limits, cancellation: nil)
        let program = try engine.analyze(sources, parameters: parameters, deadline: deadline).get()
        let run = engine.start(program, deadline: deadline)
        return try program.queries.map { query in
            try run.answer(query).rows.map { row in row.map(engine.constants.display).joined(separator: " | ") }
        }
    }

    /// The answers of `text` over the fact files of `directory`.
    func answersWithFacts(_ directory: String, _ text: String) throws -> [[String]] {
        try FactFiles.register(directory: directory, on: engine)
        return try answers(text)
    }

    /// The first query's answer.
    func answer(_ text: String, parameters: [String: Constant] = [:]) throws -> [String] {
        try answers(text, parameters: parameters).first ?? []
    }

    /// The rendered diagnostics of a program that must fail analysis.
    func errors(_ text: String, parameters: [String: Constant] = [:]) -> [String] {
        var sources = SourceSet()
        sources.add(name: "test.dl", text: text)
        switch engine.analyze(sources, parameters: parameters) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map { sources.files.render($0) }
        }
    }
}

extension ProgramRunner {
    /// The derivation of `atom` after running `text`, rendered.
    func why(_ text: String, _ atom: String) throws -> String {
        var sources = SourceSet()
        sources.add(name: "test.dl", text: text)
        let program = try engine.analyze(sources).get()
        let run = engine.start(program, recordDerivations: true)
        let (relation, tuple) = try engine.parseGroundAtom(atom)
        return DerivationRenderer(constants: engine.constants).render(try run.why(relation, tuple, sources: sources.files))
    }
}
