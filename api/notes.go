package api

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
)

// Note is one note of a lead's feed (GET /api/v4/leads/{id}/notes). Params
// stay raw JSON: their shape depends on NoteType ({text} for common, phone
// and duration for calls...) and Kommo adds types over time.
type Note struct {
	ID                int64           `json:"id"`
	EntityID          int64           `json:"entity_id"`
	CreatedBy         int64           `json:"created_by"`
	UpdatedBy         int64           `json:"updated_by"`
	CreatedAt         int64           `json:"created_at"`
	UpdatedAt         int64           `json:"updated_at"`
	ResponsibleUserID int64           `json:"responsible_user_id"`
	GroupID           int64           `json:"group_id"`
	NoteType          string          `json:"note_type"`
	Params            json.RawMessage `json:"params"`

	// Raw is the note object exactly as Kommo sent it, for --json.
	Raw []byte `json:"-"`
}

// NotePage is one page of a lead's notes.
type NotePage struct {
	Notes   []Note
	Page    int
	HasNext bool // another page may be asked for (false at MaxNotePages)
}

// Notes paging: Kommo's largest page, and how many pages one lead's feed
// may load at most (25,000 notes), so a server announcing pages forever
// cannot grow the feed without end.
const (
	NotesPageSize = 250
	MaxNotePages  = 100
)

// LeadNotes fetches one page (from 1) of the lead's notes, newest first by
// ID: IDs grow with creation, so the first pages hold the newest notes the
// feed shows first (order[updated_at] would bring old notes edited lately
// forward). A 204 is an empty last page.
func (c *Client) LeadNotes(ctx context.Context, leadID int64, page int) (*NotePage, error) {
	op := leadOp("notes", leadID, page)
	if err := checkLeadPage(op, leadID, page, MaxNotePages); err != nil {
		return nil, err
	}
	q := url.Values{"order[id]": {"desc"}}
	ref := pagedQuery("/api/v4/leads/"+strconv.FormatInt(leadID, 10)+"/notes", q, NotesPageSize, page)
	notes, next, _, err := onePage[Note](ctx, c, op, ref, "notes")
	if err != nil {
		return nil, err
	}
	return &NotePage{Notes: notes, Page: page, HasNext: next && page < MaxNotePages}, nil
}

// UnmarshalJSON reads a note leniently (see lenient.go); it never fails.
func (n *Note) UnmarshalJSON(data []byte) error {
	// encoding/json reuses data after this returns: keep a copy for Raw.
	n.decodeLooseJSON(append([]byte(nil), data...))
	return nil
}

// decodeLooseJSON keeps data as Raw without copying: list pages hand in
// sub-slices of a body that lives as long as the notes do.
func (n *Note) decodeLooseJSON(data []byte) bool {
	type plain Note
	ok := resetAndFill(data, (*plain)(n))
	if ok {
		n.Raw = trimSpace(data)
	}
	return ok
}

func trimSpace(data []byte) []byte {
	start, end := skipSpace(data, 0), len(data)
	for end > start && isSpace(data[end-1]) {
		end--
	}
	return data[start:end]
}
