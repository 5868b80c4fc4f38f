/// The tool's version, recorded in every run record and part of every cache key.
public enum ToolVersion {
    public static let current = "0.1.0"
}
