import CCurl
import Community
import Foundation

/// How to reach the SMTP server.
package struct SMTPSettings: Sendable {
    /// `smtp://host:port` (STARTTLS when `requireTLS`) or `smtps://host:port` (TLS from the start).
    package var url: String
    /// The name this host gives in EHLO.
    package var heloName: String
    package var username: String?
    package var password: String?
    /// Refuse to send unless the connection is encrypted (STARTTLS on smtp://).
    package var requireTLS: Bool
    /// Certificate authorities to trust instead of the system's (a private relay's own CA).
    package var caFile: String?
    package var timeoutSeconds: Int

    package init(
        url: String, heloName: String, username: String? = nil, password: String? = nil, requireTLS: Bool = false,
        caFile: String? = nil, timeoutSeconds: Int = 30
    ) {
        self.url = url
        self.heloName = heloName
        self.username = username
        self.password = password
        self.requireTLS = requireTLS
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }
}

/// SMTP through libcurl. Each connection keeps one easy handle, so libcurl reuses one server connection for many
/// messages; its calls block, so senders run them off Swift's cooperative threads.
package struct SMTPTransport: MailTransport {
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    let settings: SMTPSettings

    package init(settings: SMTPSettings) { self.settings = settings }

    package var destination: String { settings.url }

    package func connect() -> any MailConnection {
        _ = Self.initialised
        return SMTPConnection(settings: settings)
    }

    /// Connects as a delivery would (greeting, EHLO, STARTTLS, login) and sends NOOP; nil when the server
    /// answered, else why not. Blocks for at most the configured timeout.
    package func probe() -> String? {
        _ = Self.initialised
        return SMTPConnection(settings: settings).noop()
    }
}

final class SMTPConnection: MailConnection {
    private let handle: UnsafeMutableRawPointer?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let settings: SMTPSettings

    init(settings: SMTPSettings) {
        self.settings = settings
        handle = curl_easy_init()
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        guard let handle else { return }
        // libcurl takes the URL's path as the EHLO name.
        let base = settings.url.hasSuffix("/") ? String(settings.url.dropLast()) : settings.url
        _ = zonehub_curl_set_string(handle, CURLOPT_URL, "\(base)/\(settings.heloName)")
        _ = zonehub_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, settings.timeoutSeconds)
        _ = zonehub_curl_set_long(handle, CURLOPT_TIMEOUT, settings.timeoutSeconds * 4)
        _ = zonehub_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = zonehub_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        if settings.requireTLS { _ = zonehub_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        if let caFile = settings.caFile { _ = zonehub_curl_set_string(handle, CURLOPT_CAINFO, caFile) }
        if let username = settings.username { _ = zonehub_curl_set_string(handle, CURLOPT_USERNAME, username) }
        if let password = settings.password { _ = zonehub_curl_set_string(handle, CURLOPT_PASSWORD, password) }
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        errorBuffer.deallocate()
    }

    /// NOOP, with no message: libcurl runs a custom command when there is no recipient and nothing to upload.
    func noop() -> String? {
        guard let handle else { return "libcurl is unavailable" }
        _ = zonehub_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, "NOOP")
        _ = zonehub_curl_discard_body(handle)
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        guard code != CURLE_OK else { return nil }
        var reply = 0
        _ = zonehub_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        return reply > 0 ? "\(reply) \(detail)" : detail
    }

    func send(_ message: [UInt8], from envelopeSender: String, to recipient: String) -> DeliveryOutcome {
        guard let handle else { return .temporaryFailure("libcurl is unavailable") }
        guard let recipients = curl_slist_append(nil, "<\(recipient)>") else {
            return .temporaryFailure("out of memory")
        }
        defer { curl_slist_free_all(recipients) }
        _ = zonehub_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(envelopeSender)>")
        _ = zonehub_curl_set_pointer(handle, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients))
        errorBuffer[0] = 0
        guard !message.isEmpty else { return .permanentFailure("empty message") }
        let code: CURLcode = message.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { data in
                var upload = zonehub_upload(data: data, length: bytes.count, offset: 0)
                _ = zonehub_curl_upload(handle, &upload)
                return curl_easy_perform(handle)
            }
        }
        // The handle must not keep pointers to what is freed when this returns.
        _ = zonehub_curl_set_pointer(handle, CURLOPT_MAIL_RCPT, nil)
        if code == CURLE_OK { return .sent }
        var reply = 0
        _ = zonehub_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        let description = reply > 0 ? "\(reply) \(detail)" : detail
        switch reply {
        case 500...599: return .permanentFailure(description)
        case 400...499: return .temporaryFailure(description)
        default: return .unreachable(description)
        }
    }
}
