import Mustache
import Runs
import Templates

/// The report as one standalone HTML5 page (`index.html`): the Markdown report converted by cmark-gfm
/// (tables, strikethrough, autolinks; raw HTML in prose is not passed through), wrapped in a page shell with
/// inline CSS and no scripts or network assets.
///
/// On top of the Markdown it adds
/// - each block's section as `<section class="experiment" id="block-<id>">`, ending with two collapsible
///   `<details>`: the full resolved configuration (non-default values highlighted, the swept one marked)
///   with seed, cache key, timings and inputs; and the block's log;
/// - figures as `<figure>` with a numbered caption `Figure N. caption` (N as in the Markdown);
/// - a "Run information" `<details>`: machine, git commit and dirty flag, data digests, per-block
///   timings and peak memory.
public enum HTMLPage {
    public static func render(template: Template, record: RunRecord, markdown: String) throws -> String {
        let document = try GFMDocument(markdown: markdown)
        rewriteFigures(in: document)
        try wrapBlocks(in: document, template: template, record: record)
        let body = try document.html()
        let context: [String: Any] = [
            "title": template.title,
            "toolVersion": record.toolVersion,
            "runID": record.runID,
            "profile": record.profile,
            "body": body,
            "runInfo": try render(PageShell.runInfo, runInformation(record)),
        ]
        return try render(PageShell.page, context)
    }

    private static func render(_ template: String, _ context: [String: Any]) throws -> String {
        do {
            return try MustacheTemplate(string: template).render(context)
        } catch {
            throw RenderingError.pageTemplate(String(describing: error))
        }
    }

    // MARK: Figures

    /// Replaces each top-level pair "paragraph holding one `figures/…` image" + "paragraph `*Figure N: caption*`"
    /// by a `<figure>` with caption `Figure N. caption`.
    private static func rewriteFigures(in document: GFMDocument) {
        let nodes = document.topLevel
        var i = 0
        while i + 1 < nodes.count {
            defer { i += 1 }
            guard nodes[i].isParagraph, nodes[i + 1].isParagraph else { continue }
            let imageChildren = nodes[i].children, captionChildren = nodes[i + 1].children
            guard imageChildren.count == 1, imageChildren[0].isImage, let url = imageChildren[0].url,
                  url.hasPrefix("figures/"), !url.contains(".."),
                  captionChildren.count == 1, captionChildren[0].isEmphasis,
                  let parsed = figureCaption(captionChildren[0].plainText)
            else { continue }
            let (number, caption) = parsed
            let alt = imageChildren[0].plainText
            let html = "<figure id=\"figure-\(number)\">\n"
                + "<img src=\"\(HTMLText.escape(url))\" alt=\"\(HTMLText.escape(alt))\" loading=\"lazy\">\n"
                + "<figcaption><span class=\"figure-number\">Figure \(number).</span> \(HTMLText.escape(caption))</figcaption>\n"
                + "</figure>"
            document.insertCustomBlock(before: nodes[i], open: html)
            nodes[i].remove()
            nodes[i + 1].remove()
            i += 1
        }
    }

