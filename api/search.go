package api

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// maxContactSearchLeads bounds the leads a contact search adds to the first
// page: one filter[id][] request's worth. A phone or an e-mail names a few
// contacts with a few leads; more means the query is not that specific.
const maxContactSearchLeads = maxPageSize

// SearchLeads is ListLeads that also finds leads through their contacts.
// On page 1 of a query that looks like a phone number or an e-mail address
// (LooksLikePhoneOrEmail), Kommo's lead search alone would miss leads whose
// contact has that phone, so it also asks /api/v4/contacts?query=…&with=leads
// and then those leads by ID (with q's other conditions), and merges them
// into the page: no duplicates, in q's order. That page costs 3 requests
// (2 when no contact matches) in 2 round trips, and may hold more than the
// page size; it keeps Kommo's HasNext. Every other page, and every other
// query, is ListLeads: 1 request. Later pages can repeat a lead page 1 got
// through a contact: callers drop leads they already have by ID.
//
// If only the contact search fails, the page holds the lead search's leads
// and ContactSearchErr says why.
func (c *Client) SearchLeads(ctx context.Context, q LeadQuery, page int) (*LeadPage, error) {
	if page != 1 || !LooksLikePhoneOrEmail(q.Text) {
		return c.ListLeads(ctx, q, page)
	}
	var (
		wg          sync.WaitGroup
		viaContacts []Lead
		contactsErr error
	)
	wg.Go(func() { viaContacts, contactsErr = c.leadsOfMatchingContacts(ctx, q) })
	searched, err := c.ListLeads(ctx, q, page)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	searched.Leads = mergeLeads(searched.Leads, viaContacts, q.Sort)
	searched.ContactSearchErr = contactsErr
	return searched, nil
}

// LooksLikePhoneOrEmail says whether a search text is specific enough to
// look contacts up by: it holds an @ beside something else (an e-mail or
// part of one), or it is a phone number: nothing but digits once spaces
// and + ( ) - . / are removed, and at least 5 of them. Fewer digits are
// more likely a lead ID or a year than a phone.
func LooksLikePhoneOrEmail(text string) bool {
	t := strings.TrimSpace(text)
	if strings.Contains(t, "@") {
		return strings.Trim(t, "@ ") != ""
	}
	digits := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()-./\u00a0", r):
		default:
			return false
		}
	}
	return digits >= 5
}

// leadsOfMatchingContacts: the contacts whose fields match q.Text (one
// page, at most 250), then their leads that meet q's other conditions.
func (c *Client) leadsOfMatchingContacts(ctx context.Context, q LeadQuery) ([]Lead, error) {
	ids, err := c.contactLeadIDs(ctx, q.Text)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if len(q.IDs) > 0 {
		ids = slices.DeleteFunc(ids, func(id int64) bool { return !slices.Contains(q.IDs, id) })
		if len(ids) == 0 {
			return nil, nil
		}
	}
	byID := q
	byID.Text, byID.IDs, byID.Limit = "", ids, len(ids)
	p, err := c.fetchLeadPage(ctx, "load the leads of matching contacts",
		&url.URL{Path: "/api/v4/leads", RawQuery: byID.values(1).Encode()}, 1)
	if err != nil {
		return nil, err
	}
	// The IDs are this search's own condition: enforce it even where the
	// account ignores filter[id].
	return slices.DeleteFunc(p.Leads, func(l Lead) bool { return !slices.Contains(ids, l.ID) }), nil
}

// contactLeadIDs is GET /api/v4/contacts?query=text&with=leads: the IDs of
// the matching contacts' leads, first seen first, at most
// maxContactSearchLeads. One page: a phone or an e-mail that matches more
// than 250 contacts is not a search for someone.
func (c *Client) contactLeadIDs(ctx context.Context, text string) ([]int64, error) {
	const op = "search contacts"
	v := url.Values{}
	v.Set("query", strings.TrimSpace(text))
	v.Set("with", "leads")
	v.Set("limit", strconv.Itoa(maxPageSize))
	resp, err := c.get(ctx, op, &url.URL{Path: "/api/v4/contacts", RawQuery: v.Encode()})
	if err != nil || resp.status == http.StatusNoContent {
		return nil, err
	}
	fields, err := listFields(op, resp, "contacts")
	if err != nil {
		return nil, err
	}
	embedded, _ := objectFields(fields["_embedded"])
	return contactsLeadIDs(embedded["contacts"], maxPageSize, maxContactSearchLeads), nil
}

// contactsLeadIDs reads _embedded.leads[].id of at most maxContacts
// contacts, keeping at most maxIDs distinct positive IDs; nothing else of
// the contacts is decoded, so a page of a million tiny contacts costs no
// more than its body.
func contactsLeadIDs(list []byte, maxContacts, maxIDs int) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	contacts := 0
	eachItem(list, func(raw []byte) bool {
		if firstByte(raw) != '{' {
			return true
		}
		contacts++
		var wire struct {
			Embedded struct {
				Leads []LeadRef `json:"leads"`
			} `json:"_embedded"`
		}
		decodeLoose(raw, &wire)
		for _, ref := range wire.Embedded.Leads {
			if ref.ID > 0 && !seen[ref.ID] && len(ids) < maxIDs {
				seen[ref.ID] = true
				ids = append(ids, ref.ID)
			}
		}
		return contacts < maxContacts && len(ids) < maxIDs
	})
	return ids
}

// mergeLeads adds the leads of extra that searched lacks and orders the
// whole by sort (stable: Kommo's order breaks ties).
func mergeLeads(searched, extra []Lead, s LeadSort) []Lead {
	if len(extra) == 0 {
		return searched
	}
	have := make(map[int64]bool, len(searched))
	for _, l := range searched {
		have[l.ID] = true
	}
	for _, l := range extra {
		if !have[l.ID] {
			have[l.ID] = true
			searched = append(searched, l)
		}
	}
	sort.SliceStable(searched, func(i, j int) bool { return s.less(&searched[i], &searched[j]) })
	return searched
}

// less orders two leads as Kommo's order[field]=direction does.
func (s LeadSort) less(a, b *Lead) bool {
	var x, y int64
	switch s.field() {
	case SortCreated:
		x, y = a.CreatedAt, b.CreatedAt
	case SortID:
		x, y = a.ID, b.ID
	default:
		x, y = a.UpdatedAt, b.UpdatedAt
	}
	if s.Ascending {
		return x < y
	}
	return x > y
}
