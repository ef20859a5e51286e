import ParleyGraph
import ParleyIO

extension Launcher {
    /// `parley convert IN OUT [--from FMT] [--to FMT]`: reads IN, writes OUT; 0 on success,
    /// 1 when IN cannot be read or OUT written, 2 for a format that does not exist or fit.
    public static func convert(input: String, output: String, from: String?, to: String?, noColor: Bool = false) -> Int32 {
        let color = !noColor && Terminal.colorAllowed(on: 2)
        func usage(_ message: String) -> Int32 {
            FileOutput.standardError.write("Error: \(message)\n")
            return 2
        }
        var inFormat: GraphFormat? = nil
        if let from {
            guard let f = GraphFormat.named(from) else { return usage("--from: unknown format '\(from)': expected one of \(Interchange.readableNames)") }
            guard f.canRead else { return usage("--from: Parley writes \(f.rawValue) but does not read it (it reads \(Interchange.readableNames))") }
            inFormat = f
        }
        var outFormat: GraphFormat? = nil
        if let to {
            guard let f = GraphFormat.named(to) else { return usage("--to: unknown format '\(to)': expected one of \(GraphFormat.names.joined(separator: ", "))") }
            outFormat = f
        } else {
            outFormat = GraphFormat.detect(writing: output)
            guard outFormat != nil else { return usage("cannot tell the format of '\(output)' from its name: give --to (\(GraphFormat.names.joined(separator: ", ")))") }
        }
        let graph: GraphStore
        do {
            graph = try Interchange.load(path: input, format: inFormat)
        } catch {
            FileOutput.standardError.write(Session.renderLoadError(error, color: color) + "\n")
            return 1
        }
        do {
            let notes = try Interchange.save(graph, to: output, format: outFormat)
            for note in notes.lines { FileOutput.standardError.write("note: \(note)\n") }
        } catch {
            FileOutput.standardError.write(error.diagnostic.render(source: nil, fileName: error.path, color: color) + "\n")
            return 1
        }
        let inName = (inFormat ?? GraphFormat.detect(reading: input) ?? .json).rawValue
        FileOutput.standardOutput.write("Converted \(input) (\(inName)) to \(output) (\(outFormat!.rawValue)): \(SchemaSummary(graph).countsLine()).\n")
        return 0
    }
}
