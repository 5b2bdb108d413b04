package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// leadWith asks for everything the lead view shows in one request. Kommo's
// own table spells "source" with a Cyrillic "с"; this is plain ASCII.
const leadWith = "contacts,catalog_elements,loss_reason,is_price_modified_by_robot,source_id,source"

// GetLead fetches one lead with its linked IDs. Lead.Raw holds the body
// exactly as received. A missing lead (204 or 404) matches ErrNotFound; a
// body holding another lead than id is ErrBadResponse.
func (c *Client) GetLead(ctx context.Context, id int64) (*Lead, error) {
	op, resp, err := c.leadBody(ctx, id)
	if err != nil {
		return nil, err
	}
	var lead Lead
	lead.decodeLooseJSON(resp.body)
	if err := checkLeadID(op, resp, lead.ID, id); err != nil {
		return nil, err
	}
	lead.Raw = resp.body
	return &lead, nil
}

// GetLeadJSON fetches one lead as GetLead does and checks it the same way
// (JSON, an object, the lead asked for), but returns the body as received
// without decoding its fields: printing a lead as it came then costs its
// body alone, however many values it holds.
func (c *Client) GetLeadJSON(ctx context.Context, id int64) ([]byte, error) {
	op, resp, err := c.leadBody(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := checkLeadID(op, resp, rawID(resp.body), id); err != nil {
		return nil, err
	}
	return resp.body, nil
}

// leadBody asks for lead id and returns a body that is a JSON object.
func (c *Client) leadBody(ctx context.Context, id int64) (string, *response, error) {
	op := "get lead " + strconv.FormatInt(id, 10)
	if id <= 0 {
		return op, nil, &Error{Kind: ErrBadRequest, Op: op, Err: fmt.Errorf("%w: lead IDs are positive numbers", ErrBadID)}
	}
	ref := &url.URL{Path: "/api/v4/leads/" + strconv.FormatInt(id, 10), RawQuery: "with=" + leadWith}
	resp, err := c.get(ctx, op, ref)
	if err != nil {
		return op, nil, err
	}
	if resp.status == http.StatusNoContent {
		// Kommo answers some missing leads with 204 and no body.
		return op, nil, &Error{Kind: ErrNotFound, Op: op, Status: resp.status, RequestID: resp.requestID}
	}
	if !json.Valid(resp.body) {
		var probe any
		return op, nil, badJSON(op, resp, json.Unmarshal(resp.body, &probe))
	}
	if firstByte(resp.body) != '{' {
		return op, nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "the server sent unexpected JSON (a lead must be a JSON object)"}
	}
	return op, resp, nil
}

// checkLeadID refuses a body without a lead, or holding another lead than
// the one asked for: shown (and cached) as the lead asked for, it would
// mislead. Either way the server is at fault.
func checkLeadID(op string, resp *response, got, asked int64) error {
	switch {
	case got <= 0:
		return &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "the response holds no lead (no id)"}
	case got != asked:
		return &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: fmt.Sprintf("the server answered lead %d for lead %d", got, asked)}
	}
	return nil
}
