package leadpage

import (
	"errors"
	"sort"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// partState is how far one kind of related data has come.
type partState int

const (
	partNone    partState = iota // nothing linked, nothing to fetch
	partPending                  // a request is in flight or must be sent
	partLoaded
	partFailed
)

// part is one kind of related data with its fate.
type part[T any] struct {
	state partState
	items []T
	err   error
	cut   string // what a bound left out, "" when nothing was
}

// settle records an answer. A bound that cut the answer short (a hostile
// or enormous list) still counts as loaded: what arrived is shown, and
// note says what was left out, since asking again would be cut again.
func (p *part[T]) settle(items []T, err error, note func(*api.Cut) string) {
	var cut *api.Cut
	switch {
	case errors.As(err, &cut):
		p.state, p.items, p.err, p.cut = partLoaded, items, nil, note(cut)
	case err != nil:
		p.state, p.err = partFailed, err
	default:
		p.state, p.items, p.err, p.cut = partLoaded, items, nil, ""
	}
}

// wanted reports whether the part must be (re)fetched.
func (p *part[T]) wanted() bool { return p.state == partPending || p.state == partFailed }

// errInterrupted marks parts whose request was cancelled because their page
// left the screen: they show as not loaded, and the next visit fetches them.
var errInterrupted = errors.New("interrupted")

// Data is one lead and everything resolved about it. One Data serves every
// page showing that lead; version changes whenever something in it changes
// so rendered views know when they are stale.
type Data struct {
	ID        int64
	Lead      *api.Lead
	contacts  part[api.Contact]
	companies part[api.Company]
	catalogs  map[int64]*part[api.CatalogElement] // by catalog ID
	version   int
	// busy is the page whose requests fill the pending parts, 0 for none;
	// another page showing the same lead waits for them instead of asking again.
	busy uint64
	// story is the lead's notes, events and tasks once a page asked for
	// them (see storyCache for when it is dropped).
	story *storyData
}

// newData prepares the parts the lead links to: each linked kind (and
// each catalog) becomes pending, so the page knows what to fetch.
func newData(lead *api.Lead) *Data {
	d := &Data{ID: lead.ID, Lead: lead, catalogs: map[int64]*part[api.CatalogElement]{}}
	if len(lead.Embedded.Contacts) > 0 {
		d.contacts.state = partPending
	}
	if len(lead.Embedded.Companies) > 0 {
		d.companies.state = partPending
	}
	for _, ref := range lead.Embedded.CatalogElements {
		if _, ok := d.catalogs[ref.Metadata.CatalogID]; !ok {
			d.catalogs[ref.Metadata.CatalogID] = &part[api.CatalogElement]{state: partPending}
		}
	}
	return d
}

// Complete reports whether nothing is left to fetch: revisiting a complete
// lead costs no request.
func (d *Data) Complete() bool {
	if d.Lead == nil || d.contacts.wanted() || d.companies.wanted() {
		return false
	}
	for _, p := range d.catalogs {
		if p.wanted() {
			return false
		}
	}
	return true
}

// catalogIDs lists the lead's catalogs in a stable order.
func (d *Data) catalogIDs() []int64 {
	ids := make([]int64, 0, len(d.catalogs))
	for id := range d.catalogs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func contactIDs(l *api.Lead) []int64 {
	ids := make([]int64, 0, len(l.Embedded.Contacts))
	for _, c := range l.Embedded.Contacts {
		ids = append(ids, c.ID)
	}
	return ids
}

func companyIDs(l *api.Lead) []int64 {
	ids := make([]int64, 0, len(l.Embedded.Companies))
	for _, c := range l.Embedded.Companies {
		ids = append(ids, c.ID)
	}
	return ids
}

func catalogElementIDs(l *api.Lead, catalogID int64) []int64 {
	var ids []int64
	for _, e := range l.Embedded.CatalogElements {
		if e.Metadata.CatalogID == catalogID {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// formatter formats the lead's fields in the account's terms, naming
// chained-list elements the lead links when they have been resolved.
func (d *Data) formatter(c *common.Context) api.FieldFormatter {
	f := c.Formatter()
	f.ElementName = func(catalogID, elementID int64) (string, bool) {
		if p, ok := d.catalogs[catalogID]; ok {
			for _, e := range p.items {
				if e.ID == elementID && e.Name != "" {
					return e.Name, true
				}
			}
		}
		return "", false
	}
	return f
}
