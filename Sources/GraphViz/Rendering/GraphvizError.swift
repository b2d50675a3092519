/// Why DOT could not be written or rendered.
///
/// Each case carries what a person needs to act: which `dot`, which file, the exit
/// status and what `dot` said. The wording lives in `GraphvizError+Description.swift`.
public enum GraphvizError: Error, Sendable, Equatable {
    /// No usable `dot`. `override` is the explicit path or `WARDGRAPH_DOT` value that
    /// was tried (and not usable), `searched` the PATH directories looked in.
    case dotNotFound(override: String?, searched: [String])
    /// A DOT file, image or temporary file could not be written.
    case cannotWriteFile(path: String, reason: String)
    /// The DOT file to render could not be opened.
    case cannotReadFile(path: String, reason: String)
    /// `dot` exists but could not be started.
    case cannotLaunch(dotPath: String, reason: String)
    /// `dot` ran and failed: non-zero exit, killed by a signal, or no output file.
    case renderFailed(dotPath: String, format: String, output: String, status: Int32, signalled: Bool, standardError: String)
    /// `dot` did not finish within the time allowed and was stopped.
    case timedOut(dotPath: String, format: String, output: String, seconds: Double, standardError: String)
}
