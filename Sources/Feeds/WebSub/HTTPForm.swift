import CCurl
import Community
import Foundation

/// Posts an `application/x-www-form-urlencoded` body with libcurl. Blocking: call it off Swift's cooperative threads.
package enum HTTPForm {
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Sends `fields` to `url` and returns the HTTP status; fails on connection errors and time-outs.
    package static func post(_ fields: [(String, String)], to url: String, timeout seconds: Int = 5) throws(Failure)
        -> Int
    {
        guard initialised, let handle = curl_easy_init() else { throw Failure(description: "libcurl is unavailable") }
        defer { curl_easy_cleanup(handle) }
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        _ = zonehub_curl_set_string(handle, CURLOPT_URL, url)
        _ = zonehub_curl_set_string(handle, CURLOPT_COPYPOSTFIELDS, body)
        _ = zonehub_curl_set_long(handle, CURLOPT_TIMEOUT, seconds)
        _ = zonehub_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, seconds)
        _ = zonehub_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = zonehub_curl_set_string(handle, CURLOPT_USERAGENT, "zonehub")
        _ = zonehub_curl_discard_body(handle)
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { throw Failure(description: String(cString: curl_easy_strerror(code))) }
        var status = 0
        _ = zonehub_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
