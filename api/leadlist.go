package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// LeadPage is one page of a lead list.
type LeadPage struct {
	// Leads in the server's order; each Lead.Raw is that lead's JSON object
	// exactly as Kommo sent it (a copy, so the page body can be freed).
	Leads []Lead
	// Page is the page number asked for, from 1.
	Page int
	// HasNext: Kommo linked a next page (_links.next) and this one was not
	// empty. Kommo sends no totals.
	HasNext bool
	// Dropped counts leads beyond MaxLeadPageSize that a server ignoring
	// `limit` sent anyway: they are not kept, so one page never holds more
	// than MaxLeadPageSize leads however large the body.
	Dropped int
	// ContactSearchErr is set by SearchLeads when its contact search failed:
	// Leads then hold the lead search alone.
	ContactSearchErr error
}

// ListLeads fetches page (from 1) of the leads q asks for: one request,
// never more. A 204 is an empty page. The caller pages, following HasNext,
// and should drop leads it already has by ID: a list that changes while it
// is paged can repeat a lead on the next page.
func (c *Client) ListLeads(ctx context.Context, q LeadQuery, page int) (*LeadPage, error) {
	op := "list leads"
	if page > 1 {
		op += " (page " + strconv.Itoa(page) + ")"
	}
	if page < 1 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Detail: fmt.Sprintf("page %d: pages are numbered from 1", page)}
	}
	ref := &url.URL{Path: "/api/v4/leads", RawQuery: q.values(page).Encode()}
	return c.fetchLeadPage(ctx, op, ref, page)
}

func (c *Client) fetchLeadPage(ctx context.Context, op string, ref *url.URL, page int) (*LeadPage, error) {
	resp, err := c.get(ctx, op, ref)
	if err != nil {
		return nil, err
	}
	if resp.status == http.StatusNoContent {
		return &LeadPage{Page: page}, nil
	}
	p, err := decodeLeadPage(op, resp, MaxLeadPageSize)
	if err != nil {
		return nil, err
	}
	p.Page = page
	return p, nil
}

// decodeLeadPage reads _embedded.leads and _links.next of a list page,
// keeping at most keep leads. Members that are not objects or have no id
// are skipped; only a body that is not a JSON object is an error.
func decodeLeadPage(op string, resp *response, keep int) (*LeadPage, error) {
	fields, err := listFields(op, resp, "leads")
	if err != nil {
		return nil, err
	}
	p := &LeadPage{}
	if embedded, ok := objectFields(fields["_embedded"]); ok {
		p.Leads, p.Dropped = decodeLeadItems(embedded["leads"], keep)
	}
	var links struct {
		Links Links `json:"_links"`
	}
	decodeLoose(resp.body, &links)
	p.HasNext = links.Links.Next.Href != "" && len(p.Leads) > 0
	return p, nil
}

func decodeLeadItems(list []byte, keep int) ([]Lead, int) {
	var leads []Lead
	dropped := 0
	eachItem(list, func(raw []byte) bool {
		if firstByte(raw) != '{' {
			return true
		}
		if len(leads) >= keep {
			dropped++
			return true
		}
		var l Lead
		l.decodeLooseJSON(raw)
		if l.ID > 0 {
			l.Raw = append([]byte(nil), raw...)
			leads = append(leads, l)
		}
		return true
	})
	return leads, dropped
}

// eachItem calls fn with each member of a JSON list (or of the object PHP
// makes of a sparse list) until fn returns false. Unlike looseItems it
// holds no slice of the members, so a list of millions costs nothing extra.
func eachItem(list []byte, fn func(raw []byte) bool) {
	switch firstByte(list) {
	case '[':
		stopped := false
		eachElement(list, func(raw []byte) {
			if !stopped && !fn(raw) {
				stopped = true
			}
		})
	case '{':
		for _, raw := range looseItems(list) {
			if !fn(raw) {
				return
			}
		}
	}
}
