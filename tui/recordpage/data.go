package recordpage

import (
	"errors"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// Bounds on what one record's page loads, whatever Kommo links to it.
const (
	// leadBatch is how many leads one request resolves (Kommo's page limit).
	leadBatch = 250
	// maxLeads is the most leads a page loads: the first batch at once, the
	// next ones as the cursor nears the end of what is loaded.
	maxLeads = 10 * leadBatch
	// maxLinked is the most contacts (of a company) or companies (of a
	// contact) a page resolves into names: one request.
	maxLinked = 250
)

// partState is how far one kind of related data has come.
type partState int

const (
	partIdle    partState = iota // not asked for yet (or interrupted)
	partPending                  // a request is in flight
	partLoaded
	partFailed
)

// errInterrupted marks a request cancelled because its page left the
// screen: the next visit asks again.
var errInterrupted = errors.New("interrupted")

// leadsPart is the record's leads, loaded a batch at a time, newest first.
type leadsPart struct {
	state partState
	items []api.Lead
	asked int // how many of the record's lead IDs were asked for: a prefix
	err   error
}

// limit is how many of total lead IDs the page will ever ask for.
func limit(total int) int { return min(total, maxLeads) }

// linkedEntry is a contact of a company, or a company of a contact.
type linkedEntry struct {
	id      int64
	name    string
	phones  []string
	emails  []string
	missing bool // linked, but Kommo did not return it
}

type linkedPart struct {
	state partState
	items []linkedEntry
	err   error
}

// Data is one contact or company and what was loaded about it. One Data
// serves every page showing that record; version changes whenever
// something in it changes, so rendered views know when they are stale.
type Data struct {
	rec     *record
	leads   leadsPart
	linked  linkedPart
	version int
}

func newData(rec *record) *Data {
	d := &Data{rec: rec}
	if len(rec.leadIDs) == 0 {
		d.leads.state = partLoaded
	}
	if len(rec.linkedIDs) == 0 {
		d.linked.state = partLoaded
	}
	return d
}

// moreLeads reports whether lead IDs remain that the page may still ask for.
func (d *Data) moreLeads() bool { return d.leads.asked < limit(len(d.rec.leadIDs)) }

// nextLeadIDs is the next batch to ask for.
func (d *Data) nextLeadIDs() []int64 {
	ids := d.rec.leadIDs
	end := min(d.leads.asked+leadBatch, limit(len(ids)))
	return ids[d.leads.asked:end]
}

// addLeads settles a batch of leads asked for as ids.
func (d *Data) addLeads(ids []int64, leads []api.Lead, err error) {
	d.version++
	if err != nil {
		d.leads.state, d.leads.err = partFailed, err
		if errors.Is(err, errInterrupted) {
			d.leads.state = partIdle
		}
		return
	}
	d.leads.items = append(d.leads.items, leads...)
	d.leads.asked += len(ids)
	d.leads.state, d.leads.err = partLoaded, nil
}

// notReturned counts the lead IDs asked for that Kommo did not return
// (deleted, or not visible to this user).
func (d *Data) notReturned() int { return d.leads.asked - len(d.leads.items) }

// linkedIDs are those the page resolves into names.
func (d *Data) linkedIDs() []int64 {
	return d.rec.linkedIDs[:min(len(d.rec.linkedIDs), maxLinked)]
}

// setLinked settles the linked records' names, in the record's order;
// those Kommo did not return stay as bare IDs.
func (d *Data) setLinked(found map[int64]linkedEntry, err error) {
	d.version++
	switch {
	case errors.Is(err, errInterrupted):
		d.linked.state = partIdle
		return
	case err != nil:
		d.linked.state, d.linked.err = partFailed, err
		return
	}
	ids := d.linkedIDs()
	items := make([]linkedEntry, len(ids))
	for i, id := range ids {
		e, ok := found[id]
		if !ok {
			e = linkedEntry{id: id, missing: true}
		}
		items[i] = e
	}
	d.linked = linkedPart{state: partLoaded, items: items}
}

func contactEntry(c api.Contact) linkedEntry {
	return linkedEntry{id: c.ID, name: c.DisplayName(), phones: c.Phones(), emails: c.Emails()}
}

func companyEntry(c api.Company) linkedEntry {
	return linkedEntry{id: c.ID, name: c.Name, phones: c.Phones(), emails: c.Emails()}
}

// cacheSize bounds how many records (contacts, companies, elements) the
// run keeps: revisits within it cost no request, and memory stays flat.
const cacheSize = 64

// cacheKey names a record: its kind, its list (for elements) and its ID.
type cacheKey struct {
	kind      common.TargetKind
	catalogID int64
	id        int64
}

func keyOf(t common.Target) cacheKey {
	k := cacheKey{kind: t.Kind, id: t.ID}
	if t.Kind == common.TargetCatalogElement {
		k.catalogID = t.CatalogID
	}
	return k
}

// Cache keeps the contacts, companies and list elements of this run, the
// least recently used leaving first. Only the root model's goroutine
// touches it.
type Cache struct {
	records  map[cacheKey]*Data
	elements map[cacheKey]*api.CatalogElement
	recency  common.Recency[cacheKey]
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{records: map[cacheKey]*Data{}, elements: map[cacheKey]*api.CatalogElement{}}
}

func (c *Cache) record(k cacheKey) (*Data, bool) {
	d, ok := c.records[k]
	if ok {
		c.recency.Touch(k)
	}
	return d, ok
}

func (c *Cache) element(k cacheKey) (*api.CatalogElement, bool) {
	e, ok := c.elements[k]
	if ok {
		c.recency.Touch(k)
	}
	return e, ok
}

func (c *Cache) putRecord(rec *record) *Data {
	d := newData(rec)
	k := cacheKey{kind: rec.kind, id: rec.id}
	c.make(k)
	c.records[k] = d
	return d
}

func (c *Cache) putElement(k cacheKey, e *api.CatalogElement) {
	c.make(k)
	c.elements[k] = e
}

// make makes room for k and marks it used.
func (c *Cache) make(k cacheKey) {
	_, isRecord := c.records[k]
	_, isElement := c.elements[k]
	if !isRecord && !isElement && c.recency.Len() >= cacheSize {
		oldest := c.recency.DropOldest()
		delete(c.records, oldest)
		delete(c.elements, oldest)
	}
	c.recency.Touch(k)
}
