import Foundation
import Fuzzing
import Testing
import TestSupport

/// The fuzz suite's program cases sent to the service (`POST /api/query`): each gets
/// an answer or a 4xx whose errors have a line and a column, never a 5xx, and the
/// service goes on serving. Its queries run on the server's threads, with their
/// smaller stacks: the nesting limits must hold there too.
@Suite struct FuzzedQueryTests {
    @Test func mutatedProgramsGetAnAnswerOrLocatedErrors() throws {
        let service = try TestService()
        let harness = try FuzzHarness(projectRoot: Wardgraph.packageRoot.path)
        var statuses: [Int: Int] = [:]
        for index in 0..<200 {
            let (name, bytes) = harness.programCase(seed: 20_261_207, index: index)
            let program = String(decoding: bytes, as: UTF8.self)
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["program": program]), as: UTF8.self)
            let response = try service.post("/api/query", body)
            statuses[response.status, default: 0] += 1
            #expect(response.status < 500, "case \(index) (\(name)): \(response.status) \(response.text.prefix(300))")
            if response.status == 400, let errors = response.json?["errors"] as? [[String: Any]] {
                // "The program has no query" is about the whole program; every other error has its place.
                for error in errors where (error["line"] as? Int ?? 0) < 1 && !"\(error["message"] ?? "")".contains("has no query") {
                    Issue.record("case \(index) (\(name)): an error without a line: \(error["message"] ?? "")")
                }
            }
        }
        #expect((statuses[200] ?? 0) > 10, "\(statuses)")
        #expect((statuses[400] ?? 0) > 50, "\(statuses)")
        #expect(try service.get("/healthz").status == 200)
    }
}
