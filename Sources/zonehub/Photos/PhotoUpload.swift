import Community
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import Photos

/// A photo form as sent (`multipart/form-data`): the file, the text that describes it, and where it goes.
struct PhotoUpload {
    /// The form's bytes at most: the photo's limit and room for its other fields and the multipart framing.
    static let bodyLimit = PhotoLimits().maxBytes + 64 * 1024

    let file: Data
    let alt: String
    let role: String?

    private struct Fields: Decodable {
        var photo: Data?
        var alt: String?
        var role: String?
    }

    /// Reads the form within `bodyLimit`: a larger one is refused with `photo_too_large` (answered with 413).
    static func read(_ request: Request) async throws -> PhotoUpload {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(of: type)
        else { throw BodyError(.invalidForm, "a photo is sent as multipart/form-data") }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: bodyLimit)
        } catch is NIOTooManyBytesError {
            throw PhotoProblem.photoTooLarge.refusal
        }
        let fields: Fields
        do {
            fields = try FormDataDecoder().decode(Fields.self, from: body, boundary: boundary)
        } catch {
            throw BodyError(.invalidForm, "the form could not be read")
        }
        return PhotoUpload(
            file: fields.photo ?? Data(), alt: fields.alt ?? "", role: fields.role)
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }
}
