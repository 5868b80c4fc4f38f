/// Adam, as `torch.optim.Adam` (amsgrad off, not maximising).
///
/// With `g` the gradient and `t` the parameter's step count (from 1):
///
///     g ← g + weightDecay·p                      (only when weightDecay > 0: L2 in the gradient)
///     m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
///     p ← p − lr/(1 − β1^t) · m / (√v/√(1 − β2^t) + eps)
public final class Adam: Optimizer {
    public var lr: Float
    public let beta1: Float, beta2: Float, eps: Float, weightDecay: Float
    private var state: [ObjectIdentifier: AdamMoments] = [:]

    public init(lr: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, eps: Float = 1e-8, weightDecay: Float = 0) {
        self.lr = lr; self.beta1 = beta1; self.beta2 = beta2; self.eps = eps; self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter]) { step(parameters, workers: 1) }

    public func step(_ parameters: [Parameter], workers: Int) {
        for p in parameters {
            let s = state[ObjectIdentifier(p)] ?? { let s = AdamMoments(count: p.count); state[ObjectIdentifier(p)] = s; return s }()
            s.update(p, lr: lr, beta1: beta1, beta2: beta2, eps: eps, l2: weightDecay, workers: workers)
        }
    }
}
