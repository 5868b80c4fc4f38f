import Foundation

/// Building blocks of `ReadoutLoss` in Double.
public enum LossMath {
    /// `Σ_t o[t, i]` for a time-major array of `steps` rows of `width` values.
    public static func sumOverTime(_ o: [Double], steps: Int, width: Int) -> [Double] {
        var z = [Double](repeating: 0, count: width)
        for s in 0..<steps { for i in 0..<width { z[i] += o[s * width + i] } }
        return z
    }

    /// PyTorch `CrossEntropyLoss` (mean over the batch) of logits `z` `[B, C]` and its gradient
    /// `(softmax(z) − onehot(y)) / B`, computed with the max subtracted for stability.
    public static func crossEntropy(_ z: [Double], batch: Int, classes: Int,
                                    labels: [Int]) -> (loss: Double, grad: [Double]) {
        var loss = 0.0
        var grad = [Double](repeating: 0, count: batch * classes)
        for b in 0..<batch {
            let row = (b * classes)..<((b + 1) * classes)
            let m = z[row].max()!
            var sum = 0.0
            for i in row { sum += exp(z[i] - m) }
            let logSum = m + log(sum)
            loss += (logSum - z[b * classes + labels[b]]) / Double(batch)
            for i in row { grad[i] = exp(z[i] - logSum) / Double(batch) }
            grad[b * classes + labels[b]] -= 1 / Double(batch)
        }
        return (loss, grad)
    }

    /// Index of the largest value of each row (`[B, C]`), the first one on ties.
    public static func argmax(_ z: [Double], batch: Int, classes: Int) -> [Int] {
        (0..<batch).map { b in
            var best = 0
            for c in 1..<max(classes, 1) where z[b * classes + c] > z[b * classes + best] { best = c }
            return best
        }
    }
}
