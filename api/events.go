package api

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
)

// Event is one entry of a lead's history (GET /api/v4/events): a stage
// move, a changed field, a call... ValueBefore and ValueAfter stay raw
// JSON arrays whose members' shape depends on Type, e.g.
// [{"lead_status":{"id":1,"pipeline_id":2}}].
type Event struct {
	// ID is a string in Kommo ("01hx..."); a number is kept as its digits.
	ID          string          `json:"id"`
	Type        string          `json:"type"`
	EntityID    int64           `json:"entity_id"`
	EntityType  string          `json:"entity_type"`
	CreatedBy   int64           `json:"created_by"`
	CreatedAt   int64           `json:"created_at"`
	ValueBefore json.RawMessage `json:"value_before"`
	ValueAfter  json.RawMessage `json:"value_after"`

	// Raw is the event object exactly as Kommo sent it, for --json.
	Raw []byte `json:"-"`
}

// EventPage is one page of a lead's events, in the server's order (which
// Kommo does not document: sort on the client).
type EventPage struct {
	Events  []Event
	Page    int
	HasNext bool // another page may be asked for (false at MaxEventPages)
}

// Events paging: sources disagree on the events limit, 100 is safe; the
// page cap bounds one lead's history at 10,000 events.
const (
	EventsPageSize = 100
	MaxEventPages  = 100
)

// LeadEvents fetches one page (from 1) of the lead's events. A 204 is an
// empty last page.
func (c *Client) LeadEvents(ctx context.Context, leadID int64, page int) (*EventPage, error) {
	op := leadOp("events", leadID, page)
	if err := checkLeadPage(op, leadID, page, MaxEventPages); err != nil {
		return nil, err
	}
	q := url.Values{"filter[entity]": {"lead"}, "filter[entity_id][]": {strconv.FormatInt(leadID, 10)}}
	events, next, _, err := onePage[Event](ctx, c, op, pagedQuery("/api/v4/events", q, EventsPageSize, page), "events")
	if err != nil {
		return nil, err
	}
	return &EventPage{Events: events, Page: page, HasNext: next && page < MaxEventPages}, nil
}

// UnmarshalJSON reads an event leniently (see lenient.go); it never fails.
func (e *Event) UnmarshalJSON(data []byte) error {
	e.decodeLooseJSON(append([]byte(nil), data...))
	return nil
}

func (e *Event) decodeLooseJSON(data []byte) bool {
	type plain Event
	ok := resetAndFill(data, (*plain)(e))
	if ok {
		e.Raw = trimSpace(data)
	}
	return ok
}
