/// Base addresses for one `Leaky` backward, `[T, B, F]` unless said: the membrane U, the input
/// gradient dL/dI (written), dL/dS (a tensor, or G and Wᵀ of `G·Wᵀ`), the loss's dL/dU, and
/// each chunk's sums of dL/dβ̃ and dL/dθ (written).
/// Valid only inside the `with` call that made them.
struct LeakyBackwardPointers {
    let membrane: UnsafePointer<Float>
    let inputGradient: UnsafeMutablePointer<Float>
    let spikeGradient: UnsafePointer<Float>?
    /// G `[T, B, K]` and Wᵀ `[K, F]`.
    let product: (g: UnsafePointer<Float>, transposedWeight: UnsafePointer<Float>, k: Int)?
    let membraneGradient: UnsafePointer<Float>?
    /// Chunk c's Σ dL/dβ̃ at `betaSums[c]`, Σ dL/dθ at `thresholdSums[c]`.
    let betaSums: UnsafeMutablePointer<Double>
    let thresholdSums: UnsafeMutablePointer<Double>

    /// `body` with the arrays' addresses (`membraneGradient` empty when absent; `sums` holds the
    /// β sums, then as many θ sums); not called for an empty membrane.
    static func with(membrane: [Float], inputGradient: inout [Float], spikes: LeakySpikeGradient?, membraneGradient: [Float],
                     sums: inout [Double], _ body: (Self) -> Void) {
        guard !membrane.isEmpty else { return }
        var values: [Float] = [], transposed: [Float] = [], k = 0  // k > 0 for a product G·Wᵀ
        switch spikes {
        case .tensor(let t)?: values = t.storage
        case .product(let g, let wt)?: (values, transposed, k) = (g.storage, wt, g.shape[2])
        case nil: break
        }
        membrane.withUnsafeBufferPointer { u in
            inputGradient.withUnsafeMutableBufferPointer { dI in
                values.withUnsafeBufferPointer { s in
                    transposed.withUnsafeBufferPointer { wt in
                        membraneGradient.withUnsafeBufferPointer { gm in
                            sums.withUnsafeMutableBufferPointer { sums in
                                let s = present(s)
                                body(Self(membrane: u.baseAddress!, inputGradient: dI.baseAddress!, spikeGradient: k > 0 ? nil : s,
                                          product: k > 0 ? s.map { ($0, wt.baseAddress!, k) } : nil, membraneGradient: present(gm),
                                          betaSums: sums.baseAddress!, thresholdSums: sums.baseAddress! + sums.count / 2))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The first element's address, nil for an empty buffer.
    private static func present(_ buffer: UnsafeBufferPointer<Float>) -> UnsafePointer<Float>? {
        buffer.isEmpty ? nil : buffer.baseAddress
    }
}
