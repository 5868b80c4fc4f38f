@testable import TensorCore
import XCTest

/// Reproducible math runs OpenBLAS's Haswell kernel whatever kernel the library picked for this CPU
/// (or `OPENBLAS_CORETYPE` named): proved without touching the environment, by making OpenBLAS run
/// another kernel in-process (`force(core:)`, as the library would on another CPU) and showing that
/// the product changes under it and comes back bit for bit once reproducible mode is active again.
final class BLASRuntimeTests: XCTestCase {
    override func tearDown() {
        BLASRuntime.activate(.reproducible)
        super.tearDown()
    }

    private func product() -> [Float] {
        var rng = SeededRNG(seed: 3)
        let m = 257, n = 130, k = 784
        let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        var c = [Float](repeating: 0, count: m * n)
        BLAS.sgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n,
                   beta: 0, c: &c, ldc: n)
        return c
    }

    func testReproducibleModeRunsTheHaswellKernel() {
        let state = BLASRuntime.activate(.reproducible)
        XCTAssertEqual(state.mode, .reproducible)
        XCTAssertEqual(state.core.lowercased(), BLASRuntime.reproducibleCore.lowercased())
        XCTAssertEqual(BLASRuntime.currentCore.lowercased(), "haswell")
    }

    func testAnotherKernelChangesBitsAndReproducibleModeUndoesIt() throws {
        BLASRuntime.activate(.reproducible)
        let reference = product()
        // Sandybridge (AVX, no FMA) runs on every CPU this package targets, and sums in another order.
        guard BLASRuntime.force(core: "Sandybridge") else { throw XCTSkip("this OpenBLAS cannot switch kernels") }
        XCTAssertEqual(BLASRuntime.state.core.lowercased(), "sandybridge")
        let other = product()
        XCTAssertNotEqual(other, reference, "the kernel is expected to change the last bits of this product")
        for i in stride(from: 0, to: reference.count, by: 97) { XCTAssertEqual(other[i], reference[i], accuracy: 1e-3) }
        BLASRuntime.activate(.reproducible)
        XCTAssertEqual(product(), reference, "reproducible mode must give the Haswell kernel's bits again")
    }

    func testNativeModeNamesTheLibrarysOwnPick() {
        let native = BLASRuntime.activate(.native)
        XCTAssertEqual(native.mode, .native)
        XCTAssertFalse(native.core.isEmpty)
        XCTAssertEqual(BLASRuntime.activate(.reproducible).core.lowercased(), "haswell")
    }

    func testTheEnvironmentIsLeftAsItWas() {
        let before = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        BLASRuntime.force(core: "Sandybridge")
        BLASRuntime.activate(.reproducible)
        XCTAssertEqual(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"], before)
    }
}
