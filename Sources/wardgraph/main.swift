import Foundation

// wardgraph: the command line. `Program` parses the arguments and runs one of the
// subcommands in Commands/.

let context = CommandContext()
let status = Program.run(Array(CommandLine.arguments.dropFirst()), context)
context.out.flush()
context.err.flush()
exit(status)
