// swift-tools-version:6.0
import PackageDescription

// Two halves that meet in one place (ARCHITECTURE.md):
//   numeric:  TensorCore, EventKernels(+AVX512) -> SpikingNN, Datasets
//   document: Templates -> Runs -> Rendering
//   Plotting takes plain arrays; Experiments is the only bridge; SpikedownCLI drives it all.
//   SpikedownBase, below both halves, holds what both need once (error categories, small helpers).
// `release`: -Ounchecked, for the numeric kernels only (TensorCore, EventKernels, SpikingNN), where it is
// measured to matter: their loops index arrays whose sizes they set themselves. `checked`: -O (overflow
// and bounds checks kept) for everything else, and always for the targets that read downloaded or user
// files and configurations (Datasets, Templates, Experiments); Plotting's time is in Cairo.
#if arch(x86_64)
// AVX2/FMA (Intel Haswell 2013+, AMD Excavator 2015+) for the vectorised spike loops.
let release: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-target-cpu", "haswell"], .when(configuration: .release))]
let checked: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"], .when(configuration: .release))]
// The event kernels once more for AVX-512 (F/CD/BW/DQ/VL, as Skylake-SP), chosen at run time when the CPU has it.
let avx512: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "skylake-avx512"]),
                              .unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
#else
let avx512: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
let release: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
let checked: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .release))]
#endif

let package = Package(
    name: "Spikedown",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spikedown", targets: ["spikedown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        // Below both halves: error categories and helpers; Foundation only, nothing of ours.
        .target(name: "SpikedownBase"),

        // System libraries (Debian -dev packages; see scripts/setup.sh).
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // Numeric engine.
        .target(name: "TensorCore", dependencies: ["COpenBLAS"], swiftSettings: release),
        .target(name: "EventKernels", swiftSettings: release),
        .target(name: "EventKernelsAVX512", dependencies: ["EventKernels"], swiftSettings: avx512),
        .target(name: "SpikingNN", dependencies: ["SpikedownBase", "TensorCore", "EventKernels", "EventKernelsAVX512"], swiftSettings: release),
        .target(name: "Datasets", dependencies: ["SpikedownBase", "TensorCore", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: checked),

        // Drawing: plain arrays in, PNG out.
        .target(name: "Plotting", dependencies: ["SpikedownBase", "CCairo"], swiftSettings: checked),

        // Document engine.
        .target(name: "Templates", dependencies: ["SpikedownBase", "Yams"], swiftSettings: checked),
        .target(name: "Runs", dependencies: ["SpikedownBase", "Templates", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Rendering", dependencies: ["SpikedownBase", "Runs", "Templates", "CCmarkGFM",
                                                 .product(name: "Mustache", package: "swift-mustache")],
                resources: [.embedInCode("Resources")]),

        // The bridge: one executor per block kind.
        .target(name: "Experiments", dependencies: ["SpikedownBase", "SpikingNN", "Datasets", "TensorCore", "Plotting", "Runs", "Rendering", "Templates"],
                swiftSettings: checked),

        // Command line.
        .target(name: "SpikedownCLI", dependencies: ["SpikedownBase", "Experiments", "Rendering", "Runs", "Templates", "Datasets", "Plotting",
                                                    .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "spikedown", dependencies: ["SpikedownCLI"]),

        // Shared test helpers (golden files, synthetic digits, diff fixtures); used by test targets only.
        .target(name: "TestSupport", dependencies: ["Datasets", "TensorCore", "Runs", "Templates"], path: "Tests/Support"),

        .testTarget(name: "SpikedownBaseTests", dependencies: ["SpikedownBase"]),
        .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore"]),
        .testTarget(name: "SpikingNNTests", dependencies: ["SpikingNN", "TensorCore", "Datasets"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "SpikedownBase", "TensorCore", "CZlib"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "Templates", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Runs", "Templates", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Runs", "Templates", "Datasets", "TensorCore", "TestSupport"]),
        .testTarget(name: "SpikedownCLITests", dependencies: ["SpikedownCLI", "SpikedownBase", "Experiments", "Runs", "Rendering", "Templates",
                                                        "Datasets", "Plotting", "TestSupport"], exclude: ["Golden"]),
    ]
)
