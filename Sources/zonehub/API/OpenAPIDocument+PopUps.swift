import Foundation

extension OpenAPIDocument {
    /// The pop-up shop operations and schemas, as a fragment merged into the served document.
    static var popUps: [String: Any] { ["paths": popUpPaths, "schemas": popUpSchemas] }

    /// One operation: path parameters from the template, a JSON body when given, and the usual error answers.
    static func operation(
        _ path: String, _ summary: String, body: String? = nil, answer: String, status: String = "200",
        list: Bool = false, signedIn: Bool = true
    ) -> [String: Any] {
        let schema: [String: Any] =
            list
            ? [
                "type": "object", "required": ["items"],
                "properties": [
                    "items": ["type": "array", "items": ref(answer)], "next": ["type": ["string", "null"]],
                ],
            ]
            : ref(answer)
        var operation: [String: Any] = [
            "summary": summary,
            "responses": [
                status: ["description": summary, "content": ["application/json": ["schema": schema]]],
                "400": ["$ref": "#/components/responses/Error"], "401": ["$ref": "#/components/responses/Error"],
                "403": ["$ref": "#/components/responses/Error"], "404": ["$ref": "#/components/responses/Error"],
                "409": ["$ref": "#/components/responses/Error"],
            ],
        ]
        let names = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
        if !names.isEmpty {
            operation["parameters"] = names.map {
                ["name": $0, "in": "path", "required": true, "schema": ["type": $0 == "id" ? "integer" : "string"]]
            }
        }
        if let body {
            operation["requestBody"] = [
                "required": body != "PopUpReasonRequest", "content": ["application/json": ["schema": ref(body)]],
            ]
        }
        if signedIn { operation["security"] = [["bearer": [String]()]] }
        return operation
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static var popUpPaths: [String: [String: Any]] {
        let entries: [(String, String, [String: Any])] = [
            (
                "get", "/zones/{slug}/pop-up-venues",
                operation(
                    "/zones/{slug}/pop-up-venues", "List a zone's pop-up venues", answer: "PopUpVenue", list: true,
                    signedIn: false)
            ),
            (
                "post", "/zones/{slug}/pop-up-venues",
                operation(
                    "/zones/{slug}/pop-up-venues", "Create a venue (organisers)", body: "PopUpVenueRequest",
                    answer: "PopUpVenue", status: "201")
            ),
            (
                "post", "/zones/{slug}/pop-up-organisers",
                operation(
                    "/zones/{slug}/pop-up-organisers", "Make an account a pop-up organiser of the zone (zone admins)",
                    body: "PopUpOrganiserRequest", answer: "User", status: "201")
            ),
            (
                "get", "/pop-up-venues/{id}",
                operation("/pop-up-venues/{id}", "A venue", answer: "PopUpVenue", signedIn: false)
            ),
            (
                "put", "/pop-up-venues/{id}",
                operation(
                    "/pop-up-venues/{id}", "Edit a venue (organisers)", body: "PopUpVenueRequest", answer: "PopUpVenue")
            ),
            (
                "get", "/pop-up-venues/{id}/slots",
                operation(
                    "/pop-up-venues/{id}/slots", "A venue's coming slots", answer: "PopUpSlot", list: true,
                    signedIn: false)
            ),
            (
                "post", "/pop-up-venues/{id}/slots",
                operation(
                    "/pop-up-venues/{id}/slots", "Add a slot (organisers)", body: "PopUpSlotRequest",
                    answer: "PopUpSlot", status: "201")
            ),
            (
                "post", "/pop-up-venues/{id}/series",
                operation(
                    "/pop-up-venues/{id}/series", "Add a weekly series of slots (organisers)",
                    body: "PopUpSeriesRequest", answer: "PopUpSlot", status: "201", list: true)
            ),
            (
                "put", "/pop-up-series/{id}",
                operation(
                    "/pop-up-series/{id}", "Change a series' coming slots; merchants are told",
                    body: "PopUpSeriesRequest", answer: "PopUpSlot", list: true)
            ),
            (
                "post", "/pop-up-series/{id}/cancel",
                operation(
                    "/pop-up-series/{id}/cancel", "Cancel a series' coming slots; merchants are told",
                    body: "PopUpReasonRequest", answer: "PopUpSlot", list: true)
            ),
            (
                "get", "/pop-up-slots/{id}",
                operation("/pop-up-slots/{id}", "A slot with its free places", answer: "PopUpSlot", signedIn: false)
            ),
            (
                "put", "/pop-up-slots/{id}",
                operation(
                    "/pop-up-slots/{id}", "Change a slot; merchants are told", body: "PopUpSlotRequest",
                    answer: "PopUpSlot")
            ),
            (
                "post", "/pop-up-slots/{id}/cancel",
                operation(
                    "/pop-up-slots/{id}/cancel", "Cancel a slot and its bookings", body: "PopUpReasonRequest",
                    answer: "PopUpSlot")
            ),
            (
                "get", "/pop-up-slots/{id}/bookings",
                operation(
                    "/pop-up-slots/{id}/bookings", "A slot's bookings and waitlist (organisers)",
                    answer: "PopUpBooking", list: true)
            ),
            (
                "post", "/pop-up-slots/{id}/bookings",
                operation(
                    "/pop-up-slots/{id}/bookings",
                    "Book a place, or join the waitlist when full "
                        + "(409 slot_full, booking_overlaps, quota_reached, already_booked)",
                    body: "PopUpBookingRequest", answer: "PopUpBooking", status: "201")
            ),
            (
                "get", "/pop-up-bookings/{id}",
                operation("/pop-up-bookings/{id}", "A booking (its merchant or organisers)", answer: "PopUpBooking")
            ),
            (
                "post", "/pop-up-bookings/{id}/approve",
                operation(
                    "/pop-up-bookings/{id}/approve", "Confirm a requested booking (organisers)", answer: "PopUpBooking")
            ),
            (
                "post", "/pop-up-bookings/{id}/refuse",
                operation(
                    "/pop-up-bookings/{id}/refuse", "Refuse a booking with a reason (organisers)",
                    body: "PopUpReasonRequest", answer: "PopUpBooking")
            ),
            (
                "post", "/pop-up-bookings/{id}/cancel",
                operation(
                    "/pop-up-bookings/{id}/cancel", "Cancel a booking or leave the waitlist",
                    body: "PopUpReasonRequest", answer: "PopUpBooking")
            ),
            (
                "post", "/pop-up-bookings/{id}/accept",
                operation(
                    "/pop-up-bookings/{id}/accept", "Accept a place offered from the waitlist", answer: "PopUpBooking")
            ),
            (
                "get", "/merchants/{slug}/pop-up-bookings",
                operation(
                    "/merchants/{slug}/pop-up-bookings",
                    "A merchant's coming bookings and private calendar address (its owner)",
                    answer: "PopUpMerchantBookings")
            ),
        ]
        var paths: [String: [String: Any]] = [:]
        for (method, path, operation) in entries { paths[path, default: [:]][method] = operation }
        return paths
    }
}
