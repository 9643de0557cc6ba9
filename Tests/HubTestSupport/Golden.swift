import Foundation

/// Golden files: what a test produced, compared with the copy recorded in its target's `Golden/` folder. Run the
/// tests with `ZONEHUB_RECORD_GOLDEN=1` to record them again (and review the change like any other).
package enum Golden {
    /// The recorded text of `name` (in `Tests/<target>/Golden/`, the target of the test file `file`), after
    /// writing `text` there when recording; the caller expects the two to be equal.
    package static func recorded(_ text: String, as name: String, file: String = #filePath) throws -> String {
        let url = folder(of: file).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ZONEHUB_RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// `Tests/<target>/Golden` for a file anywhere under `Tests/<target>/`.
    static func folder(of file: String) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.deletingLastPathComponent().lastPathComponent != "Tests", url.pathComponents.count > 1 {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("Golden")
    }
}
