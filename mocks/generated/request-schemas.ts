// Generated from api/openapi.yaml by scripts/check-api.mjs. Do not edit by hand: change the contract, then
// run `node scripts/check-api.mjs --write` (`node scripts/check-api.mjs` fails while this file is stale).

export interface RequestSchema {
  method: string;
  path: string;
  query: { schema: object; numeric: string[]; boolean: string[]; repeated: string[] } | null;
  body: { contentType: string; required: boolean; schema: object } | null;
}

/** The component schemas, as one JSON Schema document the operation schemas refer into. */
export const contractDocument: object = {
  "$id": "https://optout.test/contract.json",
  "components": {
    "schemas": {
      "ProblemType": {
        "type": "string",
        "x-extensible-enum": true,
        "description": "The stable problem types (see the table in the introduction).",
        "enum": [
          "urn:optout:problem:validation",
          "urn:optout:problem:unauthenticated",
          "urn:optout:problem:forbidden",
          "urn:optout:problem:not-found",
          "urn:optout:problem:conflict",
          "urn:optout:problem:undo-window-closed",
          "urn:optout:problem:preview-expired",
          "urn:optout:problem:precondition-failed",
          "urn:optout:problem:note-required",
          "urn:optout:problem:idempotency-key-reused",
          "urn:optout:problem:idempotency-key-in-flight",
          "urn:optout:problem:precondition-required",
          "urn:optout:problem:rate-limited",
          "urn:optout:problem:unavailable"
        ]
      },
      "Problem": {
        "type": "object",
        "description": "An RFC 9457 problem document.",
        "required": [
          "type",
          "title",
          "status"
        ],
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ProblemType"
          },
          "title": {
            "type": "string",
            "description": "A short, human-readable summary of the problem type."
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599,
            "description": "The HTTP status code."
          },
          "detail": {
            "type": "string",
            "description": "A human-readable explanation of this occurrence."
          },
          "instance": {
            "type": "string",
            "description": "A URI reference identifying this occurrence (e.g. for support)."
          },
          "errors": {
            "type": "array",
            "description": "For `validation` (and `note-required`), each invalid field.",
            "items": {
              "$ref": "#/components/schemas/FieldError"
            }
          },
          "retryAfter": {
            "type": "integer",
            "minimum": 0,
            "description": "For `rate-limited` and `unavailable`, seconds to wait (same as `Retry-After`)."
          },
          "current": {
            "$ref": "#/components/schemas/ContactDetail",
            "description": "For `precondition-failed` on a contact: the contact as it is now, with its `etag`, so the UI can show what changed and let the user decide again."
          }
        }
      },
      "FieldError": {
        "type": "object",
        "required": [
          "field",
          "message",
          "code"
        ],
        "properties": {
          "code": {
            "type": "string",
            "x-extensible-enum": true,
            "description": "What is wrong, for code: a UI words it in the user's language from `code` and `params` and keeps `message` (English, for people and logs) as a fallback. One of `required`, `unknown-field`, `type`, `enum`, `too-long` (`params.maxLength`), `too-short` (`params.minLength`), `too-few` (`params.minItems`), `too-many` (`params.maxItems`), `duplicate`, `format`, `range`, `not-found`, `note-required`, `invalid`, `keyword-clash` (`params.keyword`, `params.intent`); new codes may be added, so show an unknown one as `invalid`."
          },
          "params": {
            "type": "object",
            "description": "The limit the code refers to, named as the schema names it, e.g. `{\"maxLength\": 2000}`.",
            "additionalProperties": {
              "type": [
                "number",
                "string"
              ]
            }
          },
          "field": {
            "type": "string",
            "description": "The field: a dotted path with bracketed indexes for body fields (`customKeywords.optOut[2]`, `target.ids[0]`), the name for query parameters and headers (`limit`, `Idempotency-Key`)."
          },
          "message": {
            "type": "string",
            "description": "What is wrong, for people."
          }
        }
      },
      "Actor": {
        "type": "object",
        "description": "Who made a change, in one shape everywhere (consent records, eligibility reasons, the audit log, blocks, review decisions, bulk jobs, settings): a `user` (a person signed in), an `integration` (the host's service credential), the `contact` themself (their own reply) or the backend (`system`: a default, a deadline). `id` names the user or integration (an `Organization.members` id) and is absent for `contact` and `system`.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "x-extensible-enum": true,
            "enum": [
              "user",
              "integration",
              "contact",
              "system"
            ]
          },
          "id": {
            "type": "string",
            "minLength": 1,
            "description": "The user's or integration's id; present exactly when `type` is `user` or `integration`."
          }
        }
      },
      "Role": {
        "type": "string",
        "x-extensible-enum": true,
        "description": "A user's role (see the roles table).",
        "enum": [
          "admin",
          "manager",
          "agent",
          "integration"
        ]
      },
      "Permission": {
        "type": "string",
        "x-extensible-enum": true,
        "description": "An action the UI offers and the backend enforces (`src/engine/permissions.ts`).",
        "enum": [
          "contact:view",
          "contact:unsubscribe",
          "contact:resubscribe",
          "contact:block",
          "contact:unblock",
          "contact:merge",
          "contact:delete",
          "contact:add-to-sequence",
          "contact:exclude-channels",
          "bulk:unsubscribe",
          "review:decide",
          "settings:read",
          "settings:write",
          "audit:view",
          "inbound:receive",
          "eligibility:check",
          "consent-events:read"
        ]
      },
      "User": {
        "type": "object",
        "required": [
          "id",
          "name",
          "email"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          }
        }
      },
      "Me": {
        "type": "object",
        "required": [
          "user",
          "role",
          "permissions"
        ],
        "properties": {
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "permissions": {
            "type": "array",
            "description": "Every permission the role grants.",
            "items": {
              "$ref": "#/components/schemas/Permission"
            }
          }
        }
      },
      "ChannelType": {
        "type": "string",
        "description": "A kind of messaging channel. `sms`, `whatsapp` and `voice` deliver to phone destinations; `email` to email destinations.",
        "enum": [
          "sms",
          "whatsapp",
          "voice",
          "email"
        ]
      },
      "DestinationKind": {
        "type": "string",
        "description": "The kind of contact address a channel type delivers to.",
        "enum": [
          "phone",
          "email"
        ]
      },
      "Location": {
        "type": "object",
        "description": "A location (branch, store, office) of the organization.",
        "required": [
          "id",
          "name"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "timeZone": {
            "type": "string",
            "description": "IANA time zone, e.g. `America/Toronto`. Review deadlines are counted and shown in it (UTC when absent)."
          },
          "country": {
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 country code, e.g. `CA`."
          },
          "subdivision": {
            "type": "string",
            "description": "ISO 3166-2 subdivision code without the country, e.g. `ON`."
          },
          "holidays": {
            "type": "array",
            "description": "The public holidays this location observes (local dates), supplied by the host's backend from its calendar or a holiday library; they are not business days when a review deadline is counted.",
            "items": {
              "type": "string",
              "format": "date"
            }
          }
        }
      },
      "Channel": {
        "type": "object",
        "description": "A business number or mailbox belonging to one location.",
        "required": [
          "id",
          "type",
          "locationId",
          "address",
          "name"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "$ref": "#/components/schemas/ChannelType"
          },
          "locationId": {
            "type": "string"
          },
          "address": {
            "type": "string",
            "description": "The business number (E.164) or mailbox."
          },
          "name": {
            "type": "string"
          }
        }
      },
      "SequenceStep": {
        "type": "object",
        "required": [
          "index",
          "channelId",
          "delayHours"
        ],
        "properties": {
          "index": {
            "type": "integer",
            "minimum": 0,
            "description": "The step's position, from 0."
          },
          "channelId": {
            "type": "string",
            "description": "The channel the step sends on."
          },
          "delayHours": {
            "type": "number",
            "minimum": 0,
            "description": "Hours after the previous step (or the enrollment, for step 0)."
          }
        }
      },
      "Sequence": {
        "type": "object",
        "description": "An automated series of messages.",
        "required": [
          "id",
          "name",
          "steps"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "steps": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SequenceStep"
            }
          }
        }
      },
      "Organization": {
        "type": "object",
        "required": [
          "id",
          "name",
          "locations",
          "channels",
          "sequences"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "locations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Location"
            }
          },
          "channels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Channel"
            }
          },
          "sequences": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Sequence"
            }
          },
          "members": {
            "type": "array",
            "description": "The organization's users and integrations by name, so that a block, a re-subscribe or a history entry can say who made it (an `Actor`'s `id` is one of these). Optional: a backend without a directory omits it, and the elements then show the id.",
            "items": {
              "$ref": "#/components/schemas/OrganizationMember"
            }
          }
        }
      },
      "OrganizationMember": {
        "type": "object",
        "required": [
          "id",
          "name"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          }
        }
      },
      "Destination": {
        "type": "object",
        "description": "One address of a contact; phones are E.164.",
        "required": [
          "kind",
          "value",
          "valid"
        ],
        "properties": {
          "kind": {
            "$ref": "#/components/schemas/DestinationKind"
          },
          "value": {
            "type": "string"
          },
          "valid": {
            "type": "boolean",
            "description": "False when the address is known not to work (malformed, bounced, not mobile…)."
          }
        }
      },
      "BlockInfo": {
        "type": "object",
        "description": "Who blocked a contact, when, and optionally why.",
        "required": [
          "blockedBy",
          "blockedAt",
          "reason"
        ],
        "properties": {
          "blockedBy": {
            "$ref": "#/components/schemas/Actor"
          },
          "blockedAt": {
            "type": "string",
            "format": "date-time"
          },
          "reason": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "Contact": {
        "type": "object",
        "description": "A contact record as the CRM knows it.",
        "required": [
          "id",
          "name",
          "destinations",
          "blocked",
          "excludedChannelTypes",
          "tags",
          "locationIds"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "destinations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Destination"
            }
          },
          "blocked": {
            "description": "The block, or `null` when the contact is not blocked.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/BlockInfo"
              },
              {
                "type": "null"
              }
            ]
          },
          "excludedChannelTypes": {
            "type": "array",
            "description": "Channel types the contact asked NOT to be used.",
            "items": {
              "$ref": "#/components/schemas/ChannelType"
            }
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "locationIds": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ContactStatus": {
        "type": "string",
        "description": "A contact's overall state, computed over the pairs (channel, valid destination of the kind\nthe channel delivers to), first rule that applies:\n\n| status | meaning |\n|---|---|\n| `blocked` | The contact is blocked (whatever its consent). |\n| `unreachable` | No pair at all: no valid destination, or only kinds no channel delivers to. |\n| `unsubscribed` | No channel can reach any of its destinations because of opt-outs: every pair is unsubscribed. |\n| `partially-unsubscribed` | Some pairs are unsubscribed, others not. |\n| `subscribed` | No pair is unsubscribed. |\n\nChannel preferences (channel types the contact asked not to be used) do not change the\nstatus; they show in eligibility.\n",
        "enum": [
          "subscribed",
          "partially-unsubscribed",
          "unsubscribed",
          "blocked",
          "unreachable"
        ]
      },
      "ContactStatusFilter": {
        "type": "string",
        "description": "A `status` filter. `unsubscribed` matches `unsubscribed` and `partially-unsubscribed` contacts. A blocked contact's status is `blocked` whatever its consent, so `subscribed` never includes blocked contacts (they cannot be messaged) and `blocked` lists them all.",
        "enum": [
          "subscribed",
          "unsubscribed",
          "blocked",
          "unreachable"
        ]
      },
      "LocationIdsFilter": {
        "type": "array",
        "description": "The locations a contact must belong to (one of them). Never empty: no location is not a way of saying every location.",
        "minItems": 1,
        "maxItems": 100,
        "uniqueItems": true,
        "items": {
          "type": "string",
          "minLength": 1
        }
      },
      "ContactStatusesFilter": {
        "type": "array",
        "description": "The statuses a contact must be in (one of them, each as `ContactStatusFilter` reads it). Never empty.",
        "minItems": 1,
        "uniqueItems": true,
        "items": {
          "$ref": "#/components/schemas/ContactStatusFilter"
        }
      },
      "ContactFilter": {
        "type": "object",
        "description": "The same filters as `GET /contacts`, evaluated by the server, with the same names: a repeatable filter is an array here (`{\"locationId\": [\"loc-downtown\", \"loc-uptown\"]}`), matching any of its values, and never empty. A bulk job's audience must never be wider than the caller meant, so an unknown key is refused (400 naming `target.filter.<key>`: a misspelt `location_id` must not silently mean \"everyone\"), an empty filter is refused, and \"every contact\" is said explicitly with `{\"all\": true}`, alone.",
        "additionalProperties": false,
        "minProperties": 1,
        "if": {
          "properties": {
            "all": {
              "const": true
            }
          },
          "required": [
            "all"
          ]
        },
        "then": {
          "maxProperties": 1
        },
        "properties": {
          "all": {
            "description": "Every contact of the organization. Only `true`, and only alone.",
            "const": true
          },
          "query": {
            "type": "string",
            "maxLength": 200
          },
          "locationId": {
            "$ref": "#/components/schemas/LocationIdsFilter"
          },
          "channelId": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/ContactStatusesFilter"
          },
          "tag": {
            "type": "string"
          },
          "channelType": {
            "$ref": "#/components/schemas/ChannelType"
          }
        }
      },
      "ContactSummary": {
        "type": "object",
        "description": "A row of the contacts list.",
        "required": [
          "id",
          "name",
          "phone",
          "email",
          "status",
          "blocked",
          "unsubscribedChannelCount",
          "tags",
          "locationIds"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "phone": {
            "type": [
              "string",
              "null"
            ],
            "description": "The first phone destination (E.164), or `null`."
          },
          "email": {
            "type": [
              "string",
              "null"
            ],
            "description": "The first email destination, or `null`."
          },
          "status": {
            "$ref": "#/components/schemas/ContactStatus"
          },
          "blocked": {
            "description": "The block, as on `Contact`, or `null` when the contact is not blocked.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/BlockInfo"
              },
              {
                "type": "null"
              }
            ]
          },
          "unsubscribedChannelCount": {
            "type": "integer",
            "minimum": 0,
            "description": "How many channels have at least one of the contact's destinations unsubscribed."
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "locationIds": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "destinations": {
            "type": "array",
            "description": "Every destination of the contact with its validity, in the contact's order. Optional: a list that omits it shows only `phone` and `email`.",
            "items": {
              "$ref": "#/components/schemas/Destination"
            }
          },
          "lastActivityAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the consent of one of the contact's destinations last changed (the newest current consent record), or `null` when none has a record. Optional."
          }
        }
      },
      "ContactPage": {
        "type": "object",
        "required": [
          "items",
          "total",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ContactSummary"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Every contact matching the query, not just this page."
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; `null` on the last page."
          }
        }
      },
      "ConsentStatus": {
        "type": "string",
        "description": "Whether a destination may be messaged on a channel.",
        "enum": [
          "subscribed",
          "unsubscribed"
        ]
      },
      "ConsentSource": {
        "type": "string",
        "x-extensible-enum": true,
        "description": "What caused a consent change: `stop-reply` (the contact's opt-out keyword or an applied\nopt-out request), `start-reply` (the contact's opt-in keyword), `agent` (a user on one\ncontact), `bulk` (a bulk job), `api` (another system through the host's API),\n`import` (a contact import), `default` (no record: subscribed).\n",
        "enum": [
          "stop-reply",
          "start-reply",
          "agent",
          "bulk",
          "api",
          "import",
          "default"
        ]
      },
      "OptOutScope": {
        "type": "string",
        "description": "How far an opt-out reaches: `channel` (only the channel messaged), `channel-type` (every\nchannel of the same type, in all locations), `organization` (every channel).\n",
        "enum": [
          "channel",
          "channel-type",
          "organization"
        ]
      },
      "ConsentRecord": {
        "type": "object",
        "description": "Consent of one destination on one channel; keyed by destination so it outlives contacts. The current record of a pair is the one the backend applied last (`recordedAt`, arrival order), not the one with the latest `changedAt`: carriers apply keywords in the order they receive them, so a STOP sent at 10:00 but delivered after a START sent at 10:05 leaves the number blocked, and so must we. A tie goes to the opt-out.",
        "required": [
          "recordedAt",
          "destination",
          "channelId",
          "status",
          "changedAt",
          "source",
          "actor",
          "keyword",
          "viaChannelId",
          "scope",
          "note",
          "jobId"
        ],
        "properties": {
          "recordedAt": {
            "type": "string",
            "format": "date-time",
            "readOnly": true,
            "description": "When the backend applied this record (arrival order); decides which record is current."
          },
          "destination": {
            "type": "string"
          },
          "channelId": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/ConsentStatus"
          },
          "changedAt": {
            "type": "string",
            "format": "date-time"
          },
          "source": {
            "$ref": "#/components/schemas/ConsentSource"
          },
          "actor": {
            "$ref": "#/components/schemas/Actor"
          },
          "keyword": {
            "type": [
              "string",
              "null"
            ],
            "description": "The keyword that caused it, e.g. `STOP`."
          },
          "viaChannelId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The channel the triggering reply came in on, when it differs from `channelId`."
          },
          "scope": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/OptOutScope"
              },
              {
                "type": "null"
              }
            ]
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          },
          "jobId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The bulk job that wrote this record."
          }
        }
      },
      "BlockedReason": {
        "type": "object",
        "description": "The contact is blocked.",
        "required": [
          "code",
          "blockedBy",
          "blockedAt",
          "reason"
        ],
        "properties": {
          "code": {
            "type": "string",
            "const": "blocked"
          },
          "blockedBy": {
            "$ref": "#/components/schemas/Actor"
          },
          "blockedAt": {
            "type": "string",
            "format": "date-time"
          },
          "reason": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "UnsubscribedReason": {
        "type": "object",
        "description": "One destination is unsubscribed on this channel; the facts of its consent record.",
        "required": [
          "code",
          "destination",
          "channelId",
          "changedAt",
          "source",
          "actor",
          "keyword",
          "viaChannelId",
          "scope",
          "note"
        ],
        "properties": {
          "code": {
            "type": "string",
            "const": "unsubscribed"
          },
          "destination": {
            "type": "string"
          },
          "channelId": {
            "type": "string"
          },
          "changedAt": {
            "type": "string",
            "format": "date-time"
          },
          "source": {
            "$ref": "#/components/schemas/ConsentSource"
          },
          "actor": {
            "$ref": "#/components/schemas/Actor"
          },
          "keyword": {
            "type": [
              "string",
              "null"
            ]
          },
          "viaChannelId": {
            "type": [
              "string",
              "null"
            ]
          },
          "scope": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/OptOutScope"
              },
              {
                "type": "null"
              }
            ]
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "NoDestinationReason": {
        "type": "object",
        "description": "The contact has no destination of the kind this channel delivers to.",
        "required": [
          "code",
          "kind"
        ],
        "properties": {
          "code": {
            "type": "string",
            "const": "no-destination"
          },
          "kind": {
            "$ref": "#/components/schemas/DestinationKind"
          }
        }
      },
      "InvalidDestinationReason": {
        "type": "object",
        "description": "A destination of this kind is marked invalid.",
        "required": [
          "code",
          "destination",
          "kind"
        ],
        "properties": {
          "code": {
            "type": "string",
            "const": "invalid-destination"
          },
          "destination": {
            "type": "string"
          },
          "kind": {
            "$ref": "#/components/schemas/DestinationKind"
          }
        }
      },
      "ExcludedByPreferenceReason": {
        "type": "object",
        "description": "The contact asked not to be contacted on this channel type.",
        "required": [
          "code",
          "channelType"
        ],
        "properties": {
          "code": {
            "type": "string",
            "const": "excluded-by-preference"
          },
          "channelType": {
            "$ref": "#/components/schemas/ChannelType"
          }
        }
      },
      "EligibilityReason": {
        "description": "One fact that keeps a contact, or one of its destinations, from being messaged on a\nchannel (the engine's `EligibilityReason`). Reasons are listed in this order: `blocked`,\n`unsubscribed`, `no-destination`, `invalid-destination`, `excluded-by-preference`. The set\nof codes is extensible (`x-extensible-enum`): a client that meets a code it does not know\nshows it generically as a reason not to message — `canMessage` still decides.\n",
        "x-extensible-enum": true,
        "type": "object",
        "required": [
          "code"
        ],
        "properties": {
          "code": {
            "enum": [
              "blocked",
              "unsubscribed",
              "no-destination",
              "invalid-destination",
              "excluded-by-preference"
            ]
          }
        },
        "allOf": [
          {
            "if": {
              "properties": {
                "code": {
                  "const": "blocked"
                }
              },
              "required": [
                "code"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/BlockedReason"
            }
          },
          {
            "if": {
              "properties": {
                "code": {
                  "const": "unsubscribed"
                }
              },
              "required": [
                "code"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/UnsubscribedReason"
            }
          },
          {
            "if": {
              "properties": {
                "code": {
                  "const": "no-destination"
                }
              },
              "required": [
                "code"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/NoDestinationReason"
            }
          },
          {
            "if": {
              "properties": {
                "code": {
                  "const": "invalid-destination"
                }
              },
              "required": [
                "code"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/InvalidDestinationReason"
            }
          },
          {
            "if": {
              "properties": {
                "code": {
                  "const": "excluded-by-preference"
                }
              },
              "required": [
                "code"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/ExcludedByPreferenceReason"
            }
          }
        ]
      },
      "ChannelEligibility": {
        "type": "object",
        "description": "Whether the contact can be messaged on one channel, and every reason against it.",
        "required": [
          "channelId",
          "canMessage",
          "reasons",
          "usableDestinations"
        ],
        "properties": {
          "channelId": {
            "type": "string"
          },
          "canMessage": {
            "type": "boolean"
          },
          "reasons": {
            "type": "array",
            "description": "Every reason, even when another destination is still usable (the person troubleshooting needs both facts).",
            "items": {
              "$ref": "#/components/schemas/EligibilityReason"
            }
          },
          "usableDestinations": {
            "type": "array",
            "description": "Destination values a message on this channel may go to; empty whenever `canMessage` is false (a blocked contact's valid phone is not usable), so a sender that reads only this list cannot reach someone who may not be messaged.",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ContactDetail": {
        "type": "object",
        "required": [
          "contact",
          "eligibility",
          "consent",
          "pendingReviews",
          "etag"
        ],
        "properties": {
          "etag": {
            "type": "string",
            "description": "This version of the contact, the same value as the `ETag` header (here too because a cross-origin host may not expose headers); send it in `If-Match`."
          },
          "contact": {
            "$ref": "#/components/schemas/Contact"
          },
          "eligibility": {
            "type": "array",
            "description": "One entry per channel of the organization, in the organization's channel order.",
            "items": {
              "$ref": "#/components/schemas/ChannelEligibility"
            }
          },
          "consent": {
            "type": "array",
            "description": "The current consent record of each (destination, channel) pair of the contact that has one; a pair without a record is subscribed.",
            "items": {
              "$ref": "#/components/schemas/ConsentRecord"
            }
          },
          "pendingReviews": {
            "type": "array",
            "description": "The contact's review items still pending.",
            "items": {
              "$ref": "#/components/schemas/ReviewItem"
            }
          }
        }
      },
      "UnsubscribeRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "channelIds": {
            "type": "array",
            "description": "The channels to unsubscribe from. Omitted means every channel of the organization.",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "type": "string"
            }
          },
          "destinations": {
            "type": "array",
            "description": "Only these of the contact's destinations (phone numbers in E.164, email addresses), for a contact with two phones of whom one asked; omitted means every destination of the contact. A value that is not one of the contact's destinations is 422 `validation` (code `not-found`): nothing is changed for a typo.",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "type": "string",
              "minLength": 1
            }
          },
          "note": {
            "type": "string",
            "maxLength": 2000,
            "description": "Why, for the audit log. At most 2,000 characters; longer is 422 `validation`."
          }
        }
      },
      "ResubscribeRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "channelIds"
        ],
        "properties": {
          "channelIds": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "type": "string"
            }
          },
          "destinations": {
            "type": "array",
            "description": "Only these of the contact's destinations (phone numbers in E.164, email addresses), for a contact with two phones of whom one asked; omitted means every destination of the contact. A value that is not one of the contact's destinations is 422 `validation` (code `not-found`): nothing is changed for a typo.",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "type": "string",
              "minLength": 1
            }
          },
          "note": {
            "type": "string",
            "maxLength": 2000,
            "description": "The contact's written consent (how and when they asked to be messaged again). Missing, empty or blank is 422 `note-required` (not 400), so the UI can ask for it; it is not optional. At most 2,000 characters; longer is 422 `validation`."
          }
        }
      },
      "ChannelExclusionsRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "excludedChannelTypes"
        ],
        "properties": {
          "excludedChannelTypes": {
            "type": "array",
            "uniqueItems": true,
            "description": "The contact's exclusions after the change (the whole list; empty for none).",
            "items": {
              "$ref": "#/components/schemas/ChannelType"
            }
          },
          "note": {
            "type": "string",
            "maxLength": 2000,
            "description": "Why, for the audit log; required (422 `note-required`) when an exclusion is removed: how and when the contact said they may be contacted by that type again. At most 2,000 characters; longer is 422 `validation`."
          }
        }
      },
      "BlockRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "reason": {
            "type": "string",
            "maxLength": 2000,
            "description": "Why, for the audit log and the eligibility reason. At most 2,000 characters; longer is 422 `validation`."
          }
        }
      },
      "MergeRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sourceContactId"
        ],
        "properties": {
          "sourceContactId": {
            "type": "string",
            "minLength": 1,
            "description": "The contact merged into the one in the path, then removed."
          }
        }
      },
      "SequenceEnrollmentRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sequenceId"
        ],
        "properties": {
          "sequenceId": {
            "type": "string",
            "minLength": 1
          }
        }
      },
      "SequenceStepWarning": {
        "type": "object",
        "description": "A step whose channel cannot message the contact right now.",
        "required": [
          "stepIndex",
          "channelId",
          "reasons"
        ],
        "properties": {
          "stepIndex": {
            "type": "integer",
            "minimum": 0
          },
          "channelId": {
            "type": "string"
          },
          "reasons": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EligibilityReason"
            }
          }
        }
      },
      "SequenceEnrollment": {
        "type": "object",
        "required": [
          "id",
          "sequenceId",
          "contactId",
          "enrolledAt",
          "warnings"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "sequenceId": {
            "type": "string"
          },
          "contactId": {
            "type": "string",
            "description": "The contact enrolled; after a merge, the contact it was merged into."
          },
          "enrolledAt": {
            "type": "string",
            "format": "date-time"
          },
          "warnings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SequenceStepWarning"
            }
          }
        }
      },
      "SequenceEnrollmentPage": {
        "type": "object",
        "required": [
          "items",
          "total",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SequenceEnrollment"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "AuditAction": {
        "type": "string",
        "x-extensible-enum": true,
        "enum": [
          "unsubscribed",
          "resubscribed",
          "blocked",
          "unblocked",
          "merged",
          "deleted",
          "sequence-enrolled",
          "settings-changed",
          "inbound-received",
          "review-applied",
          "review-dismissed",
          "bulk-job-started",
          "bulk-job-cancelled",
          "bulk-job-undone",
          "channel-exclusions-changed"
        ]
      },
      "AuditEvent": {
        "type": "object",
        "description": "One append-only audit log entry.",
        "required": [
          "id",
          "occurredAt",
          "actor",
          "action",
          "contactId",
          "destination",
          "channelIds",
          "source",
          "scope",
          "keyword",
          "inboundText",
          "note",
          "jobId",
          "details"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "occurredAt": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "$ref": "#/components/schemas/Actor"
          },
          "action": {
            "$ref": "#/components/schemas/AuditAction"
          },
          "contactId": {
            "type": [
              "string",
              "null"
            ]
          },
          "destination": {
            "type": [
              "string",
              "null"
            ]
          },
          "channelIds": {
            "type": "array",
            "description": "The channels the event changed (empty when none).",
            "items": {
              "type": "string"
            }
          },
          "source": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ConsentSource"
              },
              {
                "type": "null"
              }
            ]
          },
          "scope": {
            "description": "The opt-out scope in force, for consent changes caused by an inbound reply.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/OptOutScope"
              },
              {
                "type": "null"
              }
            ]
          },
          "keyword": {
            "type": [
              "string",
              "null"
            ]
          },
          "inboundText": {
            "type": [
              "string",
              "null"
            ],
            "description": "The inbound message's text, for events caused by one."
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          },
          "jobId": {
            "type": [
              "string",
              "null"
            ]
          },
          "details": {
            "type": "object",
            "description": "Action-specific facts, e.g. `{before, after}` for `settings-changed`, `{sourceContactId}` for `merged`, `{reviewId}` for review decisions.",
            "additionalProperties": true
          }
        }
      },
      "AuditEventPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuditEvent"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "How many events match. Always on a contact's consent history; on the organization's log only with `includeTotal=true`."
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ReviewStatus": {
        "type": "string",
        "enum": [
          "pending",
          "applied",
          "dismissed"
        ]
      },
      "ReviewItem": {
        "type": "object",
        "description": "A plain-language opt-out request queued for review. Its deadline, `dueAt`, is the end\n(23:59:59 local time) of the 10th business day after the day of `receivedAt`, counted in\nthe time zone of the location of the channel it came in on (`timeZone`), skipping Saturdays, Sundays and\nthat location's `holidays`: the request must be honoured by then, so an item still\npending at its deadline is applied by the backend (`decidedBy` `{\"type\": \"system\"}`). Show it in\n`timeZone`.\n",
        "required": [
          "id",
          "contactId",
          "destination",
          "channelId",
          "body",
          "receivedAt",
          "dueAt",
          "timeZone",
          "status",
          "affectedChannelIds",
          "scope",
          "decidedBy",
          "decidedAt",
          "decisionNote"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "contactId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The contact the sender matched, or `null` when none has that destination."
          },
          "destination": {
            "type": "string",
            "description": "The sender's destination (E.164 phone or email)."
          },
          "channelId": {
            "type": "string",
            "description": "The channel the message came in on."
          },
          "body": {
            "type": "string",
            "description": "The message text, shown verbatim (as text, never as markup)."
          },
          "receivedAt": {
            "type": "string",
            "format": "date-time"
          },
          "dueAt": {
            "type": "string",
            "format": "date-time"
          },
          "timeZone": {
            "type": "string",
            "description": "The IANA time zone the deadline was counted in (the channel's location's; `UTC` when it has none)."
          },
          "status": {
            "$ref": "#/components/schemas/ReviewStatus"
          },
          "affectedChannelIds": {
            "type": "array",
            "description": "The channels the opt-out covers under `scope`, fixed when the request is queued (what the reviewer sees is what applying does, even if the organization's scope changes meanwhile); once applied, the channels changed.",
            "items": {
              "type": "string"
            }
          },
          "scope": {
            "$ref": "#/components/schemas/OptOutScope"
          },
          "decidedBy": {
            "description": "Who decided (a user, or `system` at the deadline); `null` while pending.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Actor"
              },
              {
                "type": "null"
              }
            ]
          },
          "decidedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "`null` while pending."
          },
          "decisionNote": {
            "type": [
              "string",
              "null"
            ],
            "description": "The dismissal reason, or the note given when applying; `null` when none."
          }
        }
      },
      "ReviewPage": {
        "type": "object",
        "required": [
          "items",
          "total",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ReviewItem"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ReviewApplyRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "note": {
            "type": "string",
            "maxLength": 2000,
            "description": "An optional note for the audit log. At most 2,000 characters; longer is 422 `validation`."
          }
        }
      },
      "ReviewDismissRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "note"
        ],
        "properties": {
          "note": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000,
            "description": "Why the message is not an opt-out request. At most 2,000 characters; longer is 422 `validation`."
          }
        }
      },
      "IdsTarget": {
        "type": "object",
        "description": "Exactly these contacts.",
        "additionalProperties": false,
        "required": [
          "kind",
          "ids"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "const": "ids"
          },
          "ids": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100000,
            "items": {
              "type": "string"
            }
          }
        }
      },
      "FilterTarget": {
        "type": "object",
        "description": "Every contact matching `filter` when the preview is made, except `excludedIds`. Every contact is `{\"all\": true}`, never an empty filter; the preview's `total` shows the size before anything changes, and contacts created after the preview are never included.",
        "additionalProperties": false,
        "required": [
          "kind",
          "filter",
          "excludedIds"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "const": "filter"
          },
          "filter": {
            "$ref": "#/components/schemas/ContactFilter"
          },
          "excludedIds": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "BulkTargetSelection": {
        "description": "Explicit ids, or a filter plus excluded ids.",
        "type": "object",
        "required": [
          "kind"
        ],
        "properties": {
          "kind": {
            "enum": [
              "ids",
              "filter"
            ]
          }
        },
        "allOf": [
          {
            "if": {
              "properties": {
                "kind": {
                  "const": "ids"
                }
              },
              "required": [
                "kind"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/IdsTarget"
            }
          },
          {
            "if": {
              "properties": {
                "kind": {
                  "const": "filter"
                }
              },
              "required": [
                "kind"
              ]
            },
            "then": {
              "$ref": "#/components/schemas/FilterTarget"
            }
          }
        ]
      },
      "BulkTarget": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "target"
        ],
        "properties": {
          "target": {
            "$ref": "#/components/schemas/BulkTargetSelection"
          },
          "channelIds": {
            "type": "array",
            "description": "The channels to unsubscribe from. Omitted means every channel of the organization.",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "type": "string"
            }
          }
        }
      },
      "LocationCount": {
        "type": "object",
        "required": [
          "locationId",
          "count"
        ],
        "properties": {
          "locationId": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "ChannelTypeCount": {
        "type": "object",
        "required": [
          "channelType",
          "count"
        ],
        "properties": {
          "channelType": {
            "$ref": "#/components/schemas/ChannelType"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "BulkPreview": {
        "type": "object",
        "required": [
          "id",
          "expiresAt",
          "total",
          "willChange",
          "alreadyUnsubscribed",
          "blockedCount",
          "unreachable",
          "sample",
          "breakdown",
          "channelIds"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Names the frozen audience; pass it as `previewId` to `POST /bulk-unsubscribe/jobs`."
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts in the audience (`willChange + alreadyUnsubscribed + unreachable`)."
          },
          "willChange": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts with at least one destination that will become unsubscribed."
          },
          "alreadyUnsubscribed": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts already unsubscribed on every chosen channel (nothing to change)."
          },
          "blockedCount": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts of `total` that are blocked; they are unsubscribed like the others."
          },
          "unreachable": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts with no valid destination for any chosen channel (skipped)."
          },
          "sample": {
            "type": "array",
            "maxItems": 20,
            "description": "Up to 20 contacts of the audience, in list order, for the user to check.",
            "items": {
              "$ref": "#/components/schemas/ContactSummary"
            }
          },
          "breakdown": {
            "type": "object",
            "required": [
              "byLocation",
              "byChannelType"
            ],
            "properties": {
              "byLocation": {
                "type": "array",
                "description": "Audience contacts per location (a contact in two locations counts in both).",
                "items": {
                  "$ref": "#/components/schemas/LocationCount"
                }
              },
              "byChannelType": {
                "type": "array",
                "description": "Audience contacts that will change on at least one channel of each type.",
                "items": {
                  "$ref": "#/components/schemas/ChannelTypeCount"
                }
              }
            }
          },
          "channelIds": {
            "type": "array",
            "description": "The channels the job will unsubscribe from (resolved; every channel when the target omitted them).",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "BulkJobRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "previewId"
        ],
        "properties": {
          "previewId": {
            "type": "string",
            "minLength": 1
          }
        }
      },
      "BulkJobStatus": {
        "type": "string",
        "description": "`queued` → `running` → `completed` | `cancelled` | `failed`; an undo takes `completed` or\n`cancelled` → `undoing` → `undone`.\n\n- **Cancel** takes effect at once: the answer, and every read after it, says `cancelled`\n  with `processed`/`changed` as they were when it stopped; no further contact is changed.\n  What it changed before stays changed until an undo.\n- **A failed job** cannot be undone through the API (`undoExpiresAt` is `null`): what it\n  unsubscribed before failing stays unsubscribed — the side that protects the contacts —\n  and `changed` says how many; `failureReason` says what went wrong. Start a new preview to\n  finish the work, or re-subscribe individually with consent notes.\n- **Undo progress** counts contacts restored in `processed`, out of `changed` (the contacts\n  the job changed), not out of `total`: show `processed / changed` while `undoing`.\n",
        "enum": [
          "queued",
          "running",
          "completed",
          "cancelled",
          "failed",
          "undoing",
          "undone"
        ]
      },
      "BulkJob": {
        "type": "object",
        "required": [
          "id",
          "previewId",
          "status",
          "total",
          "processed",
          "changed",
          "skipped",
          "createdAt",
          "createdBy",
          "finishedAt",
          "undoExpiresAt",
          "failureReason",
          "channelIds"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "previewId": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/BulkJobStatus"
          },
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts in the frozen audience."
          },
          "processed": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts handled so far (`changed + skipped`); during an undo, contacts restored so far."
          },
          "changed": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts with at least one consent record changed by the job."
          },
          "skipped": {
            "type": "integer",
            "minimum": 0,
            "description": "Contacts left as they were (already unsubscribed, unreachable, or deleted since the preview)."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "createdBy": {
            "$ref": "#/components/schemas/Actor"
          },
          "finishedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When it completed, was cancelled, failed or was undone; `null` while it runs."
          },
          "undoExpiresAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "Until when `undo` is accepted; `null` when the job cannot be undone (not finished, failed, already undone)."
          },
          "failureReason": {
            "type": [
              "string",
              "null"
            ],
            "description": "For a `failed` job, what went wrong (`null` otherwise), for people (the job's changes so far stay in place)."
          },
          "channelIds": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "PhrasePolicy": {
        "type": "string",
        "description": "What to do with plain-language opt-out requests (\"please stop texting me\"): `apply` them at once, or queue them for `review` (default).",
        "enum": [
          "apply",
          "review"
        ]
      },
      "Keyword": {
        "type": "string",
        "minLength": 1,
        "maxLength": 50,
        "pattern": "\\S",
        "description": "A keyword, matched against the whole message (case-, accent- and punctuation-insensitive). At most 50 characters; longer (and nothing else wrong) is 422 `validation`."
      },
      "CustomKeywords": {
        "type": "object",
        "description": "Organization keywords, added to the carrier defaults (which they never override).",
        "additionalProperties": false,
        "required": [
          "optOut",
          "optOutAll",
          "optIn",
          "help"
        ],
        "properties": {
          "optOut": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/Keyword"
            }
          },
          "optOutAll": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/Keyword"
            }
          },
          "optIn": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/Keyword"
            }
          },
          "help": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/Keyword"
            }
          }
        }
      },
      "MessagingSettingsInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "optOutScope",
          "phrasePolicy",
          "customKeywords"
        ],
        "properties": {
          "optOutScope": {
            "$ref": "#/components/schemas/OptOutScope"
          },
          "phrasePolicy": {
            "$ref": "#/components/schemas/PhrasePolicy"
          },
          "customKeywords": {
            "$ref": "#/components/schemas/CustomKeywords"
          }
        }
      },
      "MessagingSettings": {
        "type": "object",
        "required": [
          "optOutScope",
          "phrasePolicy",
          "customKeywords",
          "updatedAt",
          "updatedBy"
        ],
        "properties": {
          "optOutScope": {
            "$ref": "#/components/schemas/OptOutScope"
          },
          "phrasePolicy": {
            "$ref": "#/components/schemas/PhrasePolicy"
          },
          "customKeywords": {
            "$ref": "#/components/schemas/CustomKeywords"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedBy": {
            "$ref": "#/components/schemas/Actor",
            "description": "Who saved the settings last (`system` for the defaults)."
          }
        }
      },
      "ScopeReplay": {
        "type": "object",
        "description": "What the replayed replies reach under one scope.",
        "required": [
          "scope",
          "replies",
          "contacts",
          "subscriptions"
        ],
        "properties": {
          "scope": {
            "$ref": "#/components/schemas/OptOutScope"
          },
          "replies": {
            "type": "integer",
            "minimum": 0,
            "description": "Keyword opt-out replies replayed."
          },
          "contacts": {
            "type": "integer",
            "minimum": 0,
            "description": "People reached, each once (a reply from a number no contact has counts as one)."
          },
          "subscriptions": {
            "type": "integer",
            "minimum": 0,
            "description": "Channel subscriptions reached, each (destination, channel) pair once."
          }
        }
      },
      "ScopeImpact": {
        "type": "object",
        "description": "The last 30 days of keyword opt-out replies, under the saved scope and under a proposed one.",
        "required": [
          "from",
          "to",
          "days",
          "current",
          "proposed"
        ],
        "properties": {
          "from": {
            "type": "string",
            "format": "date-time"
          },
          "to": {
            "type": "string",
            "format": "date-time"
          },
          "days": {
            "type": "integer",
            "minimum": 1
          },
          "current": {
            "$ref": "#/components/schemas/ScopeReplay"
          },
          "proposed": {
            "$ref": "#/components/schemas/ScopeReplay"
          }
        }
      },
      "InboundIntent": {
        "type": "string",
        "description": "What an inbound message asks for.",
        "enum": [
          "opt-out",
          "opt-out-all",
          "opt-in",
          "help",
          "none"
        ]
      },
      "Classification": {
        "type": "object",
        "description": "The engine's classification of an inbound message.",
        "required": [
          "intent",
          "match",
          "keyword",
          "language"
        ],
        "properties": {
          "intent": {
            "$ref": "#/components/schemas/InboundIntent"
          },
          "match": {
            "type": "string",
            "description": "`exact` keyword, plain-language `phrase`, `none`, or `carrier` when the messaging provider classified the message itself (Twilio's `OptOutType`): applied at once, with the provider's category (`STOP`, `START`, `HELP`) as `keyword`.",
            "enum": [
              "exact",
              "phrase",
              "carrier",
              "none"
            ]
          },
          "keyword": {
            "type": [
              "string",
              "null"
            ],
            "description": "Canonical upper-case keyword, e.g. `STOP`, for exact matches; the provider's category for `carrier` matches. Never made up from the message text."
          },
          "language": {
            "type": [
              "string",
              "null"
            ],
            "description": "`en` or `fr` for default keywords and phrases; `null` for custom keywords."
          }
        }
      },
      "InboundMessage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "channelId",
          "from",
          "body"
        ],
        "properties": {
          "channelId": {
            "type": "string",
            "minLength": 1,
            "description": "The channel the message came in on."
          },
          "from": {
            "type": "string",
            "minLength": 1,
            "description": "The sender's destination (E.164 phone or email)."
          },
          "body": {
            "type": "string",
            "maxLength": 10000,
            "description": "The message text, as received. At most 10,000 characters; longer is 422 `validation`."
          },
          "receivedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the provider received it; defaults to now."
          },
          "providerMessageId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "description": "The messaging provider's id of this message (Twilio's `MessageSid`). A message id is applied once, ever: a second delivery with the same id changes nothing and answers the first delivery's result, however late it comes (an idempotency key is kept only 24 hours; a replayed START must never undo a later STOP). The client sends it as the `Idempotency-Key` too."
          }
        }
      },
      "TwilioInboundWebhook": {
        "type": "object",
        "description": "Twilio's inbound message parameters (Twilio sends more; they are ignored). A parameter Twilio sends once must appear once: a repeated `From`, `To`, `Body`, `MessageSid` or `OptOutType` is refused (400) instead of one value being picked.",
        "required": [
          "From",
          "To",
          "Body",
          "MessageSid"
        ],
        "additionalProperties": {
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          ]
        },
        "properties": {
          "From": {
            "type": "string",
            "description": "The sender: E.164, or `whatsapp:` and E.164 for WhatsApp (the contact's phone either way)."
          },
          "To": {
            "type": "string",
            "description": "The business number (E.164) that received the message; `whatsapp:` and E.164 selects the WhatsApp channel on that number."
          },
          "Body": {
            "type": "string",
            "maxLength": 10000,
            "description": "The message text. At most 10,000 characters, like `InboundMessage.body`; Twilio itself sends at most 1,600 (SMS) or 4,096 (WhatsApp), so only a forged delivery is refused (422)."
          },
          "MessagingServiceSid": {
            "type": "string",
            "description": "The Twilio Messaging Service the number belongs to; Twilio sends it only for numbers in a Messaging Service, so the channel is found by `To`."
          },
          "OptOutType": {
            "type": "string",
            "description": "Set by Twilio's Advanced Opt-Out when it recognised the message; honoured as the intent.",
            "enum": [
              "STOP",
              "START",
              "HELP"
            ]
          },
          "MessageSid": {
            "type": "string",
            "minLength": 1,
            "description": "Twilio's message id; Twilio sends it with every inbound message and its retries carry the same one. It is applied once, ever (see `InboundMessage.providerMessageId`)."
          },
          "WaId": {
            "type": "string",
            "description": "The WhatsApp id of the sender (WhatsApp only); informational."
          },
          "ProfileName": {
            "type": "string",
            "description": "The sender's WhatsApp profile name (WhatsApp only); informational, never trusted as the contact's name."
          }
        }
      },
      "InboundAction": {
        "type": "string",
        "description": "What the backend did with the message.",
        "enum": [
          "opted-out",
          "opted-in",
          "queued-for-review",
          "help-sent",
          "none"
        ]
      },
      "Confirmation": {
        "type": "object",
        "description": "The one reply sent to the contact.",
        "required": [
          "body",
          "channelId"
        ],
        "properties": {
          "body": {
            "type": "string"
          },
          "channelId": {
            "type": "string"
          }
        }
      },
      "InboundResult": {
        "type": "object",
        "required": [
          "messageId",
          "contactId",
          "contactIds",
          "classification",
          "action",
          "scope",
          "changedChannelIds",
          "confirmation",
          "reviewId"
        ],
        "properties": {
          "messageId": {
            "type": "string"
          },
          "contactId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The contact the sender matched (the first of `contactIds`), or `null`."
          },
          "contactIds": {
            "type": "array",
            "description": "Every contact that has the sender's destination. When several share a number, a STOP reaches the other destinations of each of them (nobody can tell which of them replied), and a START re-subscribes the number alone.",
            "items": {
              "type": "string"
            }
          },
          "classification": {
            "$ref": "#/components/schemas/Classification"
          },
          "action": {
            "$ref": "#/components/schemas/InboundAction"
          },
          "scope": {
            "description": "The scope applied (`organization` for `opt-out-all`), or `null` when nothing was applied.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/OptOutScope"
              },
              {
                "type": "null"
              }
            ]
          },
          "changedChannelIds": {
            "type": "array",
            "description": "Channels whose consent changed (empty when already in that state, or nothing applied).",
            "items": {
              "type": "string"
            }
          },
          "confirmation": {
            "description": "The single confirmation reply the backend sent for this message (the backend sends it, not the host's integration), or `null` when none was sent — also when Twilio's Advanced Opt-Out already replied (`classification.match: carrier`).",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Confirmation"
              },
              {
                "type": "null"
              }
            ]
          },
          "reviewId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The review item created, for `queued-for-review`."
          }
        }
      },
      "EligibilityCheckItem": {
        "type": "object",
        "description": "One pair to check: a channel and either a `destination` (an E.164 phone number or an email address) or a `contactId`, not both. (One object with a required-field choice rather than two alternative objects: the request is validated 1,000 items at a time.)",
        "additionalProperties": false,
        "required": [
          "channelId"
        ],
        "properties": {
          "channelId": {
            "type": "string",
            "minLength": 1
          },
          "destination": {
            "type": "string",
            "minLength": 1,
            "maxLength": 320
          },
          "contactId": {
            "type": "string",
            "minLength": 1
          }
        },
        "anyOf": [
          {
            "required": [
              "destination"
            ]
          },
          {
            "required": [
              "contactId"
            ]
          }
        ],
        "not": {
          "properties": {
            "destination": {},
            "contactId": {}
          },
          "required": [
            "destination",
            "contactId"
          ]
        }
      },
      "EligibilityCheckRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/EligibilityCheckItem"
            }
          }
        }
      },
      "EligibilityCheckAnswer": {
        "type": "object",
        "description": "Whether a message may be sent for one item, and every reason against it.",
        "required": [
          "channelId",
          "destination",
          "contactId",
          "canSend",
          "reasons",
          "usableDestinations",
          "contactIds"
        ],
        "properties": {
          "channelId": {
            "type": "string"
          },
          "destination": {
            "type": [
              "string",
              "null"
            ],
            "description": "The item's destination; `null` for an item naming a contact."
          },
          "contactId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The item's contact; `null` for an item naming a destination."
          },
          "canSend": {
            "type": "boolean"
          },
          "reasons": {
            "type": "array",
            "description": "Every reason against sending, in the engine's order (see `EligibilityReason`), even when a message could still go to another destination.",
            "items": {
              "$ref": "#/components/schemas/EligibilityReason"
            }
          },
          "usableDestinations": {
            "type": "array",
            "description": "Where a message on this channel may go: the contact's usable destinations, or the item's destination when it may be sent to; empty when `canSend` is false.",
            "items": {
              "type": "string"
            }
          },
          "contactIds": {
            "type": "array",
            "description": "For a destination, the contacts that have it (whose blocks and exclusions apply); for a contact, that contact.",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "EligibilityCheckResult": {
        "type": "object",
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "description": "One answer per requested item, in the same order.",
            "items": {
              "$ref": "#/components/schemas/EligibilityCheckAnswer"
            }
          }
        }
      },
      "ConsentEventPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor",
          "hasMore"
        ],
        "properties": {
          "items": {
            "type": "array",
            "description": "Consent, block, exclusion and merge events after the cursor, oldest first.",
            "items": {
              "$ref": "#/components/schemas/AuditEvent"
            }
          },
          "nextCursor": {
            "type": "string",
            "description": "Where to resume: pass it as `since`. Always given; it stays valid as the log grows."
          },
          "hasMore": {
            "type": "boolean",
            "description": "Whether events after `nextCursor` exist now; `false` means up to date."
          }
        }
      },
      "DestinationConsent": {
        "type": "object",
        "required": [
          "destination",
          "kind",
          "valid",
          "records",
          "contacts"
        ],
        "properties": {
          "destination": {
            "type": "string"
          },
          "kind": {
            "$ref": "#/components/schemas/DestinationKind"
          },
          "valid": {
            "type": "boolean",
            "description": "Whether it is a valid destination of its kind (a message can be sent to it at all)."
          },
          "records": {
            "type": "array",
            "description": "The current record of each channel that has one, in the organization's channel order; a channel without one is subscribed by default.",
            "items": {
              "$ref": "#/components/schemas/ConsentRecord"
            }
          },
          "contacts": {
            "type": "array",
            "description": "The contacts whose destinations include it; empty when none does.",
            "items": {
              "$ref": "#/components/schemas/ContactSummary"
            }
          }
        }
      },
      "BulkJobPage": {
        "type": "object",
        "required": [
          "items",
          "total",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/BulkJob"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    }
  }
};

