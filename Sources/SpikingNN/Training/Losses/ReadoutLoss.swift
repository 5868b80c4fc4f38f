import TensorCore

/// How a network's output sequence is turned into a classification loss.
///
/// All cases take the last layer's output `o` `[T, B, C]` (spikes or membrane; the trainer picks)
/// and integer labels `y[b]`. Cross entropy is PyTorch's `CrossEntropyLoss` (mean over the batch):
///
///     CE(z, y) = (1/B) Σ_b [ log Σ_c exp(z[b, c]) − z[b, y_b] ],   ∂CE/∂z = (softmax(z) − onehot(y)) / B
///
/// - `countCrossEntropy`:        z = Σ_t o[t]                        (spike counts as logits)
/// - `meanMembraneCrossEntropy`: z = (1/T) Σ_t o[t]
/// - `perStepCrossEntropy`:      L = (1/T) Σ_t CE(o[t], y)            (snnTorch `ce_rate_loss`)
/// - `lastStepCrossEntropy`:     L = CE(o[T − 1], y)
/// - `countMSE`:                 L = (1/(B·C)) Σ_{b,c} (Σ_t o[t, b, c] − target[b, c])²,
///                               target = correctRate·T for c = y_b, incorrectRate·T otherwise
///                               (snnTorch `mse_count_loss`)
///
/// Predictions are `argmax_c` of the logits of the case (`Σ_t o` for the count and per-step losses,
/// `mean_t o` for the mean-membrane loss, `o[T − 1]` for the last-step loss); ties go to the lowest class.
public enum ReadoutLoss: Sendable, Equatable {
    case countCrossEntropy
    case meanMembraneCrossEntropy
    case perStepCrossEntropy
    case lastStepCrossEntropy
    case countMSE(correctRate: Float, incorrectRate: Float)

    /// Loss, dL/d(output) `[T, B, C]` and predictions of `output` `[T, B, C]`.
    public func evaluate(_ output: Tensor, labels: [Int]) -> (loss: Double, grad: Tensor, predictions: [Int]) {
        precondition(output.rank == 3, "readout losses take [T, B, C], got \(output.shape)")
        let t = output.shape[0], b = output.shape[1], c = output.shape[2]
        let r = evaluate(output.storage.map(Double.init), steps: t, batch: b, classes: c, labels: labels)
        return (r.loss, Tensor(shape: output.shape, storage: r.grad.map(Float.init)), r.predictions)
    }

    /// The same math in Double on a flat time-major array of `steps · batch · classes` values.
    public func evaluate(_ o: [Double], steps: Int, batch: Int, classes: Int,
                         labels: [Int]) -> (loss: Double, grad: [Double], predictions: [Int]) {
        let (T, B, C) = (steps, batch, classes)
        precondition(o.count == T * B * C, "output has \(o.count) values, expected \(T)·\(B)·\(C)")
        precondition(labels.count == B, "\(labels.count) labels for a batch of \(B)")
        precondition(labels.allSatisfy { (0..<C).contains($0) }, "labels must lie in 0..<\(C)")
        var grad = [Double](repeating: 0, count: T * B * C)
        switch self {
        case .countCrossEntropy, .meanMembraneCrossEntropy:
            let scale = self == .countCrossEntropy ? 1.0 : 1.0 / Double(T)
            let z = LossMath.sumOverTime(o, steps: T, width: B * C).map { $0 * scale }
            let ce = LossMath.crossEntropy(z, batch: B, classes: C, labels: labels)
            for s in 0..<T { for i in 0..<(B * C) { grad[s * B * C + i] = ce.grad[i] * scale } }
            return (ce.loss, grad, LossMath.argmax(z, batch: B, classes: C))
        case .perStepCrossEntropy:
            var loss = 0.0
            for s in 0..<T {
                let z = Array(o[(s * B * C)..<((s + 1) * B * C)])
                let ce = LossMath.crossEntropy(z, batch: B, classes: C, labels: labels)
                loss += ce.loss / Double(T)
                for i in 0..<(B * C) { grad[s * B * C + i] = ce.grad[i] / Double(T) }
            }
            let z = LossMath.sumOverTime(o, steps: T, width: B * C)
            return (loss, grad, LossMath.argmax(z, batch: B, classes: C))
        case .lastStepCrossEntropy:
            let z = Array(o[((T - 1) * B * C)..<(T * B * C)])
            let ce = LossMath.crossEntropy(z, batch: B, classes: C, labels: labels)
            for i in 0..<(B * C) { grad[(T - 1) * B * C + i] = ce.grad[i] }
            return (ce.loss, grad, LossMath.argmax(z, batch: B, classes: C))
        case let .countMSE(correctRate, incorrectRate):
            let z = LossMath.sumOverTime(o, steps: T, width: B * C)
            var loss = 0.0
            var g = [Double](repeating: 0, count: B * C)
            let n = Double(B * C)
            for bi in 0..<B {
                for ci in 0..<C {
                    let target = Double(ci == labels[bi] ? correctRate : incorrectRate) * Double(T)
                    let d = z[bi * C + ci] - target
                    loss += d * d / n
                    g[bi * C + ci] = 2 * d / n
                }
            }
            for s in 0..<T { for i in 0..<(B * C) { grad[s * B * C + i] = g[i] } }
            return (loss, grad, LossMath.argmax(z, batch: B, classes: C))
        }
    }
}
