import ArgumentParser

/// `zonehub config`: the configuration file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "The configuration file.", subcommands: [Example.self])

    /// `zonehub config example`: the commented example, every setting with its meaning and default.
    struct Example: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "example",
            abstract: "Print a configuration file listing every setting, its meaning and its default.",
            discussion: "Every setting is commented out; with --packaged, those of a packaged server are set (data "
                + "under /var/lib/zonehub, zone files under /etc/zonehub/zones): the Debian package installs it as "
                + "/etc/zonehub/zonehub.toml, and docs/zonehub.example.toml is a copy.")

        @Flag(help: "Set the settings of a packaged server.") var packaged = false

        func run() async throws {
            print(SettingsFile.example(packaged: packaged), terminator: "")
        }
    }
}

/// `zonehub version`: the same line as `zonehub --version`.
struct VersionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the version of zonehub and of the database schema it migrates to.")

    func run() async throws {
        print(Version.line)
    }
}
