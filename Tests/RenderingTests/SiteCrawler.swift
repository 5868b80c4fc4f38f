import Foundation

/// Crawls a published site the way a browser resolves it from `file://`: every `href` and `src` of every
/// `.html` file, with the element it sits on.
///
/// Rules it checks (`problems(in:)`):
/// - every page is reachable from `index.html` by following links;
/// - a relative target (after `#fragment` and `?query` are cut and entities/percent-escapes decoded) is a
///   file inside the site; a `#fragment` names an `id` in the target page;
/// - nothing is loaded from elsewhere: `src` and `<link href>` are always relative (no scheme, no `//`,
///   no leading `/`);
/// - outbound `<a href="https://…">` links appear only in the copied report pages (`<name>/index.html`,
///   where the author's prose may cite a source), never in the pages the site generates.
struct SiteCrawler {
    struct Reference: Equatable {
        var page: String
        var element: String
        var attribute: String
        var value: String
    }

    let root: URL

    /// Site-relative paths of every `.html` file, sorted.
    var pages: [String] {
        let all = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".html") }.sorted()
    }

    func html(_ page: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)) ?? ""
    }

    /// Every `href`/`src` attribute in `page`, in document order.
    func references(in page: String) -> [Reference] {
        let text = html(page)
        var out: [Reference] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            guard let first = tag.first, first.isLetter else { continue }
            let element = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            for attribute in ["href", "src"] {
                var search = tag[...]
                while let r = search.range(of: " \(attribute)=\"") {
                    let valueStart = r.upperBound
                    guard let end = search[valueStart...].firstIndex(of: "\"") else { break }
                    out.append(Reference(page: page, element: element, attribute: attribute, value: String(search[valueStart..<end])))
                    search = search[end...]
                }
            }
        }
        return out
    }

    /// `id="…"` values in `page`.
    func ids(in page: String) -> Set<String> {
        var out = Set<String>()
        var rest = html(page)[...]
        while let r = rest.range(of: " id=\"") {
            guard let end = rest[r.upperBound...].firstIndex(of: "\"") else { break }
            out.insert(decode(String(rest[r.upperBound..<end])))
            rest = rest[end...]
        }
        return out
    }

    /// Everything wrong with the site, one line each; empty when every rule holds.
    func problems() -> [String] {
        var problems: [String] = []
        let allPages = pages
        guard allPages.contains("index.html") else { return ["no index.html"] }
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for ref in references(in: page) {
                let value = decode(ref.value)
                let isAbsolute = value.contains("://") || value.hasPrefix("//") || value.hasPrefix("/")
                    || value.lowercased().hasPrefix("javascript:") || value.lowercased().hasPrefix("data:")
                if isAbsolute {
                    let reportPage = page.split(separator: "/").count == 2 && page.hasSuffix("/index.html")
                    let outboundLink = ref.element == "a" && ref.attribute == "href"
                        && (value.hasPrefix("https://") || value.hasPrefix("http://"))
                    if !(outboundLink && reportPage) {
                        problems.append("\(page): <\(ref.element) \(ref.attribute)=\"\(ref.value)\"> is not relative")
                    }
                    continue
                }
                let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let pathPart = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let fragment = parts.count > 1 ? parts[1] : nil
                let target: String
                if pathPart.isEmpty {
                    target = page
                } else {
                    let base = root.appendingPathComponent(page).deletingLastPathComponent()
                    let resolved = base.appendingPathComponent(pathPart.removingPercentEncoding ?? pathPart).standardizedFileURL.path
                    let rootPath = root.standardizedFileURL.path + "/"
                    guard resolved.hasPrefix(rootPath) else {
                        problems.append("\(page): \(ref.value) points outside the site"); continue
                    }
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
                        problems.append("\(page): <\(ref.element) \(ref.attribute)=\"\(ref.value)\"> → missing \(resolved.dropFirst(rootPath.count))")
                        continue
                    }
                    target = String(resolved.dropFirst(rootPath.count))
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !ids(in: target).contains(fragment) {
                    problems.append("\(page): \(ref.value) → no id \"\(fragment)\" in \(target)")
                }
                if target.hasSuffix(".html"), reached.insert(target).inserted { queue.append(target) }
            }
        }
        for page in allPages where !reached.contains(page) { problems.append("\(page): not reachable from index.html") }
        return problems
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` decoded.
    private func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
