/// Writing the Soufflé program: declarations, inputs, rules, queries.
extension Translation {
    mutating func emit(fileNames: [String]) -> String {
        var out = """
        // Translated from WardGraph by `wardgraph translate --to souffle`.
        // Run over the facts of `wardgraph export --format souffle -o FACTS` (or the
        // fact files the program was given) with: souffle -F FACTS -D OUT THIS.dl
        // Each query's answer is written to OUT/<relation>.csv, tab-separated.

        """
        var declared = Set<String>()
        for name in relations where program.relations[name]?.isInput == true {
            out += declaration(name) + "\n" + inputDirective(name) + "\n"
            declared.insert(name)
        }
        var helpers: [String] = []
        var body = ""
        for rule in rules {
            if !declared.contains(rule.head.name) {
                helpers.append(declaration(rule.head.name))
                declared.insert(rule.head.name)
            }
            body += "\n// \(Self.place(rule.range, fileNames))\n"
            body += rule.hasAggregates ? aggregateRules(rule, declarations: &helpers) : plainRule(rule)
        }
        if !helpers.isEmpty { out += "\n" + helpers.joined(separator: "\n") + "\n" }
        out += body
        for (offset, query) in program.queries.enumerated() {
            out += "\n" + queryRelation(query, number: offset + 1, fileNames: fileNames)
        }
        if program.queries.isEmpty {
            out += "\n// The program has no queries: every relation its rules define is output.\n"
            for name in relations where program.relations[name]?.isDerived == true {
                out += ".output \(names[name]!)\n"
                outputs.append(SouffleProgram.Output(relation: names[name]!, columns: [], range: program.relations[name]!.firstUse))
            }
        }
        return out
    }

    /// `.decl NAME(c1: symbol, c2: number)`.
    mutating func declaration(_ name: String) -> String {
        let columns = types.columnTypes(of: name, arity: arity(name))
        return ".decl \(names[name]!)(" + columns.enumerated().map { "c\($0.offset + 1): \($0.element.rawValue)" }.joined(separator: ", ") + ")"
    }

    func inputDirective(_ name: String) -> String {
        SouffleSyntax.inputDirective(names[name]!, relation: name, file: inputs[name]?.file)
    }

    /// A rule without aggregates: head, then the body's conditions.
    mutating func plainRule(_ rule: AnalyzedRule) -> String {
        var w = SouffleRuleWriter(variables: SouffleRuleWriter.variableUses(head: rule.head.arguments, body: rule.body))
        let head = rule.head.arguments.map { argument -> String in
            if case .expression(let e) = argument { return w.expression(e) }
            return "_"
        }
        return clause(names[rule.head.name]!, head, rule.body, &w)
    }

    /// `head(args) :- conditions.`, or a fact when there are none.
    mutating func clause(_ relation: String, _ head: [String], _ body: [BodyItem], _ w: inout SouffleRuleWriter) -> String {
        let conditions = self.conditions(body, &w)
        let headText = relation + "(" + head.joined(separator: ", ") + ")"
        return conditions.isEmpty ? headText + ".\n" : headText + " :-\n    " + conditions.joined(separator: ",\n    ") + ".\n"
    }

    /// The Soufflé conditions of a body, in order.
    mutating func conditions(_ body: [BodyItem], _ w: inout SouffleRuleWriter) -> [String] {
        let outputs = Analyzer.binding(of: body).builtinOutputs
        var conditions: [String] = []
        for (index, item) in body.enumerated() {
            switch item {
            case .relation(let atom):
                conditions.append(w.atom(atom, relation: names[atom.name]!))
            case .negation(let atom):
                conditions.append("!" + w.atom(atom, relation: names[atom.name]!))
            case .comparison(let op, let a, let b, _):
                conditions.append("\(w.expression(a)) \(op.rawValue) \(w.expression(b))")
            case .builtin(let builtin, let atom):
                conditions += self.builtin(builtin, atom, outputs: outputs[index] ?? [], writer: &w) ?? []
            }
        }
        return conditions
    }

    /// A query as a relation of its columns, with `.output`.
    mutating func queryRelation(_ query: AnalyzedQuery, number: Int, fileNames: [String]) -> String {
        let relation = freshRelation("query_\(number)")
        var w = SouffleRuleWriter(variables: query.columns + SouffleRuleWriter.variableUses(head: [], body: query.rule.body))
        let columns = query.columns.map { w.name($0) }
        let nodes = variables[query.rule.id] ?? [:]
        var columnTypes: [String] = []
        for column in query.columns { columnTypes.append(nodes[column].map { types.type(of: $0) }?.rawValue ?? "symbol") }
        var out = "// \(Self.place(query.range, fileNames))"
        if let limit = query.limit {
            out += " (.limit \(limit): Soufflé outputs every row)"
            warnings.append(Diagnostic("Soufflé has no .limit: \(relation) gets every row, not the first \(limit)", range: query.range, severity: .warning))
        }
        out += "\n.decl \(relation)(" + zip(columns, columnTypes).map { "\($0): \($1)" }.joined(separator: ", ") + ")\n"
        out += clause(relation, columns, query.rule.body, &w)
        out += ".output \(relation)\n"
        outputs.append(SouffleProgram.Output(relation: relation, columns: query.columns, range: query.range))
        return out
    }

    static func place(_ range: SourceRange, _ fileNames: [String]) -> String {
        let file = range.file >= 0 && range.file < fileNames.count ? fileNames[range.file] : "<program>"
        return "\(file):\(range.start.line)"
    }
}