/** Each operation's query and body, by operationId. */
export const requestSchemas: Record<string, RequestSchema> = {
  "getMe": {
    "method": "GET",
    "path": "/me",
    "query": null,
    "body": null
  },
  "getOrganization": {
    "method": "GET",
    "path": "/organization",
    "query": null,
    "body": null
  },
  "listContacts": {
    "method": "GET",
    "path": "/contacts",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "query": {
            "type": "string",
            "maxLength": 200
          },
          "locationId": {
            "$ref": "https://optout.test/contract.json#/components/schemas/LocationIdsFilter"
          },
          "channelId": {
            "type": "string"
          },
          "status": {
            "$ref": "https://optout.test/contract.json#/components/schemas/ContactStatusesFilter"
          },
          "tag": {
            "type": "string"
          },
          "channelType": {
            "$ref": "https://optout.test/contract.json#/components/schemas/ChannelType"
          },
          "sort": {
            "type": "string",
            "enum": [
              "name",
              "-name",
              "status",
              "-status",
              "lastActivity",
              "-lastActivity"
            ],
            "default": "name"
          },
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": [
        "locationId",
        "status"
      ]
    },
    "body": null
  },
  "getContact": {
    "method": "GET",
    "path": "/contacts/{contactId}",
    "query": null,
    "body": null
  },
  "deleteContact": {
    "method": "DELETE",
    "path": "/contacts/{contactId}",
    "query": null,
    "body": null
  },
  "unsubscribeContact": {
    "method": "POST",
    "path": "/contacts/{contactId}/unsubscribe",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/UnsubscribeRequest"
      }
    }
  },
  "resubscribeContact": {
    "method": "POST",
    "path": "/contacts/{contactId}/resubscribe",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/ResubscribeRequest"
      }
    }
  },
  "setChannelExclusions": {
    "method": "PUT",
    "path": "/contacts/{contactId}/channel-exclusions",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/ChannelExclusionsRequest"
      }
    }
  },
  "blockContact": {
    "method": "POST",
    "path": "/contacts/{contactId}/block",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": false,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/BlockRequest"
      }
    }
  },
  "unblockContact": {
    "method": "POST",
    "path": "/contacts/{contactId}/unblock",
    "query": null,
    "body": null
  },
  "mergeContact": {
    "method": "POST",
    "path": "/contacts/{contactId}/merge",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/MergeRequest"
      }
    }
  },
  "listSequenceEnrollments": {
    "method": "GET",
    "path": "/contacts/{contactId}/sequence-enrollments",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": []
    },
    "body": null
  },
  "addContactToSequence": {
    "method": "POST",
    "path": "/contacts/{contactId}/sequence-enrollments",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/SequenceEnrollmentRequest"
      }
    }
  },
  "getSequenceEnrollment": {
    "method": "GET",
    "path": "/contacts/{contactId}/sequence-enrollments/{enrollmentId}",
    "query": null,
    "body": null
  },
  "listConsentHistory": {
    "method": "GET",
    "path": "/contacts/{contactId}/consent-history",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "action": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "$ref": "https://optout.test/contract.json#/components/schemas/AuditAction"
            }
          },
          "actor": {
            "type": "string",
            "minLength": 1
          },
          "channelId": {
            "type": "string",
            "minLength": 1
          },
          "jobId": {
            "type": "string",
            "minLength": 1
          },
          "from": {
            "type": "string",
            "format": "date-time"
          },
          "to": {
            "type": "string",
            "format": "date-time"
          },
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": [
        "action"
      ]
    },
    "body": null
  },
  "listContactReviews": {
    "method": "GET",
    "path": "/contacts/{contactId}/reviews",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "status": {
            "$ref": "https://optout.test/contract.json#/components/schemas/ReviewStatus"
          },
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": []
    },
    "body": null
  },
  "listReviews": {
    "method": "GET",
    "path": "/reviews",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "status": {
            "$ref": "https://optout.test/contract.json#/components/schemas/ReviewStatus",
            "default": "pending"
          },
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": []
    },
    "body": null
  },
  "applyReview": {
    "method": "POST",
    "path": "/reviews/{reviewId}/apply",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": false,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/ReviewApplyRequest"
      }
    }
  },
  "dismissReview": {
    "method": "POST",
    "path": "/reviews/{reviewId}/dismiss",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/ReviewDismissRequest"
      }
    }
  },
  "createBulkUnsubscribePreview": {
    "method": "POST",
    "path": "/bulk-unsubscribe/previews",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/BulkTarget"
      }
    }
  },
  "listBulkUnsubscribeJobs": {
    "method": "GET",
    "path": "/bulk-unsubscribe/jobs",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": []
    },
    "body": null
  },
  "startBulkUnsubscribeJob": {
    "method": "POST",
    "path": "/bulk-unsubscribe/jobs",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/BulkJobRequest"
      }
    }
  },
  "getBulkUnsubscribeJob": {
    "method": "GET",
    "path": "/bulk-unsubscribe/jobs/{jobId}",
    "query": null,
    "body": null
  },
  "cancelBulkUnsubscribeJob": {
    "method": "POST",
    "path": "/bulk-unsubscribe/jobs/{jobId}/cancel",
    "query": null,
    "body": null
  },
  "undoBulkUnsubscribeJob": {
    "method": "POST",
    "path": "/bulk-unsubscribe/jobs/{jobId}/undo",
    "query": null,
    "body": null
  },
  "getMessagingSettings": {
    "method": "GET",
    "path": "/settings/messaging",
    "query": null,
    "body": null
  },
  "updateMessagingSettings": {
    "method": "PUT",
    "path": "/settings/messaging",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/MessagingSettingsInput"
      }
    }
  },
  "getOptOutScopeImpact": {
    "method": "GET",
    "path": "/settings/messaging/scope-impact",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "scope": {
            "$ref": "https://optout.test/contract.json#/components/schemas/OptOutScope"
          }
        },
        "required": [
          "scope"
        ]
      },
      "numeric": [],
      "boolean": [],
      "repeated": []
    },
    "body": null
  },
  "receiveInboundMessage": {
    "method": "POST",
    "path": "/inbound-messages",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/InboundMessage"
      }
    }
  },
  "receiveTwilioWebhook": {
    "method": "POST",
    "path": "/webhooks/twilio/inbound",
    "query": null,
    "body": {
      "contentType": "application/x-www-form-urlencoded",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/TwilioInboundWebhook"
      }
    }
  },
  "listAuditEvents": {
    "method": "GET",
    "path": "/audit-events",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "action": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "$ref": "https://optout.test/contract.json#/components/schemas/AuditAction"
            }
          },
          "actor": {
            "type": "string",
            "minLength": 1
          },
          "channelId": {
            "type": "string",
            "minLength": 1
          },
          "jobId": {
            "type": "string",
            "minLength": 1
          },
          "from": {
            "type": "string",
            "format": "date-time"
          },
          "to": {
            "type": "string",
            "format": "date-time"
          },
          "includeTotal": {
            "type": "boolean",
            "default": false
          },
          "cursor": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [
        "includeTotal"
      ],
      "repeated": [
        "action"
      ]
    },
    "body": null
  },
  "checkEligibility": {
    "method": "POST",
    "path": "/eligibility-checks",
    "query": null,
    "body": {
      "contentType": "application/json",
      "required": true,
      "schema": {
        "$ref": "https://optout.test/contract.json#/components/schemas/EligibilityCheckRequest"
      }
    }
  },
  "listConsentEvents": {
    "method": "GET",
    "path": "/consent-events",
    "query": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "since": {
            "type": "string"
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 200,
            "default": 50
          }
        },
        "required": []
      },
      "numeric": [
        "limit"
      ],
      "boolean": [],
      "repeated": []
    },
    "body": null
  },
  "getDestinationConsent": {
    "method": "GET",
    "path": "/destinations/{destination}/consent",
    "query": null,
    "body": null
  },
  "getReview": {
    "method": "GET",
    "path": "/reviews/{reviewId}",
    "query": null,
    "body": null
  },
  "getBulkUnsubscribePreview": {
    "method": "GET",
    "path": "/bulk-unsubscribe/previews/{previewId}",
    "query": null,
    "body": null
  }
};
