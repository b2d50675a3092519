import TextLayout

/// The text of `--help`, written from the command specs.
enum HelpText {
    static func overview(_ commands: [CommandSpec]) -> String {
        var table = TextTable(headers: ["", ""])
        table.rule = false
        table.separator = "   "
        for command in commands { table.add(["  " + command.name, command.summary]) }
        return """
        wardgraph: a knowledge graph of Yokohama's ward management policies (区運営方針)

        Usage: wardgraph <command> [options]

        Commands:
        \(table.rendered().split(separator: "\n").dropFirst(0).joined(separator: "\n"))

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
        var table = TextTable(headers: ["", ""])
        table.rule = false
        table.separator = "   "
        for option in options {
            var name = option.short.map { "-\($0), " } ?? "    "
            name += "--\(option.name)"
            if let value = option.valueName { name += " \(value)" }
            table.add(["  " + name, option.help])
        }
        return table.rendered()
    }
}
