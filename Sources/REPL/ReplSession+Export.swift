import Application
import Foundation
import ResultFormats

/// `:export FILE [what]`: a diagram of the graph as the session sees it, in the
/// format the file's extension names.
///
///     :export graph.svg                                 the whole graph
///     :export shared.svg shared-partners                wards and the partners they share
///     :export izumi.png ward 泉区                        one ward
///     :export q.dot ?- shares_partner_with(泉区, W, P).  what a query's answers name, with their wards
///     :export wards.pdf per-ward                       one page per ward: wards-旭区.pdf, …
extension ReplSession {
    func export(_ argument: String) {
        let path = String(argument.prefix { !$0.isWhitespace })
        let rest = argument.dropFirst(path.count).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            fail(":export needs a file ending in \(ExportFormats.extensions), as in :export shared.svg shared-partners")
            return
        }
        let format: any ExportFormat
        do { format = try ExportFormats.choose(path: path, explicit: nil) } catch {
            fail(":export: \(error.message)")
            return
        }
        var request = ExportRequest(subject: .wholeGraph)
        request.years = query.years
        if rest == "shared-partners" {
            request.subject = .sharedPartners
        } else if rest.hasPrefix("ward ") {
            request.subject = .ward(rest.dropFirst(5).trimmingCharacters(in: .whitespaces))
        } else if !rest.isEmpty, rest != "per-ward" {
            request.subject = .query(Self.queryStatement(rest))
        }
        let source = ExportSource(snapshot: snapshot, session: query)
        do {
            let pages = rest == "per-ward"
                ? try WardPages.render(request, format: format, from: source).map { (WardPages.path(path, ward: $0.ward), $0.diagram) }
                : [(path, try format.render(request, from: source))]
            for (file, diagram) in pages {
                for note in diagram.notes { output.write("note: \(note)\n") }
                if let warning = diagram.widthWarning { output.error("warning: \(warning)\n") }
                try ResultFile.save(diagram.bytes, to: file)
                output.write("wrote \(file)\n")
            }
        } catch let error as OperationError {
            fail(":export: \(error.message)")
        } catch {
            fail(":export: \(error)")
        }
    }
}
