extension RunDiff {
    /// Figures matched by block and file name: A's in order (missing ones included), then B's additions.
    /// Equal hashes are `same`; different hashes are `changed`, measured by `comparator` when given.
    static func figureChanges(_ a: RunRecord, _ b: RunRecord, options: DiffOptions,
                              comparator: FigureComparator?) -> [FigureChange] {
        var changes: [FigureChange] = []
        for blockA in a.blocks {
            let figuresB = b.block(blockA.id)?.result.figures ?? []
            for fa in blockA.result.figures {
                guard let fb = figuresB.first(where: { $0.file == fa.file }) else {
                    changes.append(FigureChange(block: blockA.id, figure: fa.name, file: fa.file, oldSHA256: fa.sha256,
                                                newSHA256: nil, status: .missing))
                    continue
                }
                changes.append(compareFigure(block: blockA.id, fa, fb, options: options, comparator: comparator))
            }
            for fb in figuresB where !blockA.result.figures.contains(where: { $0.file == fb.file }) {
                changes.append(FigureChange(block: blockA.id, figure: fb.name, file: fb.file, oldSHA256: nil,
                                            newSHA256: fb.sha256, status: .added))
            }
        }
        for blockB in b.blocks where a.block(blockB.id) == nil {
            for fb in blockB.result.figures {
                changes.append(FigureChange(block: blockB.id, figure: fb.name, file: fb.file, oldSHA256: nil,
                                            newSHA256: fb.sha256, status: .added))
            }
        }
        return changes
    }

    static func compareFigure(block: String, _ fa: FigureOutput, _ fb: FigureOutput, options: DiffOptions,
                              comparator: FigureComparator?) -> FigureChange {
        var change = FigureChange(block: block, figure: fb.name, file: fb.file, oldSHA256: fa.sha256,
                                  newSHA256: fb.sha256, status: fa.sha256 == fb.sha256 ? .same : .changed)
        guard change.status == .changed else { return change }
        guard let comparator else {
            change.note = "compared by hash only"
            return change
        }
        let delta = comparator.compare(blockID: block, a: fa, b: fb)
        change.rms = delta.rms
        change.withinThreshold = delta.rms.map { $0 <= options.figureRMSThreshold }
        change.note = delta.note
        change.differencePicture = delta.differencePicture
        return change
    }
}
