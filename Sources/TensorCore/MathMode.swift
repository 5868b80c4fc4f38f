/// How far a build's numbers are tied to this machine.
///
/// - `reproducible` (the default): OpenBLAS runs the Haswell kernel, which every x86-64 CPU with
///   AVX2 and FMA has, whatever core it would pick for this CPU (Zen, SkylakeX, Cooperlake …), on one
///   thread of its own; every product is split into fixed row blocks that our workers share, and our
///   own kernels reduce in a fixed order. The same configuration, seed and data give the same bits on
///   any such machine with any thread count (the spirit of MKL's conditional numerical reproducibility).
/// - `native`: OpenBLAS keeps the kernel it picked for the CPU (or `OPENBLAS_CORETYPE`); results may
///   differ in rounding from other machines, so the kernel enters the cache key.
public enum MathMode: String, Sendable, Codable, CaseIterable {
    case reproducible
    case native
}
