/// Compares two run records (A, the baseline, and B, the candidate): parameters, metrics, figures.
/// Pure: no files are read here; figure pixels are measured by the `FigureComparator` given, if any.
public enum RunDiff {
    /// Compares run `a` (the baseline) with run `b`.
    /// - Parameters:
    ///   - options: tolerances, the figure threshold and `--exact`.
    ///   - figures: measures changed figures; nil compares figure hashes only.
    /// - Returns: every change found and the verdict.
    public static func compare(_ a: RunRecord, _ b: RunRecord, options: DiffOptions = DiffOptions(),
                               figures: FigureComparator? = nil) -> DiffReport {
        let idsA = a.blocks.map(\.id), idsB = b.blocks.map(\.id)
        let onlyA = idsA.filter { b.block($0) == nil }
        let onlyB = idsB.filter { a.block($0) == nil }
        let parameters = a.blocks.compactMap { blockA in b.block(blockA.id).map { parameterChanges(blockA, $0) } }
            .flatMap { $0 }
        let metrics = metricChanges(a, b, options: options)
        let figureList = figureChanges(a, b, options: options, comparator: figures)
        let verdict = decide(parameters: parameters, metrics: metrics, figures: figureList, onlyA: onlyA, onlyB: onlyB)
        return DiffReport(a: DiffRun(a), b: DiffRun(b), context: contextChanges(a, b), parameterChanges: parameters,
                          metricChanges: metrics, figureChanges: figureList, blocksOnlyInA: onlyA, blocksOnlyInB: onlyB,
                          verdict: verdict,
                          summary: summary(verdict, parameters: parameters, metrics: metrics, figures: figureList,
                                           onlyA: onlyA, onlyB: onlyB))
    }

    /// The rule in `DiffVerdict`: missing ⇒ not comparable, else regression ⇒ regressed, else identical
    /// when nothing but timings and context changed, else no regression.
    static func decide(parameters: [ParameterChange], metrics: [MetricChange], figures: [FigureChange],
                       onlyA: [String], onlyB: [String]) -> DiffVerdict {
        if !onlyA.isEmpty || metrics.contains(where: { $0.verdict == .missing }) { return .notComparable }
        if metrics.contains(where: { $0.verdict == .regressed || $0.verdict == .differs }) { return .regressed }
        let identical = parameters.isEmpty && onlyB.isEmpty
            && metrics.allSatisfy { $0.isTiming ? $0.verdict != .added : $0.verdict == .same }
            && figures.allSatisfy { $0.status == .same }
        return identical ? .identical : .noRegression
    }

    static func summary(_ verdict: DiffVerdict, parameters: [ParameterChange], metrics: [MetricChange],
                        figures: [FigureChange], onlyA: [String], onlyB: [String]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        func names(_ list: [MetricChange]) -> String {
            let shown = list.prefix(5).map { "\($0.block).\($0.name)" }.joined(separator: ", ")
            return list.count > 5 ? shown + " and \(list.count - 5) more" : shown
        }
        switch verdict {
        case .identical:
            return "identical: no parameter, metric or figure changed"
        case .notComparable:
            var parts: [String] = []
            if !onlyA.isEmpty { parts.append(count(onlyA.count, "block") + " of A missing in B (\(onlyA.joined(separator: ", ")))") }
            let missing = metrics.filter { $0.verdict == .missing && !onlyA.contains($0.block) }
            if !missing.isEmpty { parts.append(count(missing.count, "metric") + " of A missing in B (\(names(missing)))") }
            return "not comparable: " + parts.joined(separator: "; ") + "; a missing metric is never a pass"
        case .regressed:
            let regressed = metrics.filter { $0.verdict == .regressed }
            let differs = metrics.filter { $0.verdict == .differs }
            var parts: [String] = []
            if !regressed.isEmpty { parts.append(count(regressed.count, "metric") + " got worse beyond tolerance (\(names(regressed)))") }
            if !differs.isEmpty { parts.append(count(differs.count, "metric") + " not bit for bit the same (\(names(differs)))") }
            return "regression: " + parts.joined(separator: "; ")
        case .noRegression:
            var parts: [String] = []
            let directional = metrics.filter { !$0.isTiming }
            for (verdict, word) in [(MetricVerdict.improved, "improved"), (.withinTolerance, "within tolerance"),
                                    (.withinNoise, "within seed noise"), (.changed, "changed (neutral)"),
                                    (.added, "added")] {
                let n = directional.filter { $0.verdict == verdict }.count
                if n > 0 { parts.append(count(n, "metric") + " " + word) }
            }
            if !parameters.isEmpty { parts.append(count(parameters.count, "parameter") + " changed") }
            let changedFigures = figures.filter { $0.status != .same }.count
            if changedFigures > 0 { parts.append(count(changedFigures, "figure") + " changed") }
            if !onlyB.isEmpty { parts.append(count(onlyB.count, "block") + " added") }
            return "no regression" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        }
    }
}
