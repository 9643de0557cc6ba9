extension OpenAPIDocument {
    /// Search over merchants and live posts.
    static let directory = #"""
        {
          "paths": {
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