    /// `Figure 3: Raster of …` → (3, `Raster of …`).
    static func figureCaption(_ text: String) -> (Int, String)? {
        guard text.hasPrefix("Figure ") else { return nil }
        let rest = text.dropFirst("Figure ".count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        let tail = rest.dropFirst(digits.count)
        guard tail.hasPrefix(": ") else { return nil }
        return (n, String(tail.dropFirst(2)))
    }

    // MARK: Block sections

    /// Moves everything between a block's start and end markers into a `<section>` and appends the
    /// block's configuration and log.
    private static func wrapBlocks(in document: GFMDocument, template: Template, record: RunRecord) throws {
        var blocksByMarker: [String: BlockRecord] = [:]
        for b in record.blocks { blocksByMarker[ReportMarkers.encode(b.id)] = b }
        var kindsByMarker: [String: ExperimentBlock] = [:]
        for b in template.blocks { kindsByMarker[ReportMarkers.encode(b.id)] = b }

        var section: GFMDocument.Node?
        for node in document.topLevel {
            let marker = node.isHTMLBlock ? node.literal.flatMap(ReportMarkers.parse) : nil
            switch marker {
            case .start(let id):
                let name = blocksByMarker[id]?.id ?? kindsByMarker[id]?.id ?? id
                section = document.insertCustomBlock(
                    before: node, open: "<section class=\"experiment\" id=\"block-\(HTMLText.escape(HTMLText.identifier(name)))\">",
                    close: "</section>")
                node.remove()
            case .end(let id):
                if let open = section, let block = blocksByMarker[id] {
                    let details = try render(PageShell.blockDetails, blockDetails(block))
                    document.insertCustomBlock(before: node, open: details).move(into: open)
                }
                section = nil
                node.remove()
            case nil:
                if let open = section { node.move(into: open) }
            }
        }
    }

    private static func blockDetails(_ block: BlockRecord) -> [String: Any] {
        let parameters: [[String: Any]] = block.config.values.keys.sorted().map { key in
            let swept = key == block.sweepParameter
            let changed = swept || block.nonDefault.contains(key)
            return ["name": key, "value": block.config.values[key]!.description, "changed": changed,
                    "tag": swept ? "swept" : (changed ? "set" : "")]
        }
        let inputs: [[String: Any]] = block.result.inputs.keys.sorted().map { ["path": $0, "digest": block.result.inputs[$0]!] }
        let lines = block.result.log.count
        return [
            "parameterCount": parameters.count,
            "parameters": parameters,
            "seed": block.seed,
            "cacheKey": block.cacheKey,
            "cacheState": block.cacheHit ? "cached" : "ran",
            "wall": ReportUnits.duration(block.wallSeconds),
            "cpu": ReportUnits.duration(block.cpuSeconds),
            "memory": ReportUnits.bytes(block.peakMemoryBytes),
            "hasInputs": !inputs.isEmpty,
            "inputs": inputs,
            "hasLog": lines > 0,
            "logCount": lines == 1 ? "1 line" : "\(lines) lines",
            "log": block.result.log.joined(separator: "\n"),
        ]
    }

    private static func runInformation(_ record: RunRecord) -> [String: Any] {
        let m = record.machine
        var info: [String: Any] = [
            "runID": record.runID,
            "started": ReportUnits.date(record.startedAt),
            "wall": ReportUnits.duration(record.wallSeconds),
            "templatePath": record.templatePath,
            "templateHash": record.templateHash,
            "profile": record.profile,
            "overrides": record.overrides,
            "toolVersion": record.toolVersion,
            "schemaVersion": record.schemaVersion,
            "cpu": m.cpu, "cores": m.cores, "blas": m.blas, "blasThreads": m.blasThreads, "os": m.os,
            "hasNumeric": m.numeric != nil, "numeric": m.numeric?.summary ?? "",
            "hasDatasets": !record.datasets.isEmpty,
            "datasets": record.datasets.keys.sorted().map { ["path": $0, "digest": record.datasets[$0]!] },
            "hasBlocks": !record.blocks.isEmpty,
            "blocks": record.blocks.map { b -> [String: Any] in
                ["id": b.id, "anchor": HTMLText.identifier(b.id), "kind": b.kind,
                 "cacheState": b.cacheHit ? "cached" : "ran", "cacheKey": ReportUnits.shortDigest(b.cacheKey),
                 "seed": b.seed, "wall": ReportUnits.duration(b.wallSeconds), "cpu": ReportUnits.duration(b.cpuSeconds),
                 "memory": ReportUnits.bytes(b.peakMemoryBytes)]
            },
        ]
        if let git = record.git { info["git"] = ["commit": git.commit, "dirty": git.dirty] as [String: Any] }
        return info
    }
}
