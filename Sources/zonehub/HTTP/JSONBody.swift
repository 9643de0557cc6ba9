import Community
import Foundation
import Hummingbird
import NIOCore
import Storage

/// Reading and writing JSON bodies with one configuration (ISO 8601 dates, sorted keys).
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: HubRequestContext) async throws
        -> T
    {
        let data = Data(buffer: try await readBody(of: request, context: context))
        guard String(data: data, encoding: .utf8) != nil else {
            throw BodyError(.invalidUTF8, "the body is not valid UTF-8")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw BodyError(decoding: error)
        }
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding our own response types cannot fail: they hold only strings, numbers, dates and arrays.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The whole body, refused with 413 past the context's limit.
func readBody(of request: Request, context: HubRequestContext) async throws -> ByteBuffer {
    var request = request
    do {
        return try await request.collectBody(upTo: context.maxUploadSize)
    } catch is NIOTooManyBytesError {
        throw HTTPError(.contentTooLarge)
    }
}

/// Why a request body could not be read.
enum BodyProblem: String, ProblemCode, CaseIterable {
    case missingField = "missing_field"
    case invalidField = "invalid_field"
    case invalidJSON = "invalid_json"
    case invalidUTF8 = "invalid_utf8"
    case invalidForm = "invalid_form"

    var category: ErrorCategory { .invalidInput }

    var french: String {
        switch self {
        case .missingField: "Un champ obligatoire manque."
        case .invalidField: "Un champ n'a pas la forme attendue."
        case .invalidJSON: "La requête n'est pas du JSON valide."
        case .invalidUTF8: "Le texte envoyé n'est pas en UTF-8."
        case .invalidForm: "Le formulaire n'est pas correctement encodé."
        }
    }
}

/// A request body that could not be read, with the field at fault.
struct BodyError: CategorizedError {
    let problem: BodyProblem
    let message: String

    var category: ErrorCategory { problem.category }
    var code: String { problem.code }
    var frenchMessage: String { problem.french }

    init(_ problem: BodyProblem, _ message: String) {
        self.problem = problem
        self.message = message
    }

    init(decoding error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = context.codingPath.isEmpty ? key.stringValue : "\(path(context)).\(key.stringValue)"
            self.init(.missingField, "\(field): is required")
        case .typeMismatch(let type, let context):
            self.init(.invalidField, "\(path(context)): expected \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            self.init(.invalidField, "\(path(context)): expected \(Self.name(of: type)), got null")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(.invalidJSON, "the body is not valid JSON")
        case .dataCorrupted(let context):
            self.init(.invalidField, "\(path(context)): \(context.debugDescription)")
        @unknown default:
            self.init(.invalidJSON, "the body could not be read")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Date.Type: "an ISO 8601 date"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
