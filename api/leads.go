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
	op := "get lead " + strconv.FormatInt(id, 10)
	if id <= 0 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Err: fmt.Errorf("%w: lead IDs are positive numbers", ErrBadID)}
	}
	ref := &url.URL{Path: "/api/v4/leads/" + strconv.FormatInt(id, 10), RawQuery: "with=" + leadWith}
	resp, err := c.get(ctx, op, ref)
	if err != nil {
		return nil, err
	}
	if resp.status == http.StatusNoContent {
		// Kommo answers some missing leads with 204 and no body.
		return nil, &Error{Kind: ErrNotFound, Op: op, Status: resp.status, RequestID: resp.requestID}
	}
	lead, err := decodeLead(op, resp)
	if err != nil {
		return nil, err
	}
	if lead.ID != id {
		// Shown (and cached) as the lead asked for, another lead would
		// mislead; the server is at fault.
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: fmt.Sprintf("the server answered lead %d for lead %d", lead.ID, id)}
	}
	return lead, nil
}

func decodeLead(op string, resp *response) (*Lead, error) {
	// One validation pass, then the lenient walk; json.Unmarshal would scan
	// the body a second time before handing it to Lead.UnmarshalJSON.
	if !json.Valid(resp.body) {
		var probe any
		return nil, badJSON(op, resp, json.Unmarshal(resp.body, &probe))
	}
	var lead Lead
	if firstByte(resp.body) != '{' {
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "the server sent unexpected JSON (a lead must be a JSON object)"}
	}
	lead.decodeLooseJSON(resp.body)
	if lead.ID <= 0 {
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "the response holds no lead (no id)"}
	}
	lead.Raw = resp.body
	return &lead, nil
}
