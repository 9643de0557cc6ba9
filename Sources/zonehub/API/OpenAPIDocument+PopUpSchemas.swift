import Foundation

extension OpenAPIDocument {
    static var popUpSchemas: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(popUpSchemaText.utf8)) as? [String: Any]) ?? [:]
    }

    private static let popUpSchemaText = #"""
        {
          "PopUpVenueDetails": {
            "type": "object",
            "required": ["name", "address", "commune", "description", "capacity", "accessibility", "houseRules",
              "needsApproval", "cancellationHours", "quotaPeriod"],
            "properties": {
              "name": {"type": "string", "maxLength": 120},
              "address": {"type": "string", "maxLength": 200},
              "commune": {"type": "string", "maxLength": 80},
              "description": {"type": "string", "maxLength": 4000},
              "photoURL": {"type": ["string", "null"], "format": "uri"},
              "capacity": {"type": "integer", "minimum": 1, "maximum": 500},
              "accessibility": {"type": "string", "maxLength": 1000},
              "houseRules": {"type": "string", "maxLength": 4000},
              "needsApproval": {"type": "boolean"},
              "cancellationHours": {"type": "integer", "minimum": 0, "maximum": 2160},
              "quota": {"type": ["integer", "null"], "minimum": 1, "maximum": 1000},
              "quotaPeriod": {"type": "string", "enum": ["week", "month"]}
            }
          },
          "PopUpVenueRequest": {
            "type": "object",
            "required": ["name", "address", "commune", "capacity"],
            "properties": {
              "name": {"type": "string"}, "address": {"type": "string"}, "commune": {"type": "string"},
              "description": {"type": "string"}, "photoURL": {"type": "string"},
              "capacity": {"type": "integer", "minimum": 1, "maximum": 500},
              "accessibility": {"type": "string"}, "houseRules": {"type": "string"},
              "needsApproval": {"type": "boolean", "default": false},
              "cancellationHours": {"type": "integer", "default": 48},
              "quota": {"type": "integer"}, "quotaPeriod": {"type": "string", "enum": ["week", "month"]}
            }
          },
          "PopUpVenue": {
            "type": "object",
            "required": ["id", "zone", "details", "url", "calendar"],
            "properties": {
              "id": {"type": "integer"}, "zone": {"type": "string"},
              "details": {"$ref": "#/components/schemas/PopUpVenueDetails"},
              "url": {"type": "string", "format": "uri"},
              "calendar": {"type": "string", "format": "uri", "description": "iCalendar feed of the venue's slots"}
            }
          },
          "PopUpSlotRequest": {
            "type": "object",
            "required": ["start", "end"],
            "properties": {
              "start": {"type": "string", "description": "Local wall time in the zone, e.g. 2026-03-14T09:00"},
              "end": {"type": "string", "description": "Local wall time in the zone, e.g. 2026-03-14T18:00"},
              "capacity": {"type": ["integer", "null"], "description": "Default: the venue's number of stalls"},
              "priceCents": {"type": ["integer", "null"]},
              "opensAt": {"type": ["string", "null"], "format": "date-time"},
              "closesAt": {"type": ["string", "null"], "format": "date-time"}
            }
          },
          "PopUpSeriesRequest": {
            "type": "object",
            "required": ["weekdays", "startTime", "endTime", "firstDay", "lastDay"],
            "properties": {
              "weekdays": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 7},
                "description": "1 = Monday ... 7 = Sunday"},
              "startTime": {"type": "string", "description": "HH:MM local"},
              "endTime": {"type": "string", "description": "HH:MM local"},
              "firstDay": {"type": "string", "format": "date"}, "lastDay": {"type": "string", "format": "date"},
              "blackouts": {"type": "array", "items": {"type": "string", "format": "date"}},
              "capacity": {"type": ["integer", "null"]}, "priceCents": {"type": ["integer", "null"]}
            }
          },
          "PopUpSlot": {
            "type": "object",
            "required": ["id", "venue", "start", "end", "timeZone", "startsAt", "endsAt", "capacity", "free", "waiting",
              "status", "sequence", "url"],
            "properties": {
              "id": {"type": "integer"}, "venue": {"type": "integer"}, "series": {"type": ["integer", "null"]},
              "start": {"type": "string"}, "end": {"type": "string"}, "timeZone": {"type": "string"},
              "startsAt": {"type": "string", "format": "date-time"},
              "endsAt": {"type": "string", "format": "date-time"},
              "capacity": {"type": "integer"}, "free": {"type": "integer"}, "waiting": {"type": "integer"},
              "priceCents": {"type": ["integer", "null"]},
              "opensAt": {"type": ["string", "null"], "format": "date-time"},
              "closesAt": {"type": ["string", "null"], "format": "date-time"},
              "status": {"type": "string", "enum": ["open", "cancelled"]}, "sequence": {"type": "integer"},
              "url": {"type": "string", "format": "uri"}
            }
          },
          "PopUpBookingRequest": {
            "type": "object",
            "required": ["merchant"],
            "properties": {
              "merchant": {"type": "string", "description": "Slug of one of your merchant profiles"},
              "waitlist": {"type": "boolean", "default": true, "description": "Join the waitlist when the slot is full"}
            }
          },
          "PopUpBooking": {
            "type": "object",
            "required": ["id", "slot", "merchant", "status", "sequence"],
            "properties": {
              "id": {"type": "integer"}, "slot": {"type": "integer"}, "merchant": {"type": "string"},
              "status": {"type": "string",
                "enum": ["requested", "confirmed", "cancelled", "refused", "waiting", "offered", "lapsed"]},
              "reason": {"type": ["string", "null"]},
              "offerExpiresAt": {"type": ["string", "null"], "format": "date-time"},
              "post": {"type": ["integer", "null"], "description": "The event post announcing the booking"},
              "sequence": {"type": "integer"}
            }
          },
          "PopUpMerchantBookings": {
            "type": "object",
            "required": ["items", "calendar"],
            "properties": {
              "items": {"type": "array", "items": {"$ref": "#/components/schemas/PopUpBooking"}},
              "calendar": {"type": "string", "format": "uri", "description": "Private iCalendar feed (keep secret)"}
            }
          },
          "PopUpReasonRequest": {
            "type": "object",
            "properties": {"reason": {"type": ["string", "null"], "maxLength": 500}}
          },
          "PopUpOrganiserRequest": {
            "type": "object", "required": ["email"], "properties": {"email": {"type": "string", "format": "email"}}
          }
        }
        """#
}
