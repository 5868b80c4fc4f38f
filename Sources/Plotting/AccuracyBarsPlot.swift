import Foundation

extension Figure {
    /// Accuracies as bars: `values[i]` is a fraction in 0…1 drawn as a percentage on a fixed
    /// 0–100% axis (ticks every 20%), with the value printed above each bar ("91.3%") and an optional
    /// dashed `reference` line (e.g. chance, also a fraction). Values outside 0…1 are clamped to the
    /// axis, NaN draws no bar. Labels and values beyond the shorter list are ignored; no data draws
    /// "no data".
    public static func accuracyBars(labels: [String], values: [Double], title: String,
                                    yLabel: String = "accuracy", reference: Double? = nil,
                                    referenceLabel: String? = "chance", width: Double = 640,
                                    height: Double = 400) -> Figure {
        let percents = values.map { $0.isFinite ? min(max($0, 0), 1) * 100 : $0 }
        var figure = Figure.bars(labels: labels, values: percents, yLabel: yLabel, title: title,
                                 valueFormat: { NumberFormat.fixed($0, decimals: 1) + "%" },
                                 reference: reference.map { min(max($0, 0), 1) * 100 },
                                 referenceLabel: referenceLabel, width: width, height: height)
        // 0–100% plus headroom for the value labels above a full bar.
        figure[0].yRange = 0...112
        figure[0].yTicks = .fixed(NiceTicks(values: [0, 20, 40, 60, 80, 100],
                                            labels: ["0%", "20%", "40%", "60%", "80%", "100%"]))
        figure[0].spines = .open
        return figure
    }
}
