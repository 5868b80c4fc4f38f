import Runs

/// The settings of the `compare` kind (snn-mnist-classifier's accuracy table, bar chart and loss curves).
struct CompareSettings: BlockSettings {
    enum FigureName: String, CaseIterable, Sendable { case bars, curves }

    var blocks: [String] = []
    var labels: [String] = []
    var metric = "test_accuracy"
    var columns = ["test_accuracy", "train_accuracy", "epoch_seconds"]
    var series = "batch_loss"
    var figures: [FigureName] = [.bars, .curves]

    static let fields: [SettingField<Self>] = [
        .strings("blocks", \.blocks, doc: "the blocks to compare, in order"),
        .strings("labels", \.labels, doc: "display names, one per block (default: the block ids)"),
        .string("metric", \.metric, doc: "the metric of the bar chart"),
        .strings("columns", \.columns, doc: "metrics in the table (those a block lacks show as –)"),
        .string("series", \.series, doc: "the series drawn as overlaid curves"),
        .list("figures", \.figures, doc: "figures to draw"),
    ]
}
