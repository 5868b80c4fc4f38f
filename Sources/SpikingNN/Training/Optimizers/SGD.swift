/// Stochastic gradient descent, as `torch.optim.SGD`.
///
///     g ← g + weightDecay·p
///     momentum ≠ 0:  buf ← g on the first step, else buf ← momentum·buf + (1 − dampening)·g
///                    g ← g + momentum·buf (nesterov)  or  g ← buf
///     p ← p − lr·g
public final class SGD: Optimizer {
    public var lr: Float
    public let momentum: Float, dampening: Float, nesterov: Bool, weightDecay: Float
    private var buffers: [ObjectIdentifier: [Float]] = [:]

    public init(lr: Float, momentum: Float = 0, dampening: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) {
        precondition(!nesterov || (momentum > 0 && dampening == 0), "nesterov needs momentum and no dampening")
        self.lr = lr; self.momentum = momentum; self.dampening = dampening; self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter]) {
        for p in parameters {
            let n = p.count
            let (lr, mu, wd, damp, nesterov) = (lr, momentum, weightDecay, 1 - dampening, nesterov)
            if mu == 0 {
                p.grad.withUnsafeBufferPointer { g in
                    p.value.withUnsafeMutableBufferPointer { w in
                        for i in 0..<n { w[i] -= lr * (g[i] + wd * w[i]) }
                    }
                }
                continue
            }
            let key = ObjectIdentifier(p)
            let first = buffers[key] == nil
            var buf = buffers.removeValue(forKey: key) ?? [Float](repeating: 0, count: n)
            precondition(buf.count == n, "\(p.name): size changed between steps")
            buf.withUnsafeMutableBufferPointer { b in
                p.grad.withUnsafeBufferPointer { g in
                    p.value.withUnsafeMutableBufferPointer { w in
                        for i in 0..<n {
                            let gi = g[i] + wd * w[i]
                            b[i] = first ? gi : mu * b[i] + damp * gi
                            w[i] -= lr * (nesterov ? gi + mu * b[i] : b[i])
                        }
                    }
                }
            }
            buffers[key] = buf
        }
    }
}
