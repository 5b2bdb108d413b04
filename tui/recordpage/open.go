package recordpage

import (
	"strconv"

	"github.com/leadscope/leadscope/tui/common"
)

// Open returns the page for t when its record is in the cache: opening it
// costs no request.
func Open(c *common.Context, cache *Cache, id common.PageID, t common.Target) (common.Page, bool) {
	k := keyOf(t)
	if t.Kind == common.TargetCatalogElement {
		if e, ok := cache.element(k); ok {
			return newElementPage(c, cache, id, k, e), true
		}
		return nil, false
	}
	if d, ok := cache.record(k); ok {
		return newPage(c, cache, id, d), true
	}
	return nil, false
}

// Opened keeps the record msg brought in the cache and returns its page;
// false when msg carries none (an error, which OpenError words).
func Opened(c *common.Context, cache *Cache, id common.PageID, msg FetchedMsg) (common.Page, bool) {
	if msg.Err != nil {
		return nil, false
	}
	if msg.element != nil {
		k := keyOf(msg.Target)
		cache.putElement(k, msg.element)
		return newElementPage(c, cache, id, k, msg.element), true
	}
	rec, ok := msg.record()
	if !ok {
		return nil, false
	}
	return newPage(c, cache, id, cache.putRecord(rec)), true
}

// record is the contact or company msg brought.
func (m FetchedMsg) record() (*record, bool) {
	switch {
	case m.contact != nil:
		return fromContact(m.contact), true
	case m.company != nil:
		return fromCompany(m.company), true
	}
	return nil, false
}

// OpenError words a failed FetchRecord for the status line: what it was
// and what went wrong.
func OpenError(msg FetchedMsg) string { return openError(msg) }

func openError(msg FetchedMsg) string {
	return Describe(msg.Target) + ": " + common.ErrorText(msg.Err)
}

// Describe names a target for messages: "Contact 123", "List element 5 of list 7".
func Describe(t common.Target) string {
	id := strconv.FormatInt(t.ID, 10)
	switch t.Kind {
	case common.TargetContact:
		return "Contact " + id
	case common.TargetCompany:
		return "Company " + id
	case common.TargetCatalogElement:
		return "List element " + id
	case common.TargetLead:
		return "Lead " + id
	}
	return "Record " + id
}
