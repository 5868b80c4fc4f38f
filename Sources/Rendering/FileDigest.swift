/// A data or input file with its SHA-256, as the report pages list them.
struct FileDigest {
    var path: String
    var digest: String
}
