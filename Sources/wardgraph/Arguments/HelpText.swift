import TextLayout

/// The text of `--help`, written from the command specs.
enum HelpText {
    static func overview(_ commands: [CommandSpec]) -> String {
        return """
        wardgraph: a knowledge graph of Yokohama's ward management policies (区運営方針)

        Usage: wardgraph <command> [options]

        Commands:
        \(twoColumns(commands.map { ("  " + $0.name, $0.summary) }))

        Options for every command:
        \(options(GlobalOptions.all))

        Run 'wardgraph <command> --help' for a command's own options.
        """
    }

    static func command(_ spec: CommandSpec) -> String {
        var text = "wardgraph \(spec.name): \(spec.summary)\n\nUsage: wardgraph \(spec.name) \(spec.usage)\n"
        if !spec.details.isEmpty { text += "\n\(spec.details)\n" }
        if !spec.options.isEmpty { text += "\nOptions:\n\(options(spec.options))\n" }
        text += "\nOptions for every command:\n\(options(GlobalOptions.all))"
        return text
    }

    private static func options(_ options: [OptionSpec]) -> String {
        twoColumns(options.map { option in
            var name = option.short.map { "-\($0), " } ?? "    "
            name += "--\(option.name)"
            if let value = option.valueName { name += " \(value)" }
            return ("  " + name, option.help)
        })
    }

    /// Lines of two aligned columns, without a header: names and what they are.
    private static func twoColumns(_ rows: [(String, String)]) -> String {
        var table = TextTable(headers: ["", ""])
        table.rule = false
        table.separator = "   "
        for (name, text) in rows { table.add([name, text]) }
        return table.rendered()
    }
}
