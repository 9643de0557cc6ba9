import Foundation

/// `zonehub check`'s first lines: the configuration file (found or not, which one, each problem) and the settings.
extension CheckCommand {
    /// The configuration file's line and the settings. A refused file prints a `FAIL` line for each of its problems
    /// and stops `check`, as a refused setting does: nothing else can be checked without settings.
    static func settings(
        _ options: DatabaseOption, zones: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (Check, Settings) {
        let file: SettingsFile?
        do {
            file = try SettingsFile.find(flag: options.config, environment: environment)
        } catch {
            for line in error.lines { print(Check.fail("configuration file", line).line) }
            throw CLIError("the configuration file \(error.path) is refused")
        }
        // A refused value stops `check` as it stops every command: `error: <message>`, naming the file and the line
        // when the value came from the file.
        let settings = try Settings(database: options.path, zones: zones, environment: environment, file: file)
        return (configurationFile(file, environment: environment), settings)
    }

    /// Which file was read and what it sets; a warning when it holds a secret that anyone on the machine may read.
    static func configurationFile(_ file: SettingsFile?, environment: [String: String]) -> Check {
        guard let file else {
            return .pass(
                "configuration file",
                "none (no --config, \(SettingsFile.pathVariable) not set, no \(SettingsFile.standardPath)): "
                    + "settings from the environment and the defaults")
        }
        let keys = file.entries.values.map(\.key).sorted()
        let overridden = file.entries.keys.filter { file.effective($0, environment: environment) == nil }.sorted()
        var detail = "\(file.path) (\(file.origin.text)): \(keys.count) setting(s)"
        if !keys.isEmpty { detail += " (\(keys.joined(separator: ", ")))" }
        if !overridden.isEmpty { detail += "; the environment overrides \(overridden.joined(separator: ", "))" }
        if file.readableByEveryone, !file.secrets.isEmpty {
            return .warn(
                "configuration file",
                "\(detail); it holds \(file.secrets.joined(separator: ", ")) and anyone on this machine can read it: "
                    + "`chmod o-r \(file.path)` (e.g. owner root, group zonehub, mode 640)")
        }
        return .pass("configuration file", detail)
    }
}
