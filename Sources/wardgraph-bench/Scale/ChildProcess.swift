import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and measures it as the bench harness does: wall time, and the
/// peak resident set through `/usr/bin/time` (its `%M`), so that the figure covers
/// that process alone.
///
/// The peak resident set is not read from `wait4` here: `posix_spawn` starts the
/// child in the benchmark's own address space (vfork) and the kernel carries that
/// space's high-water mark over the `exec`, so every child would seem at least as
/// large as the benchmark. GNU time forks its child from its own small process.
struct ChildProcess {
    struct Measured {
        let status: Int32
        let seconds: Double
        /// Peak resident set, in bytes.
        let peakRSS: Int
        let stdout: String
        let stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` with `arguments`; its standard output and error go to files
    /// read back afterwards (so a large output cannot block it).
    static func run(_ executable: String, _ arguments: [String], directory: String) throws -> Measured {
        let outPath = directory + "/child.stdout", errPath = directory + "/child.stderr", timePath = directory + "/child.time"
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            throw Failure(description: "\(time) is needed to measure peak memory (apt-get install time)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let command = [time, "-f", "%M", "-o", timePath, executable] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, time, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        // time writes "Command exited with non-zero status N" before %M when the command fails.
        let kilobytes = read(timePath).split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return Measured(status: code, seconds: seconds, peakRSS: kilobytes * 1024, stdout: read(outPath), stderr: read(errPath))
    }

    /// Runs and requires success.
    static func check(_ executable: String, _ arguments: [String], directory: String) throws -> Measured {
        let measured = try run(executable, arguments, directory: directory)
        guard measured.status == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed (\(measured.status)): \(measured.stderr.suffix(2000))")
        }
        return measured
    }
}
