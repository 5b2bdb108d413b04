package api

import (
	"encoding/json"
	"net/url"
)

// decodeJSON decodes a checked 2xx body; only invalid JSON fails, odd
// shapes are absorbed by the lenient model decoders.
func decodeJSON(op string, resp *response, v any) error {
	if err := json.Unmarshal(resp.body, v); err != nil {
		return badJSON(op, resp, err)
	}
	return nil
}

func badJSON(op string, resp *response, err error) *Error {
	what := "unexpected JSON"
	if !json.Valid(resp.body) {
		what = "malformed JSON"
	}
	return &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
		Detail: "the server sent " + what + " (" + err.Error() + ")", Err: err}
}

// listFields are the fields of a list endpoint's answer, which must be a
// JSON object; key names what its _embedded should hold, for the error.
func listFields(op string, resp *response, key string) (map[string]json.RawMessage, error) {
	if !json.Valid(resp.body) {
		var probe any
		return nil, badJSON(op, resp, json.Unmarshal(resp.body, &probe))
	}
	fields, ok := objectFields(resp.body)
	if !ok {
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "expected a JSON object with _embedded." + key}
	}
	return fields, nil
}

// decodePage reads one page of a list endpoint: the items under
// _embedded[key] and the _links.next reference. An item that is not an
// object, or that wanted (when set) refuses, is skipped before it is
// decoded; past maxPageSize items the page is not read further (Kommo never
// sends more). offered counts the items on the page, skipped or not. A page
// that is not an object is malformed.
func decodePage[T any](op string, resp *response, key string, wanted func(raw []byte) bool) (items []T, offered int, next string, err error) {
	fields, err := listFields(op, resp, key)
	if err != nil {
		return nil, 0, "", err
	}
	if embedded, ok := objectFields(fields["_embedded"]); ok {
		for _, raw := range looseItems(embedded[key]) {
			if offered == maxPageSize {
				break
			}
			if firstByte(raw) != '{' {
				continue
			}
			offered++
			if wanted != nil && !wanted(raw) {
				continue
			}
			var item T
			if decodeItem(raw, &item) {
				items = append(items, item)
			}
		}
	}
	var links struct {
		Links Links `json:"_links"`
	}
	decodeLoose(resp.body, &links)
	return items, offered, links.Links.Next.Href, nil
}

// nextPageRef turns a _links.next href into a reference on the account's
// own origin: only its path and query are used, so the token never follows
// a link to another host.
func nextPageRef(href string) *url.URL {
	if href == "" {
		return nil
	}
	u, err := url.Parse(href)
	if err != nil || u.Path == "" {
		return nil
	}
	return &url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery}
}

// decodeItem fills one list member, through its lenient decoder when it has
// one (the page was validated already).
func decodeItem[T any](raw []byte, item *T) bool {
	if d, ok := any(item).(looseDecoder); ok {
		return d.decodeLooseJSON(raw)
	}
	return json.Unmarshal(raw, item) == nil
}

// rawID reads only the "id" member of an entity, for skipping the ones not
// asked for without decoding them.
func rawID(raw []byte) int64 {
	var probe struct {
		ID int64 `json:"id"`
	}
	decodeLoose(raw, &probe)
	return probe.ID
}
