import Storage

extension OpenAPIDocument {
    /// Search over merchants and live posts.
    static let directory = #"""
        {
          "paths": {
            "/zones/{slug}/markets": {
              "post": {
                "summary": "Create a seasonal market in the zone (its admins only)",
                "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MarketDraft" } } } },
                "responses": {
                  "201": { "description": "The market", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Market" } } } },
                  "400": { "$ref": "#/components/responses/Error" },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "409": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/markets/{slug}": {
              "get": {
                "summary": "A market, with its approved applications (every application for the zone's admins)",
                "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": {
                  "200": { "description": "The market", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Market" } } } },
                  "404": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/markets/{slug}/applications": {
              "post": {
                "summary": "Apply to a market with a selection of the merchant's live offers, while applications are open",
                "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": {
                    "type": "object", "required": ["merchant", "posts"],
                    "properties": { "merchant": { "type": "string" }, "posts": { "type": "array", "items": { "type": "integer" }, "minItems": 1, "maxItems": 20 } }
                  } } }
                },
                "responses": {
                  "201": { "description": "The application", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MarketApplication" } } } },
                  "400": { "$ref": "#/components/responses/Error" },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "404": { "$ref": "#/components/responses/Error" },
                  "409": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/markets/{slug}/applications/{id}/decision": {
              "post": {
                "summary": "Approve or reject a pending application (the zone's admins only)",
                "parameters": [
                  { "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }
                ],
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": {
                    "type": "object", "required": ["decision"], "properties": { "decision": { "type": "string", "enum": ["approve", "reject"] } }
                  } } }
                },
                "responses": {
                  "200": { "description": "The decided application", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MarketApplication" } } } },
                  "400": { "$ref": "#/components/responses/Error" },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "404": { "$ref": "#/components/responses/Error" },
                  "409": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/merchants/{slug}/confirm": {
              "post": {
                "summary": "Confirm that a listing is up to date (its merchant only)",
                "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": {
                  "200": {
                    "description": "The listing, with its new confirmation date",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Merchant" } } }
                  },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "404": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/search": {
              "get": {
                "summary": "Search merchants and live posts (accents and case ignored, every word as a prefix), best match first, then newest",
                "parameters": [
                  { "name": "q", "in": "query", "required": true, "description": "words to look for", "schema": { "type": "string", "maxLength": 200 } },
                  { "name": "zone", "in": "query", "required": false, "description": "a zone's slug", "schema": { "type": "string" } },
                  { "name": "commune", "in": "query", "required": false, "description": "a commune's name, any spelling", "schema": { "type": "string" } },
                  { "name": "category", "in": "query", "required": false, "schema": { "type": "string" } },
                  { "name": "kind", "in": "query", "required": false, "schema": { "type": "string", "enum": ["merchant", "offer", "news", "event"] } },
                  { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 50, "default": 20 } },
                  { "name": "offset", "in": "query", "required": false, "description": "the `next` of the previous page", "schema": { "type": "integer", "minimum": 0, "maximum": 199 } }
                ],
                "responses": {
                  "200": {
                    "description": "Ranked results",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SearchResults" } } }
                  },
                  "400": { "$ref": "#/components/responses/Error" },
                  "404": { "$ref": "#/components/responses/Error" }
                }
              }
            }
          },
          "schemas": {
            "MarketDraft": {
              "type": "object",
              "required": ["title", "description", "startsAt", "endsAt", "applicationsOpenAt", "applicationsCloseAt"],
              "properties": {
                "title": { "type": "string", "maxLength": 120 },
                "description": { "type": "string", "maxLength": 4000 },
                "startsAt": { "type": "string", "format": "date-time" },
                "endsAt": { "type": "string", "format": "date-time" },
                "applicationsOpenAt": { "type": "string", "format": "date-time" },
                "applicationsCloseAt": { "type": "string", "format": "date-time" }
              }
            },
            "Market": {
              "type": "object",
              "required": ["slug", "title", "description", "startsAt", "endsAt", "applicationsOpenAt", "applicationsCloseAt", "url", "applications"],
              "properties": {
                "slug": { "type": "string" }, "title": { "type": "string" }, "description": { "type": "string" },
                "startsAt": { "type": "string", "format": "date-time" }, "endsAt": { "type": "string", "format": "date-time" },
                "applicationsOpenAt": { "type": "string", "format": "date-time" },
                "applicationsCloseAt": { "type": "string", "format": "date-time" },
                "url": { "type": "string", "format": "uri" },
                "applications": { "type": "array", "items": { "$ref": "#/components/schemas/MarketApplication" } }
              }
            },
            "MarketApplication": {
              "type": "object",
              "required": ["id", "merchant", "status", "posts"],
              "properties": {
                "id": { "type": "integer" }, "merchant": { "type": "string" },
                "status": { "type": "string", "enum": ["pending", "approved", "rejected"] },
                "posts": { "type": "array", "items": { "type": "integer" } }
              }
            },
            "SearchResults": {
              "type": "object",
              "required": ["items", "terms"],
              "properties": {
                "items": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["type"],
                    "properties": {
                      "type": { "type": "string", "enum": ["merchant", "post"] },
                      "merchant": { "$ref": "#/components/schemas/Merchant" },
                      "post": { "$ref": "#/components/schemas/Post" }
                    }
                  }
                },
                "terms": { "type": "array", "items": { "type": "string" }, "description": "the words searched, folded" },
                "next": { "type": ["string", "null"] }
              }
            }
          }
        }
        """#
}
