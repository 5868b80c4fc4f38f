extension Duration {
    /// The duration in seconds (`ContinuousClock` intervals as timings).
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
