import Foundation
import Yams

/// Reads a report template: optional YAML front matter between `---` lines at the very top, then
/// Markdown prose and fenced experiment blocks (```` ```{experiment #id} ```` … ```` ``` ````, backticks
/// or tildes, 3 or more, closed by a fence of the same character at least as long).
///
/// Every front-matter key, profile, block and block key gets its `file:line:column`; every problem
/// is a `TemplateError` at the place it was found. Other code fences are prose and are not scanned
/// for blocks or inline references.
public enum TemplateParser {
    /// Reads and parses the template at `path`; its name is the file name without `.md`.
    public static func parse(path: String) throws(TemplateError) -> Template {
        let url = URL(fileURLWithPath: path)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TemplateError(start, "cannot read the template: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(start, "the template is not UTF-8 text")
        }
        return try parse(text: text, name: url.deletingPathExtension().lastPathComponent, path: path)
    }

    /// Parses template text; `path` is used in locations, `name` becomes the report folder's name.
    public static func parse(text: String, name: String, path: String) throws(TemplateError) -> Template {
        let lines = SourceLine.split(text)
        var template = Template(name: name, path: path, text: text, title: name, segments: [])
        var bodyStart = 0
        if let (section, closeIndex) = try frontMatter(lines, path: path) {
            try readFrontMatter(section, into: &template)
            bodyStart = closeIndex + 1
        }
        template.segments = try BodyParser(file: path).segments(Array(lines[bodyStart...]))
        return template
    }

    /// The front matter's YAML and the index of its closing line, when the first line is `---`;
    /// it ends at the next `---` or `...` line.
    private static func frontMatter(_ lines: [SourceLine], path: String) throws(TemplateError) -> (YAMLSection, Int)? {
        guard let first = lines.first, first.text.trimmingTrailingBlanks == "---" else { return nil }
        guard let close = lines.indices.dropFirst().first(where: {
            let t = lines[$0].text.trimmingTrailingBlanks
            return t == "---" || t == "..."
        }) else {
            throw TemplateError(SourceLocation(file: path, line: 1, column: 1),
                                "the front matter opened by '---' on line 1 is never closed: "
                                + "add a line '---' after the settings")
        }
        let body = lines[1..<close]
        let section = YAMLSection(text: body.map(\.text).joined(separator: "\n"), file: path, firstLine: 2,
                                  indentation: Array(repeating: 0, count: body.count), what: "the front matter")
        return (section, close)
    }

    private static func readFrontMatter(_ section: YAMLSection, into template: inout Template) throws(TemplateError) {
        guard let root = try section.compose() else { return }
        guard case .mapping(let mapping) = root else {
            throw TemplateError(section.location(root.mark),
                                "the front matter must be a mapping of settings ('key: value' lines), found \(root.kindName)")
        }
        for (key, value, location) in try section.entries(of: mapping) {
            switch key {
            case "title":
                guard case .scalar(let s) = value else {
                    throw TemplateError(location, "'title' must be text, found \(value.kindName)")
                }
                template.title = s.string
            case "profiles":
                try readProfiles(value, at: location, section, into: &template)
            default:
                template.settings[key] = ConfigValue(node: value)
                template.settingLocations[key] = location
                template.settingItemLocations[key] = section.itemLocations(of: value)
            }
        }
    }

    private static func readProfiles(_ node: Node, at location: SourceLocation, _ section: YAMLSection,
                                     into template: inout Template) throws(TemplateError) {
        if case .null = ConfigValue(node: node) { return }
        guard case .mapping(let profiles) = node else {
            throw TemplateError(location, "'profiles' must map profile names to settings, "
                                + "as in 'profiles: { quick: { num_steps: 50 } }', found \(node.kindName)")
        }
        for (name, value, profileLocation) in try section.entries(of: profiles) {
            template.profileLocations[name] = profileLocation
            template.profiles[name] = [:]
            template.profileKeyLocations[name] = [:]
            if case .null = ConfigValue(node: value) { continue }
            guard case .mapping(let settings) = value else {
                throw TemplateError(profileLocation, "profile '\(name)' must be a mapping of settings, "
                                    + "as in '\(name): { num_steps: 50 }', found \(value.kindName)")
            }
            for (key, v, keyLocation) in try section.entries(of: settings) {
                template.profiles[name]![key] = ConfigValue(node: v)
                template.profileKeyLocations[name]![key] = keyLocation
            }
        }
    }
}
