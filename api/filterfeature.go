package api

import (
	"context"
	"net/http"
	"net/url"
)

// AccountWithFilterFeature is Account plus whether Kommo applies
// filter[...] parameters on this account (GET
// /api/v4/account?with=is_api_filter_enabled): accounts without the
// feature ignore them and list everything. filtersOn is nil when the
// account does not say. One request, in place of Account's.
func (c *Client) AccountWithFilterFeature(ctx context.Context) (a *Account, filtersOn *bool, err error) {
	const op = "load account"
	resp, err := c.get(ctx, op, &url.URL{Path: "/api/v4/account", RawQuery: "with=is_api_filter_enabled"})
	if err != nil {
		return nil, nil, err
	}
	if resp.status == http.StatusNoContent {
		return nil, nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID, Detail: "the server sent no account"}
	}
	if firstByte(resp.body) != '{' {
		if err := decodeJSON(op, resp, new(any)); err != nil {
			return nil, nil, err
		}
		return nil, nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID, Detail: "expected the account as a JSON object"}
	}
	var account Account
	if err := decodeJSON(op, resp, &account); err != nil {
		return nil, nil, err
	}
	var flag struct {
		Enabled *bool `json:"is_api_filter_enabled"`
	}
	decodeLoose(resp.body, &flag)
	return &account, flag.Enabled, nil
}
