/// `directory/name`, without doubling a slash that ends `directory` (`"/a/" + "b"` → `"/a/b"`).
public func joinPath(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
}
