import Foundation
import Plotting
import SpikingNN

/// The network's parameters before and after training, for the `weights` and `biases` figures:
/// every matrix (a parameter of rank 2) and every vector of more than one value (biases), layer by
/// layer, named by the layer's position and summary. Scalars (β, θ, a one-to-one V) are left out.
struct TrainedParameters {
    /// Per layer, its parameters' values before training (`Layer.parameters` order).
    let initial: [[[Float]]]

    /// The values of every layer's parameters now (call before training).
    static func snapshot(_ model: Sequential) -> TrainedParameters {
        TrainedParameters(initial: model.layers.map { $0.parameters.map(\.value) })
    }

    func matrices(_ model: Sequential) -> [WeightMatrix] {
        pairs(model).compactMap { name, p, before in
            guard p.shape.count == 2 else { return nil }
            return WeightMatrix(name: "\(name) \(p.name.replacingOccurrences(of: ".weight", with: ""))", rows: p.shape[0], columns: p.shape[1],
                                before: before.map(Double.init), after: p.value.map(Double.init))
        }
    }

    func biases(_ model: Sequential) -> [(name: String, before: [Double], after: [Double])] {
        pairs(model).compactMap { name, p, before in
            guard p.shape.count == 1, p.count > 1 else { return nil }
            return ("\(name) \(p.name)", before.map(Double.init), p.value.map(Double.init))
        }
    }

    /// A layer's summary cut to its kind and size, for panel titles: `rleaky(256, β=0.9, …)` → `rleaky(256)`.
    static func shortName(_ summary: String) -> String {
        guard let comma = summary.firstIndex(of: ",") else { return summary }
        return summary[..<comma] + (summary.contains("(") ? ")" : "")
    }

    /// (layer name, parameter, its value before training) for every parameter of every layer.
    private func pairs(_ model: Sequential) -> [(String, Parameter, [Float])] {
        model.layers.enumerated().flatMap { i, layer in
            layer.parameters.enumerated().map { k, p in ("\(i + 1) \(Self.shortName(layer.summary))", p, initial[i][k]) }
        }
    }
}
