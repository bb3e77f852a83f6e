/// The parts of a path that output names are made from.
package enum PathName {
    /// The last component: `/a/b.wav` → `b.wav`, `b.wav` → `b.wav`, `/a/dir/` → `dir`.
    package static func base(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The last component without its extension: `/a/b.wav` → `b`, `a.b.c` → `a.b`; a leading dot
    /// is not an extension (`.wav` → `.wav`).
    package static func stem(_ path: String) -> String {
        let name = base(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
