package leadspage

import (
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/leadlist"
	"github.com/leadscope/leadscope/tui/views"
)

// view is one tab: a named list with its own search text, filters, sort,
// loaded rows and cursor, kept while the user looks at another.
type view struct {
	def  views.View // the view as defined, with the picker's changes
	text string     // the find box's text while this view is shown
	// applied is the search the rows are for; text becomes it after the
	// debounce, or at once on enter.
	applied  string
	debounce uint64 // the pending debounce's tag; a newer keystroke bumps it
	sort     sortMode

	q          api.LeadQuery // resolved when page 1 was asked for; later pages reuse it
	resolveErr error
	table      *leadlist.Model
	list       listState
	names      namesState
	reselect   int64 // a lead to put the cursor back on once page 1 arrives (reload)
}

// listState is how far a view's list has been read.
type listState struct {
	started bool    // page 1 was asked for since the last reset
	loaded  int     // pages read
	read    int     // leads read, before filtering on this computer
	hasNext bool    // Kommo links another page and no cap was reached
	flight  *flight // the page in flight
	next    int     // the page number in flight or to ask for next
	err     error   // the last page's failure; paging waits for r
	capped  bool    // stopped at maxPages or maxRows
	parked  *pageMsg
	seen    map[int64]struct{} // leads read, to drop repeats and stop a server that repeats pages
	// localFilter is true when this computer filtered what Kommo sent.
	localFilter bool
}

func newView(c *common.Context, def views.View) *view {
	v := &view{def: def, text: def.Query, applied: def.Query, table: leadlist.New(c)}
	v.list.seen = map[int64]struct{}{}
	v.names.asked = map[int64]struct{}{}
	return v
}

// loading says whether page 1 is on its way and nothing is shown yet.
func (v *view) loading() bool { return v.list.flight != nil && v.list.loaded == 0 }

// reset forgets the rows, for a new search, filter or sort: what is in
// flight is called off and the next fetch starts at page 1.
func (v *view) reset() {
	v.list.flight.stop()
	v.names.flight.stop()
	v.list = listState{seen: map[int64]struct{}{}}
	v.names = namesState{asked: map[int64]struct{}{}}
	v.resolveErr = nil
	v.table.SetLeads(nil)
}

// interrupt calls off what is in flight and remembers it is not done, so
// the view asks again when it is next shown.
func (v *view) interrupt() {
	if v.list.flight != nil {
		v.list.flight.stop()
		v.list.flight = nil
	}
	v.names.interrupt()
}
