package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// GetLeadRaw fetches one lead as GetLead does (same request, same errors)
// but returns only the body exactly as Kommo sent it, for `get --json`:
// the body is validated and its id checked, nothing else is decoded.
func (c *Client) GetLeadRaw(ctx context.Context, id int64) ([]byte, error) {
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
		return nil, &Error{Kind: ErrNotFound, Op: op, Status: resp.status, RequestID: resp.requestID}
	}
	if !json.Valid(resp.body) {
		var probe any
		return nil, badJSON(op, resp, json.Unmarshal(resp.body, &probe))
	}
	if firstByte(resp.body) != '{' {
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "the server sent unexpected JSON (a lead must be a JSON object)"}
	}
	if rawLeadID(resp.body) <= 0 {
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
			Detail: "the response holds no lead (no id)"}
	}
	return resp.body, nil
}

// rawLeadID is the top-level "id" of a validated lead body, 0 when the
// body is not an object or has no usable id.
func rawLeadID(body []byte) int64 {
	var id int64
	eachMember(body, func(key, value []byte) {
		if string(key) == "id" {
			id, _ = looseInt(value)
		}
	})
	return id
}
