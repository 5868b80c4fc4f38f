import Runs

/// The diff page between two consecutive runs of a report, `diff-<older>-<newer>.html`.
///
/// `body(a:b:)` is the one swap point: any function from two records to an HTML fragment can replace it
/// (`SiteBuilder.build(…, diffBody:)`). This one compares the records directly:
/// - run: profile, overrides, template hash, tool version, git commit and dirty flag, and data digests,
///   listing only what changed;
/// - per block (the newer run's order, then blocks only the older run had): added or removed, kind, seed
///   and each changed configuration value (keys sorted); every metric old → new with its signed change
///   and verdict (`SiteMetricChange`); figures whose SHA-256 changed, appeared or disappeared.
public enum SiteDiffPage {
    /// The full page around `body`.
    static func render(report: SiteReport, older a: RunRecord, newer b: RunRecord, body: String) -> String {
        let heading = "<h1>Changes between two runs</h1>\n<p class=\"lede\"><a href=\"\(SiteLinks.index)\">\(HTMLText.escape(b.title))</a>: "
            + "run <a href=\"\(SiteLinks.record(a.runID))\"><code>\(HTMLText.escape(a.runID))</code></a> "
            + "(\(HTMLText.escape(ReportUnits.date(a.startedAt)))) → run <a href=\"\(SiteLinks.record(b.runID))\">"
            + "<code>\(HTMLText.escape(b.runID))</code></a> (\(HTMLText.escape(ReportUnits.date(b.startedAt)))).</p>\n"
        return SiteShell.page(
            title: "Changes \(a.runID) → \(b.runID) · \(b.title)",
            crumbs: [SiteShell.Crumb(label: "All reports", href: "../\(SiteLinks.index)"),
                     SiteShell.Crumb(label: b.title, href: report.page == nil ? nil : SiteLinks.index),
                     SiteShell.Crumb(label: "Run history", href: SiteLinks.history),
                     SiteShell.Crumb(label: "Changes", href: nil)],
            body: heading + body)
    }

    /// The changes from run `a` (older) to run `b` (newer) as an HTML fragment.
    public static func body(a: RunRecord, b: RunRecord) -> String {
        var out = "<h2>Run</h2>\n" + runChanges(a, b) + "\n"
        let ids = b.blocks.map(\.id) + a.blocks.map(\.id).filter { b.block($0) == nil }
        for id in ids { out += blockChanges(id, a.block(id), b.block(id)) + "\n" }
        return out
    }

    // MARK: Run

    private static func runChanges(_ a: RunRecord, _ b: RunRecord) -> String {
        var rows: [(String, String, String)] = []
        func compare(_ name: String, _ old: String, _ new: String) { if old != new { rows.append((name, old, new)) } }
        compare("Profile", a.profile, b.profile)
        compare("Overrides", list(a.overrides), list(b.overrides))
        compare("Template SHA-256", ReportUnits.shortDigest(a.templateHash), ReportUnits.shortDigest(b.templateHash))
        compare("Tool version", a.toolVersion, b.toolVersion)
        compare("Git commit", commit(a.git), commit(b.git))
        for path in Set(a.datasets.keys).union(b.datasets.keys).sorted() {
            compare("Data <code>\(HTMLText.escape(path))</code>", a.datasets[path].map(ReportUnits.shortDigest) ?? "–",
                    b.datasets[path].map(ReportUnits.shortDigest) ?? "–")
        }
        guard !rows.isEmpty else {
            return "<p class=\"same\">Same profile, overrides, template, tool version, git commit and data.</p>"
        }
        return "<table class=\"changes\">\n<thead><tr><th>What</th><th>Before</th><th>After</th></tr></thead>\n<tbody>\n"
            + rows.map { "<tr><td>\($0.0)</td><td><code>\(HTMLText.escape($0.1))</code></td><td><code>\(HTMLText.escape($0.2))</code></td></tr>\n" }.joined()
            + "</tbody>\n</table>"
    }

    private static func list(_ values: [String]) -> String { values.isEmpty ? "none" : values.joined(separator: " ") }

    private static func commit(_ git: GitState?) -> String {
        guard let git else { return "none" }
        return String(git.commit.prefix(12)) + (git.dirty ? " (dirty)" : "")
    }

    // MARK: Blocks

