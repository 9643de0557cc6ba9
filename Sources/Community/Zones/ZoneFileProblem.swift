/// One problem found in a zone file, printed as `file: field: message`.
package struct ZoneFileProblem: Equatable, Sendable, CustomStringConvertible {
    package let file: String
    /// Dotted path to the field, e.g. `communes[3].postcodes[0]`; `-` for the file as a whole.
    package let field: String
    package let message: String

    package init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    package var description: String { "\(file): \(field): \(message)" }
}
