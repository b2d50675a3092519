/// Every subcommand, in the order `--help` lists them.
enum Commands {
    static let all: [CommandSpec] = [
        ReplCommand.spec,
        ServeCommand.spec,
        QueryCommand.spec,
        IngestCommand.spec,
        ExtractCommand.spec,
        EvalCommand.spec,
        ExportCommand.spec,
        TranslateCommand.spec,
        AssertCommand.spec(.assert),
        AssertCommand.spec(.retract),
        LogCommand.spec,
        HistoryCommand.spec,
        DiffCommand.spec,
        NodeCommand.spec,
        SchemaCommand.spec,
        StatsCommand.spec,
        DumpCommand.spec,
        CheckCommand.spec,
        RepairCommand.spec,
    ]
}
