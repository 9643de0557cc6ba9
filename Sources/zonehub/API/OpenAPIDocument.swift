/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`; a test keeps it in step with the routes.
enum OpenAPIDocument {
    static let core = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "zonehub API",
            "version": "1.0.0",
            "description": "Zones, postcode lookup, merchants and posts of a zonehub. Errors are always {\"error\": code, \"message\": text}."
          },
          "servers": [
            {
              "url": "/api/v1"
            }
          ],
          "paths": {
            "/zones": {
              "get": {
                "summary": "List the active zones",
                "responses": {
                  "200": {
                    "description": "The zones",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/Zone"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            },
            "/zones/{slug}": {
              "get": {
                "summary": "One zone",
                "responses": {
                  "200": {
                    "description": "The zone",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Zone"
                        }
                      }
                    }
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ]
              }
            },
            "/communes": {
              "get": {
                "summary": "Find communes by postcode or name (accents and case ignored)",
                "responses": {
                  "200": {
                    "description": "Matching communes",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/Commune"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "description": "postcode, its beginning, or part of a commune name",
                    "schema": {
                      "type": "string"
                    }
                  }
                ]
              }
            },
            "/merchants": {
              "get": {
                "summary": "List merchants",
                "responses": {
                  "200": {
                    "description": "Merchants",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/Merchant"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "zone",
                    "in": "query",
                    "required": false,
                    "description": "zone slug",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "category",
                    "in": "query",
                    "required": false,
                    "description": "category slug",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "alimentation",
                        "artisanat-d-art",
                        "maison-deco",
                        "mode",
                        "beaute-bien-etre",
                        "jouets",
                        "livres",
                        "restauration",
                        "services",
                        "therapeutes",
                        "sport-loisirs",
                        "jardin"
                      ]
                    }
                  }
                ]
              },
              "post": {
                "summary": "Create a merchant profile owned by the caller",
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Merchant"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/MerchantProfile"
                      }
                    }
                  }
                },
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/merchants/{slug}": {
              "get": {
                "summary": "One merchant",
                "responses": {
                  "200": {
                    "description": "The merchant",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Merchant"
                        }
                      }
                    }
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ]
              },
              "put": {
                "summary": "Replace a merchant profile (owner or operator)",
                "responses": {
                  "200": {
                    "description": "Updated",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Merchant"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/MerchantProfile"
                      }
                    }
                  }
                },
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/posts": {
              "get": {
                "summary": "List posts, newest first: published and still valid, or (zone admins) a zone's posts in another status",
                "responses": {
                  "200": {
                    "description": "Posts",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/Post"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "zone",
                    "in": "query",
                    "required": false,
                    "description": "zone slug",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "category",
                    "in": "query",
                    "required": false,
                    "description": "category slug",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "alimentation",
                        "artisanat-d-art",
                        "maison-deco",
                        "mode",
                        "beaute-bien-etre",
                        "jouets",
                        "livres",
                        "restauration",
                        "services",
                        "therapeutes",
                        "sport-loisirs",
                        "jardin"
                      ]
                    }
                  },
                  {
                    "name": "merchant",
                    "in": "query",
                    "required": false,
                    "description": "merchant slug",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "kind",
                    "in": "query",
                    "required": false,
                    "description": "post kind",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "offer",
                        "news",
                        "event"
                      ]
                    }
                  },
                  {
                    "name": "status",
                    "in": "query",
                    "required": false,
                    "description": "post status (other than published: zone admins, with zone)",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "draft",
                        "submitted",
                        "held",
                        "scheduled",
                        "published",
                        "expired",
                        "withdrawn",
                        "removed"
                      ]
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "page size",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100
                    }
                  },
                  {
                    "name": "before",
                    "in": "query",
                    "required": false,
                    "description": "only posts with a smaller id (the previous page's next)",
                    "schema": {
                      "type": "integer",
                      "minimum": 1
                    }
                  }
                ]
              },
              "post": {
                "summary": "Create a post as a draft, or submit it at once with submit: true",
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Post"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/PostCreate"
                      }
                    }
                  }
                },
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/posts/{id}": {
              "get": {
                "summary": "One post (unpublished posts only for their merchant and the zone's admins)",
                "responses": {
                  "200": {
                    "description": "The post",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Post"
                        }
                      }
                    }
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ]
              },
              "put": {
                "summary": "Replace a post's content; a submitted post is screened again",
                "responses": {
                  "200": {
                    "description": "Updated",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Post"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/PostContent"
                      }
                    }
                  }
                },
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/posts/{id}/submit": {
              "post": {
                "summary": "Submit a draft for screening",
                "responses": {
                  "200": {
                    "description": "Published, scheduled or held",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Post"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/posts/{id}/withdraw": {
              "post": {
                "summary": "Withdraw a post",
                "responses": {
                  "200": {
                    "description": "Withdrawn",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Post"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/sessions": {
              "post": {
                "summary": "Sign in; returns a bearer token",
                "responses": {
                  "201": {
                    "description": "Signed in",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Session"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/SignIn"
                      }
                    }
                  }
                }
              }
            },
            "/sessions/current": {
              "delete": {
                "summary": "Sign out (ends the token's session)",
                "responses": {
                  "204": {
                    "description": "Signed out"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/me": {
              "get": {
                "summary": "The signed-in account",
                "responses": {
                  "200": {
                    "description": "The account",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "security": [
                  {
                    "bearer": []
                  }
                ]
              }
            },
            "/openapi.json": {
              "get": {
                "summary": "This document",
                "responses": {
                  "200": {
                    "description": "OpenAPI 3.1 document",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/zones/{slug}/queue": {
              "get": {
                "summary": "The zone's review queue, oldest first (zone admins)",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Queue items",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/QueueItem"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ]
              }
            },
            "/zones/{slug}/queue/decisions": {
              "post": {
                "summary": "Decide several queued posts the same way; each succeeds or fails on its own",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "One result per post",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/BulkResult"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/BulkDecision"
                      }
                    }
                  }
                }
              }
            },
            "/posts/{id}/decisions": {
              "post": {
                "summary": "Approve, reject (reason), request changes, or remove a published post (reason); 409 names whoever decided first",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "201": {
                    "description": "Recorded",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Decision"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/DecisionRequest"
                      }
                    }
                  }
                }
              }
            },
            "/zones/{slug}/rules": {
              "get": {
                "summary": "The zone's screening rules",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Rules",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ScreeningRules"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ]
              },
              "put": {
                "summary": "Replace the zone's screening rules",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Rules as saved",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ScreeningRules"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ScreeningRules"
                      }
                    }
                  }
                }
              }
            },
            "/zones/{slug}/trust/{merchant}": {
              "put": {
                "summary": "Grant or revoke a merchant's trust in the zone (null: automatic)",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Saved"
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "merchant",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/TrustRequest"
                      }
                    }
                  }
                }
              }
            },
            "/zones/{slug}/audit": {
              "get": {
                "summary": "The zone's audit log, newest first, with names (zone admins)",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Audit lines",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/AuditLine"
                              }
                            },
                            "next": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "403": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  }
                },
                "parameters": [
                  {
                    "name": "slug",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ]
              }
            },
            "/posts/{id}/reports": {
              "post": {
                "summary": "Report a published post (one report per person per post); at the zone's threshold it is hidden until an admin decides",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ReportRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Recorded",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "hidden"
                          ],
                          "properties": {
                            "hidden": {
                              "type": "boolean"
                            }
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error"
                  },
                  "401": {
                    "$ref": "#/components/responses/Error"
                  },
                  "404": {
                    "$ref": "#/components/responses/Error"
                  },
                  "409": {
                    "$ref": "#/components/responses/Error"
                  }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearer": {
                "type": "http",
                "scheme": "bearer"
              }
            },
            "responses": {
              "Error": {
                "description": "An error",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              }
            },
            "schemas": {
              "Error": {
                "type": "object",
                "required": [
                  "error",
                  "message"
                ],
                "properties": {
                  "error": {
                    "type": "string",
                    "description": "stable snake_case code"
                  },
                  "message": {
                    "type": "string"
                  }
                }
              },
              "Commune": {
                "type": "object",
                "required": [
                  "commune",
                  "postcode",
                  "zone",
                  "zoneName"
                ],
                "properties": {
                  "commune": {
                    "type": "string"
                  },
                  "postcode": {
                    "type": "string",
                    "pattern": "^[0-9]{5}$"
                  },
                  "zone": {
                    "type": "string"
                  },
                  "zoneName": {
                    "type": "string"
                  }
                }
              },
              "Zone": {
                "type": "object",
                "required": [
                  "slug",
                  "name",
                  "description",
                  "departements",
                  "timeZone",
                  "locale",
                  "communes",
                  "url"
                ],
                "properties": {
                  "slug": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "departements": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "timeZone": {
                    "type": "string"
                  },
                  "locale": {
                    "type": "string"
                  },
                  "url": {
                    "type": "string",
                    "format": "uri"
                  },
                  "communes": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "name",
                        "postcodes"
                      ],
                      "properties": {
                        "name": {
                          "type": "string"
                        },
                        "postcodes": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "MerchantProfile": {
                "type": "object",
                "required": [
                  "name",
                  "description",
                  "categories",
                  "commune",
                  "postcode",
                  "address",
                  "links",
                  "zones"
                ],
                "properties": {
                  "name": {
                    "type": "string",
                    "maxLength": 120
                  },
                  "description": {
                    "type": "string",
                    "maxLength": 2000
                  },
                  "categories": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 5,
                    "items": {
                      "type": "string",
                      "enum": [
                        "alimentation",
                        "artisanat-d-art",
                        "maison-deco",
                        "mode",
                        "beaute-bien-etre",
                        "jouets",
                        "livres",
                        "restauration",
                        "services",
                        "therapeutes",
                        "sport-loisirs",
                        "jardin"
                      ]
                    }
                  },
                  "commune": {
                    "type": "string"
                  },
                  "postcode": {
                    "type": "string",
                    "pattern": "^[0-9]{5}$"
                  },
                  "address": {
                    "type": "string"
                  },
                  "phone": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "email": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "email"
                  },
                  "website": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri"
                  },
                  "links": {
                    "type": "array",
                    "maxItems": 10,
                    "items": {
                      "type": "string",
                      "format": "uri"
                    }
                  },
                  "openingHours": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "siret": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^[0-9]{14}$"
                  },
                  "zones": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                      "type": "string"
                    }
                  }
                }
              },
              "Merchant": {
                "type": "object",
                "required": [
                  "slug",
                  "profile",
                  "url",
                  "updatedAt"
                ],
                "properties": {
                  "slug": {
                    "type": "string"
                  },
                  "profile": {
                    "$ref": "#/components/schemas/MerchantProfile"
                  },
                  "url": {
                    "type": "string",
                    "format": "uri"
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "confirmedAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "when its merchant last confirmed the listing is current"
                  }
                }
              },
              "PostContent": {
                "type": "object",
                "required": [
                  "kind",
                  "title",
                  "body",
                  "category"
                ],
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": [
                      "offer",
                      "news",
                      "event"
                    ]
                  },
                  "title": {
                    "type": "string",
                    "maxLength": 200
                  },
                  "body": {
                    "type": "string",
                    "maxLength": 10000,
                    "description": "plain text; links are made clickable"
                  },
                  "category": {
                    "type": "string",
                    "enum": [
                      "alimentation",
                      "artisanat-d-art",
                      "maison-deco",
                      "mode",
                      "beaute-bien-etre",
                      "jouets",
                      "livres",
                      "restauration",
                      "services",
                      "therapeutes",
                      "sport-loisirs",
                      "jardin"
                    ]
                  },
                  "priceCents": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0
                  },
                  "imageURL": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri"
                  },
                  "validFrom": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "validUntil": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "eventAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "publishAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  }
                }
              },
              "PostCreate": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/PostContent"
                  },
                  {
                    "type": "object",
                    "required": [
                      "merchant",
                      "zone"
                    ],
                    "properties": {
                      "merchant": {
                        "type": "string"
                      },
                      "zone": {
                        "type": "string"
                      },
                      "submit": {
                        "type": "boolean"
                      }
                    }
                  }
                ]
              },
              "Post": {
                "type": "object",
                "required": [
                  "id",
                  "zone",
                  "merchant",
                  "merchantName",
                  "status",
                  "heldReasons",
                  "content",
                  "url",
                  "createdAt",
                  "updatedAt"
                ],
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "zone": {
                    "type": "string"
                  },
                  "merchant": {
                    "type": "string"
                  },
                  "merchantName": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "draft",
                      "submitted",
                      "held",
                      "scheduled",
                      "published",
                      "expired",
                      "withdrawn",
                      "removed"
                    ]
                  },
                  "heldReasons": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "content": {
                    "$ref": "#/components/schemas/PostContent"
                  },
                  "url": {
                    "type": "string",
                    "format": "uri"
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "publishedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  }
                }
              },
              "SignIn": {
                "type": "object",
                "required": [
                  "email",
                  "password"
                ],
                "properties": {
                  "email": {
                    "type": "string"
                  },
                  "password": {
                    "type": "string"
                  }
                }
              },
              "User": {
                "type": "object",
                "required": [
                  "id",
                  "email",
                  "displayName",
                  "role"
                ],
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "email": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "operator",
                      "zone-admin",
                      "merchant",
                      "resident"
                    ]
                  }
                }
              },
              "Session": {
                "type": "object",
                "required": [
                  "token",
                  "user"
                ],
                "properties": {
                  "token": {
                    "type": "string"
                  },
                  "user": {
                    "$ref": "#/components/schemas/User"
                  }
                }
              },
              "Decision": {
                "type": "object",
                "required": [
                  "id",
                  "post",
                  "action",
                  "moderator",
                  "at"
                ],
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "post": {
                    "type": "integer"
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "approve",
                      "reject",
                      "request_changes",
                      "remove"
                    ]
                  },
                  "reason": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "off_topic",
                      "not_local",
                      "duplicate",
                      "misleading",
                      "prohibited_content",
                      "other",
                      null
                    ]
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "moderator": {
                    "type": "string"
                  },
                  "at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "DecisionRequest": {
                "type": "object",
                "required": [
                  "action"
                ],
                "properties": {
                  "action": {
                    "type": "string",
                    "enum": [
                      "approve",
                      "reject",
                      "request_changes",
                      "remove"
                    ]
                  },
                  "reason": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "off_topic",
                      "not_local",
                      "duplicate",
                      "misleading",
                      "prohibited_content",
                      "other",
                      null
                    ]
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 1000
                  }
                }
              },
              "BulkDecision": {
                "type": "object",
                "required": [
                  "ids",
                  "action"
                ],
                "properties": {
                  "ids": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 200,
                    "items": {
                      "type": "integer"
                    }
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "approve",
                      "reject",
                      "request_changes",
                      "remove"
                    ]
                  },
                  "reason": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "off_topic",
                      "not_local",
                      "duplicate",
                      "misleading",
                      "prohibited_content",
                      "other",
                      null
                    ]
                  }
                }
              },
              "BulkResult": {
                "type": "object",
                "required": [
                  "post"
                ],
                "properties": {
                  "post": {
                    "type": "integer"
                  },
                  "decision": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Decision"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "error": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Error"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  }
                }
              },
              "QueueItem": {
                "type": "object",
                "required": [
                  "post",
                  "approved",
                  "rejected",
                  "removed",
                  "waitingSeconds",
                  "overdue",
                  "escalated",
                  "history"
                ],
                "properties": {
                  "post": {
                    "$ref": "#/components/schemas/Post"
                  },
                  "approved": {
                    "type": "integer"
                  },
                  "rejected": {
                    "type": "integer"
                  },
                  "removed": {
                    "type": "integer"
                  },
                  "waitingSeconds": {
                    "type": "integer"
                  },
                  "overdue": {
                    "type": "boolean"
                  },
                  "escalated": {
                    "type": "boolean"
                  },
                  "history": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Decision"
                    }
                  }
                }
              },
              "WatchedTerm": {
                "type": "object",
                "required": [
                  "term",
                  "action"
                ],
                "properties": {
                  "term": {
                    "type": "string"
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "block",
                      "hold",
                      "flag"
                    ]
                  },
                  "message": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              },
              "ScreeningRules": {
                "type": "object",
                "required": [
                  "holdFirstPosts",
                  "trustAfterApproved",
                  "maxLinks",
                  "weeklyQuota",
                  "holdOnContactChange",
                  "watchedTerms"
                ],
                "properties": {
                  "holdFirstPosts": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 50
                  },
                  "trustAfterApproved": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100
                  },
                  "maxLinks": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 50
                  },
                  "weeklyQuota": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 500
                  },
                  "holdOnContactChange": {
                    "type": "boolean"
                  },
                  "watchedTerms": {
                    "type": "array",
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/WatchedTerm"
                    }
                  },
                  "reportThreshold": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100
                  }
                }
              },
              "TrustRequest": {
                "type": "object",
                "properties": {
                  "setting": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "granted",
                      "revoked",
                      null
                    ]
                  }
                }
              },
              "AuditLine": {
                "type": "object",
                "required": [
                  "at",
                  "action",
                  "subject",
                  "details"
                ],
                "properties": {
                  "at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "actor": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "action": {
                    "type": "string"
                  },
                  "subject": {
                    "type": "string"
                  },
                  "details": {
                    "type": "string",
                    "description": "JSON object"
                  }
                }
              },
              "ReportRequest": {
                "type": "object",
                "required": [
                  "reason"
                ],
                "properties": {
                  "reason": {
                    "type": "string",
                    "enum": [
                      "illegal",
                      "scam",
                      "misleading",
                      "offensive",
                      "spam",
                      "other"
                    ]
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 1000
                  }
                }
              }
            }
          }
        }
        """#
}
