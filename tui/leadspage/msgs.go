package leadspage

import (
	"context"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// flight is one request in progress: its tag, and how to call it off.
type flight struct {
	seq    uint64
	cancel context.CancelFunc
}

func (f *flight) stop() {
	if f != nil {
		f.cancel()
	}
}

// pageMsg is a page of a view's list, or why it could not be had.
type pageMsg struct {
	page   common.PageID
	view   int
	seq    uint64
	number int
	result *api.LeadPage
	err    error
}

func (m pageMsg) ForPage() common.PageID { return m.page }

// contactsMsg is the names of main contacts, by the lead they belong to.
type contactsMsg struct {
	page  common.PageID
	view  int
	seq   uint64
	asked []int64 // the leads whose main contact was asked for
	names map[int64]string
	err   error
}

func (m contactsMsg) ForPage() common.PageID { return m.page }

// probeMsg says whether the account applies filter[...]: on is nil when
// it does not say or the probe failed.
type probeMsg struct {
	page common.PageID
	on   *bool
	err  error
}

func (m probeMsg) ForPage() common.PageID { return m.page }

// debounceMsg ends the pause after a keystroke in the find box; only the
// newest one (by seq) starts a search.
type debounceMsg struct {
	page common.PageID
	view int
	seq  uint64
}

func (m debounceMsg) ForPage() common.PageID { return m.page }
