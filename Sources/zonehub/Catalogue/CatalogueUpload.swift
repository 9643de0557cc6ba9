import Catalogue
import Community
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The CSV file of a `multipart/form-data` import form, read within a limit of its own (a catalogue of 500
/// products with descriptions is larger than the forms' limit).
enum CatalogueUpload {
    /// The largest file read: 500 products of about 2 KB.
    static let limit = 1024 * 1024

    /// The bytes of the form's `file` field; an empty or missing file is refused in `file`.
    static func file(_ request: Request) async throws -> Data {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(type)
        else { throw CatalogueField.file.invalid("send the file as multipart/form-data") }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw CatalogueField.file.invalid("is larger than 1 MB")
        }
        var parts: [(name: String?, body: ByteBuffer)] = []
        var headers = HTTPHeaders()
        var part = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in part.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((MultipartPart(headers: headers, body: part).name, part))
            headers = HTTPHeaders()
            part = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw CatalogueField.file.invalid("the form could not be read")
        }
        guard let file = parts.first(where: { $0.name == "file" }), file.body.readableBytes > 0 else {
            throw CatalogueField.file.invalid("choose a CSV file")
        }
        return Data(buffer: file.body)
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(["\""]))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }
}