    private static func blockChanges(_ id: String, _ a: BlockRecord?, _ b: BlockRecord?) -> String {
        let kind = (b ?? a)?.kind ?? ""
        var out = "<section class=\"block-diff\">\n<h3><code>\(HTMLText.escape(id))</code> — \(HTMLText.escape(kind))</h3>\n"
        if a == nil { out += "<p><span class=\"tag\">new</span> The newer run adds this block.</p>\n" }
        if b == nil { out += "<p><span class=\"tag\">removed</span> The newer run no longer has this block.</p>\n" }
        if let a, let b { out += parameterChanges(a, b) + "\n" }
        out += metricChanges(a?.result.metrics ?? [], b?.result.metrics ?? []) + "\n"
        out += figureChanges(a?.result.figures ?? [], b?.result.figures ?? [])
        return out + "\n</section>"
    }

    private static func parameterChanges(_ a: BlockRecord, _ b: BlockRecord) -> String {
        var rows: [(String, String, String)] = []
        if a.kind != b.kind { rows.append(("kind", a.kind, b.kind)) }
        if a.seed != b.seed { rows.append(("seed", String(a.seed), String(b.seed))) }
        for key in Set(a.config.values.keys).union(b.config.values.keys).sorted() {
            let old = a.config[key]?.description ?? "–", new = b.config[key]?.description ?? "–"
            if a.config[key] != b.config[key] { rows.append((key, old, new)) }
        }
        guard !rows.isEmpty else { return "<p class=\"same\">Same parameters.</p>" }
        return "<table class=\"changes\">\n<thead><tr><th>Parameter</th><th>Before</th><th>After</th></tr></thead>\n<tbody>\n"
            + rows.map { "<tr><td><code>\(HTMLText.escape($0.0))</code></td><td><code>\(HTMLText.escape($0.1))</code></td>"
                + "<td><code>\(HTMLText.escape($0.2))</code></td></tr>\n" }.joined()
            + "</tbody>\n</table>"
    }

    private static func metricChanges(_ a: [Metric], _ b: [Metric]) -> String {
        let names = b.map(\.name) + a.map(\.name).filter { name in !b.contains { $0.name == name } }
        guard !names.isEmpty else { return "<p class=\"same\">No metrics.</p>" }
        var out = "<table class=\"metrics\">\n<thead><tr><th>Metric</th><th class=\"num\">Before</th><th class=\"num\">After</th>"
            + "<th class=\"num\">Change</th><th></th></tr></thead>\n<tbody>\n"
        for name in names {
            let old = a.first { $0.name == name }, new = b.first { $0.name == name }
            let change = SiteMetricChange.classify(old: old, new: new)
            let verdict = change.cssClass.map { "<span class=\"\($0)\">\(change.text)</span>" } ?? change.text
            let label = (new ?? old)?.label ?? name
            out += "<tr><td>\(HTMLText.escape(label)) <code>\(HTMLText.escape(name))</code></td>"
                + "<td class=\"num\">\(HTMLText.escape(formatted(old)))</td><td class=\"num\">\(HTMLText.escape(formatted(new)))</td>"
                + "<td class=\"num\">\(HTMLText.escape(SiteMetricChange.delta(old: old, new: new)))</td><td>\(verdict)</td></tr>\n"
        }
        return out + "</tbody>\n</table>"
    }

    private static func formatted(_ metric: Metric?) -> String {
        metric.map { ValueFormatter.format($0.value, as: $0.format) } ?? "–"
    }

    private static func figureChanges(_ a: [FigureOutput], _ b: [FigureOutput]) -> String {
        let files = b.map(\.file) + a.map(\.file).filter { file in !b.contains { $0.file == file } }
        var changed: [(String, String)] = []
        var same = 0
        for file in files {
            let old = a.first { $0.file == file }, new = b.first { $0.file == file }
            switch (old, new) {
            case (nil, _): changed.append((file, "new"))
            case (_, nil): changed.append((file, "removed"))
            case let (o?, n?) where o.sha256 != n.sha256: changed.append((file, "changed"))
            default: same += 1
            }
        }
        let unchanged = same == 0 ? "" : "\(same) figure\(same == 1 ? "" : "s") unchanged (same SHA-256)."
        guard !changed.isEmpty else { return files.isEmpty ? "" : "<p class=\"same\">\(unchanged)</p>" }
        return "<p>Figures: " + changed.map { "<code>\(HTMLText.escape($0.0))</code> <span class=\"tag\">\($0.1)</span>" }
            .joined(separator: ", ") + (unchanged.isEmpty ? "" : ". " + unchanged) + "</p>"
    }
}
