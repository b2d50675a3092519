import Foundation
import Application

/// `:export FILE [what]`: a diagram of the graph as the session sees it, in the
/// format the file's extension names.
///
///     :export graph.svg                                 the whole graph
///     :export shared.svg shared-partners                wards and the partners they share
///     :export izumi.png ward 泉区                        one ward
///     :export q.dot ?- shares_partner_with(泉区, W, P).  the nodes a query's answers name
extension ReplSession {
    func export(_ argument: String) {
        let path = String(argument.prefix { !$0.isWhitespace })
        let rest = argument.dropFirst(path.count).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, let format = ExportFormats.forPath(path) else {
            fail(":export needs a file ending in \(ExportFormats.all.map { "." + $0.fileExtension }.joined(separator: ", ")), as in :export shared.svg shared-partners")
            return
        }
        let subject: ExportSubject
        if rest.isEmpty {
            subject = .wholeGraph
        } else if rest == "shared-partners" {
            subject = .sharedPartners
        } else if rest.hasPrefix("ward ") {
            subject = .ward(rest.dropFirst(5).trimmingCharacters(in: .whitespaces))
        } else {
            subject = .query(Self.queryStatement(rest))
        }
        do {
            let bytes = try format.export(ExportRequest(subject: subject), from: ExportSource(snapshot: snapshot, session: query))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            output.write("wrote \(path)\n")
        } catch let error as OperationError {
            fail(":export: \(error.message)")
        } catch {
            fail(":export: \(path) cannot be written (\(error.localizedDescription))")
        }
    }
}
