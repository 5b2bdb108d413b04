package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// GetContact fetches one contact with its leads' IDs (with=leads) and its
// companies; Contact.Raw holds the body as received. One request. A missing
// contact (204 or 404) matches ErrNotFound.
func (c *Client) GetContact(ctx context.Context, id int64) (*Contact, error) {
	op := "get contact " + strconv.FormatInt(id, 10)
	resp, err := c.getRecord(ctx, op, id, "/api/v4/contacts/"+strconv.FormatInt(id, 10), "with=leads")
	if err != nil {
		return nil, err
	}
	var contact Contact
	contact.decodeLooseJSON(resp.body)
	if contact.ID <= 0 {
		return nil, noRecord(op, resp, "contact")
	}
	contact.Raw = resp.body
	return &contact, nil
}

// GetCompany fetches one company with its leads' and contacts' IDs
// (with=leads,contacts); Company.Raw holds the body as received. One
// request. A missing company (204 or 404) matches ErrNotFound.
func (c *Client) GetCompany(ctx context.Context, id int64) (*Company, error) {
	op := "get company " + strconv.FormatInt(id, 10)
	resp, err := c.getRecord(ctx, op, id, "/api/v4/companies/"+strconv.FormatInt(id, 10), "with=leads,contacts")
	if err != nil {
		return nil, err
	}
	var company Company
	company.decodeLooseJSON(resp.body)
	if company.ID <= 0 {
		return nil, noRecord(op, resp, "company")
	}
	company.Raw = resp.body
	return &company, nil
}

// GetCatalogElement fetches one element of a list (catalog). One request. A
// missing element (204 or 404) matches ErrNotFound.
func (c *Client) GetCatalogElement(ctx context.Context, catalogID, id int64) (*CatalogElement, error) {
	op := fmt.Sprintf("get element %d of list %d", id, catalogID)
	if catalogID <= 0 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Detail: "a list ID must be positive"}
	}
	path := fmt.Sprintf("/api/v4/catalogs/%d/elements/%d", catalogID, id)
	resp, err := c.getRecord(ctx, op, id, path, "")
	if err != nil {
		return nil, err
	}
	var e CatalogElement
	e.decodeLooseJSON(resp.body)
	if e.ID <= 0 {
		return nil, noRecord(op, resp, "element")
	}
	if e.CatalogID == 0 {
		e.CatalogID = catalogID
	}
	return &e, nil
}

// getRecord GETs one entity and checks that a JSON object came back.
func (c *Client) getRecord(ctx context.Context, op string, id int64, path, query string) (*response, error) {
	if id <= 0 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Err: fmt.Errorf("%w: IDs are positive numbers", ErrBadID)}
	}
	resp, err := c.get(ctx, op, &url.URL{Path: path, RawQuery: query})
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
			Detail: "the server sent unexpected JSON (expected an object)"}
	}
	return resp, nil
}

func noRecord(op string, resp *response, what string) *Error {
	return &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID,
		Detail: "the response holds no " + what + " (no id)"}
}

// LeadsByID resolves lead IDs into leads (each with Raw), in the order of
// ids, without duplicates; IDs Kommo does not know are left out. One
// request per 250 IDs when the server pages as asked, at most
// maxPagesPerBatch per 250 when it does not (an account that ignores
// filter[id] sends every lead: only the asked ones are kept).
func (c *Client) LeadsByID(ctx context.Context, ids []int64) ([]Lead, error) {
	ids = UniqueIDs(ids)
	found := make(map[int64]Lead, len(ids))
	for start := 0; start < len(ids); start += maxPageSize {
		batch := ids[start:min(start+maxPageSize, len(ids))]
		if err := c.leadBatch(ctx, batch, found); err != nil {
			return nil, err
		}
	}
	out := make([]Lead, 0, len(found))
	for _, id := range ids {
		if l, ok := found[id]; ok {
			out = append(out, l)
		}
	}
	return out, nil
}

func (c *Client) leadBatch(ctx context.Context, batch []int64, found map[int64]Lead) error {
	want := make(map[int64]bool, len(batch))
	for _, id := range batch {
		want[id] = true
	}
	q := LeadQuery{IDs: batch, Limit: len(batch), Sort: LeadSort{Field: SortID, Ascending: true}}
	missing := len(batch)
	for page := 1; page <= maxPagesPerBatch && missing > 0; page++ {
		ref := &url.URL{Path: "/api/v4/leads", RawQuery: q.values(page).Encode()}
		p, err := c.fetchLeadPage(ctx, "load leads", ref, page)
		if err != nil {
			return err
		}
		for _, l := range p.Leads {
			if want[l.ID] {
				if _, dup := found[l.ID]; !dup {
					missing--
				}
				found[l.ID] = l
			}
		}
		if !p.HasNext {
			break
		}
	}
	return nil
}

// ContactWebURL is the contact's page in Kommo's web interface.
func (c *Client) ContactWebURL(id int64) string {
	return c.base.String() + "/contacts/detail/" + strconv.FormatInt(id, 10)
}

// CompanyWebURL is the company's page in Kommo's web interface.
func (c *Client) CompanyWebURL(id int64) string {
	return c.base.String() + "/companies/detail/" + strconv.FormatInt(id, 10)
}
