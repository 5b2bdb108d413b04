// Package sandbox is a Kommo-compatible HTTP server on loopback with seeded,
// deterministic data and switchable faults. Tests, benchmarks and
// `leadscope --demo` talk to it over real HTTP exactly as they would talk to
// https://{subdomain}.kommo.com. It shares no code with package api, so the
// client is tested against Kommo's wire format, not against itself.
//
// # Starting
//
//	srv, err := sandbox.Start(sandbox.Options{})   // 127.0.0.1:0
//	defer srv.Close()
//	// base URL: srv.URL(), bearer token: sandbox.Token
//
// New returns the same server as an http.Handler without listening (e.g. for
// httptest.NewServer). The command api/sandbox/cmd/kommo-sandbox runs one
// and prints "url=..." and "token=..." lines.
//
// # API (Kommo v4 shapes; answers are application/hal+json)
//
//   - GET /api/v4/leads/{id}: the lead with _embedded.tags and companies always;
//     `with` (comma separated) adds contacts, catalog_elements, loss_reason,
//     is_price_modified_by_robot, source_id, source. A missing lead answers 204
//     with no body (404 with Faults.MissingLead404).
//   - GET /api/v4/leads, /api/v4/contacts, /api/v4/companies, /api/v4/catalogs/{id}/elements,
//     /api/v4/catalogs, /api/v4/users: filter[id][]=1&filter[id][]=2 (or
//     filter[id]=1,2), limit (default 50, over 250 is 422), page; _links.next
//     only when another page follows; 204 with no body when nothing matches.
//   - GET /api/v4/leads also takes Kommo's lead search and filters: query
//     (case-insensitive, in the name and custom field values), filter[pipeline_id][],
//     filter[responsible_user_id][], filter[statuses][i][pipeline_id|status_id]
//     pairs, filter[created_at|updated_at|closed_at|closest_task_at][from|to]
//     (unix; a lead without that time is in no range), order[updated_at|created_at|id]=asc|desc
//     (default: ID order), and `with` as for one lead. Other filters and orders
//     are refused with 400 rather than ignored. Pages are assembled from cached
//     lead bodies. Faults.FiltersDisabled makes it ignore every filter[...] as
//     accounts without the API filter feature do (query and order still apply).
//   - GET /api/v4/contacts: query matches names and field values
//     case-insensitively, and phones by their digits whatever the
//     punctuation; with=leads adds _embedded.leads[]{id}. Companies take
//     with=leads,contacts likewise.
//   - GET /api/v4/contacts/{id}, /api/v4/companies/{id} (same `with`),
//     /api/v4/catalogs/{id}/elements/{element_id}: one record; a missing one
//     answers 204 (404 with Faults.MissingLead404), an unknown catalog 404.
//   - GET /api/v4/leads/pipelines: pipelines with _embedded.statuses (142 won and
//     143 lost in each, hex colours).
//   - GET /api/v4/account: name, subdomain, current_user_id, currency "USD", currency_symbol "$";
//     `with` adds is_api_filter_enabled (false under Options.APIFilterDisabled or
//     Faults.FiltersDisabled, which also make the lead list ignore filter[...]) and
//     _embedded.datetime_settings (AccountTimezone, a zone west of UTC),
//     task_types (1 Follow-up, 2 Meeting, TaskTypeQuote) and users_groups.
//   - GET /api/v4/leads/{id}/notes: _embedded.notes {id, entity_id, created_by, updated_by,
//     created_at, updated_at, responsible_user_id, group_id, note_type, params}; filter[note_type][],
//     order[id] or order[updated_at] (asc|desc, default ID order), limit ≤ 250 (422 above), page.
//   - GET /api/v4/events?filter[entity]=lead&filter[entity_id][]=ID: _embedded.events {id (a
//     string), type, entity_id, entity_type "lead", created_by, created_at, value_before[],
//     value_after[]}; filter[type][]; at most 10 IDs, and IDs need filter[entity] (400 otherwise);
//     limit ≤ 100 (EventsPageLimit, 422 above). Kommo does not document the order: newest first
//     here, oldest first with Options.EventsOldestFirst.
//   - GET /api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=ID: _embedded.tasks {id, text,
//     task_type_id, responsible_user_id, entity_id, entity_type, is_completed, complete_till,
//     duration, result ([] when empty, else {text})}; filter[is_completed]=0|1,
//     filter[responsible_user_id][], order[complete_till|created_at|id], limit ≤ 250.
//   - GET /api/v4/{leads|contacts|companies}/custom_fields and .../custom_fields/groups: the
//     definitions of every field the seeded entities carry ({id, name, type, code, sort, group_id,
//     enums (null without options)...}, _total_items) and the leads' groups ({id (a string), name, sort}).
//
// Story endpoints page like the lists (204 when empty, _links.next only when
// another page follows) and count as EndpointNotes, EndpointEvents,
// EndpointTasks and EndpointCustomFields.
//
// Every answer carries X-Request-Id. Errors are application/problem+json
// {"title","type","status","detail"}. /api/ requests need
// "Authorization: Bearer T" where T is Token, an Options.ExtraTokens or
// AddToken token, or an unexpired access token issued through OAuth; anything
// else is 401.
//
// # Rate limit
//
// More than Options.RateLimit (default 7) /api/ requests in any one-second
// sliding window, measured at arrival, are answered 429 with retry_after in
// the body and a Retry-After header (unless Options.OmitRetryAfterHeader).
// Refused requests count towards the window. RateLimited counts those 429s.
// Clients should keep a few milliseconds of margin: arrival times include network jitter.
//
// # Faults
//
// SetFaults switches a Faults value at run time (safe for concurrent use);
// ClearFaults restores a well-behaved server. Faults.Path and Faults.Endpoint
// choose the requests hit (default: every /api/ request); Latency delays them;
// Fault is injected into the first Times of them (0: all, until changed):
// FaultStatus (problem+json with Status: 402, 403, 429 with RetryAfter, 500,
// 502, 503, 504...), FaultBlockedHTML (403 nginx text/html page),
// FaultMalformedJSON, FaultTruncatedBody (Content-Length larger than what is
// sent), FaultCutJSON (half the JSON with a matching length),
// FaultWrongContentType (text/plain), FaultHugeBody (HugeBytes, default 50 MiB,
// streamed), FaultStall (hangs until the client or the server gives up),
// FaultDropConnection (closes the connection unanswered). MissingLead404 (also
// for contacts, companies and catalog elements), UsersForbidden (403 on
// /users, as for a non-admin user) and FiltersDisabled are modes that apply
// to every request. Injected answers replace the whole answer, before the
// token is checked; the body faults damage the real answer. The unknown custom field type is part of the data
// (LeadAllFieldTypes, UnknownFieldType), not a fault.
//
// Hostile-data faults answer after the token check with well-formed Kommo
// JSON that is too much, generated as it is written so the sandbox never
// holds more than one answer; requests they do not concern answer as usual
// (and do not count towards Times):
//   - FaultEndlessPages: every list (users, catalogs, pipelines, contacts,
//     companies, leads, catalog elements) answers page after page of
//     Faults.Count fresh entities (default 250, IDs from 7,000,000,000 up,
//     whatever filter[id][] asked) with names padding each page to
//     Faults.PageBytes (default DefaultPageBytes, just under 8 MiB), and a
//     _links.next to the following page, forever.
//   - FaultDeepJSON: the lead asked for gains Faults.Count custom fields
//     (default 1) whose value is nested Faults.Depth arrays deep (default
//     8000): a ~20 KB lead; Count 464 makes it ~8 MiB.
//   - FaultManyFieldValues: the lead gains Faults.Count numeric values
//     (default 450,000, ~7 MB), 1000 per generated custom field.
//   - FaultManyCatalogs: the lead links one element in each of Faults.Count
//     lists (default 100), and every list's elements endpoint pages as
//     FaultEndlessPages does, never answering the linked elements. Leave
//     Faults.Endpoint empty: the fault spans leads and catalog elements.
//
// # Counting
//
// Requests(endpoint) counts requests by endpoint name (the Endpoint*
// constants), whatever they were answered, including 429s and faults;
// TotalRequests, RequestCounts and ResetCounts complete it.
//
// # OAuth (Kommo's flow, for the login code)
//
//   - GET /oauth?client_id=..&state=..&mode=post_message[&code_challenge=..&code_challenge_method=S256]
//     renders a consent page with buttons #allow and #deny (an unknown client_id
//     gets a 400 page). The form posts back to /oauth and is answered 302 to
//     Options.RedirectURI with code, state, referer (the sandbox's host:port or
//     Options.Referer) and client_id; Deny sends error=access_denied, state, client_id.
//   - POST /oauth2/access_token, form or JSON body, client_id and client_secret
//     in the body: grant_type=authorization_code (code single-use, expires after
//     CodeTTL, redirect_uri must match; with a code_challenge the S256
//     code_verifier must match; a code_verifier for a code issued without a
//     challenge is refused) and grant_type=refresh_token with rotation: the
//     presented refresh token stays valid until the new one is first used,
//     later it is answered 401 with "hint":"Token has been revoked". Refused
//     requests are 400/401 problem+json with hint, error and error_description.
//     Success is {token_type "Bearer", expires_in, access_token, refresh_token}.
//
// IssueTokens, ExpireAccessTokens, RevokeAll, RefreshCount and
// SpentRefreshReuses let tests set up and check sessions.
//
// # Data
//
// The seeded leads are listed by LeadIDs; the notable ones have constants
// (LeadBasic, LeadNoContacts, LeadOneOfEach, LeadManyLinks, LeadAllFieldTypes,
// LeadLost, LeadLostObject, LeadWon, LeadEscapes, LeadHuge, LeadUnknownUser,
// LeadPartners) and LeadMissing never exists. Names tests can assert on are
// constants too (LeadBasicStageName, LeadBasicContactName, LeadBasicProductName ...).
// Those hand-made leads are dated around 2024-05-01.
//
// Besides them, BulkLeads generated leads (BulkLeadIDs) spread over three
// pipelines (Sales, Partnerships, Renewals), five responsible users, every
// stage, won and lost, with prices, tags, contacts and companies, named in
// many scripts (Latin, Cyrillic, Greek, CJK, Hangul, Arabic, Hebrew,
// Devanagari, Thai, an emoji). Their times count back from the server's
// start (Options.Now if set), to the minute: some were updated in the last
// minutes, some tasks are overdue, others due. The data is the same for
// every server started in the same minute (and with the same Options.Now).
// Constants name what tests assert on: ContactManyLeads (50 leads across
// pipelines), CompanyManyLeads (leads and contacts), SearchPhone and
// SearchEmail (contacts search can find; SearchPhoneLeads when merged with
// the lead search), ContactMissing, CompanyMissing. Catalog elements carry
// SKU, price, unit, stock and description fields.
//
// Every lead has a story consistent with its fields (its last stage change
// ends in its stage, its soonest open task is its closest_task_at): created,
// moved from its pipeline's first stage, one note. The notable stories:
// LeadBasic carries every note type (NoteTypes, UnknownNoteType), every event
// type (EventTypes, UnknownEventType) and open and done tasks; LeadStages moved
// through five stages over eight weeks across two pipelines (LeadStagesHistory)
// and has an overdue task; LeadHuge has HugeNotes notes, HugeEvents events
// (some sharing a second) and HugeTasks tasks; LeadEscapes has terminal
// escapes in notes, events and tasks; LeadNoStory has nothing at all. Seeded
// times are anchored at SeedEpoch.
//
// The data comes in the shapes Kommo sends rather than the ones its
// reference documents where they differ: date and birthday values are
// midnight in AccountTimezone, loss_reason is a one-element array
// (LeadLostObject has the documented object), prices may be numeric strings,
// older multitext values name their kind in "enum", some tags have no color
// key, fields carry is_computed, and most leads' score and labor_cost are null.
package sandbox
