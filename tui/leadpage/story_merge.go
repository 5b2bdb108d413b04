package leadpage

import (
	"time"

	"github.com/leadscope/leadscope/tui/story"
)

// The feed merges two paged streams, the lead's notes and its events, into
// one list newest first, while their older pages are still on the server.
//
// Merging what has arrived is not enough: page 1 of the notes may reach back
// a year while page 1 of the events covers a day, and an event from last
// month, on page 4, would later have to appear above notes already shown
// below it. So each stream keeps a frontier, the time of the oldest entry it
// has delivered: while it has more pages, nothing it has not delivered can
// be newer than that (a newest-first stream's next page starts where the
// last one ended). An entry is shown only when it is newer than the
// frontier of every stream that still has pages; the others are held until
// the streams behind them catch up. Entries of the frontier's own second
// wait too: an undelivered one of the same second could sort among them.
// The shown list therefore only ever grows at its end, in the order the
// whole feed will have.
//
// To show more, the stream whose frontier is the newest (the one holding
// the others back) loads its next page: the two-way merge of sorted runs,
// one page at a time.
//
// Kommo documents the notes' order (by ID, newest first, which follows
// creation) but not the events'. So a stream's frontier counts only once
// the stream has shown it goes back in time (an entry older than one before
// it), and every page is checked: a stream that sends anything newer than
// what it sent before is out of order, its frontier means nothing, and the
// feed waits until all of its pages have arrived (it is loaded to the end,
// within the api's page caps). A stream that failed, or stopped at a cap,
// no longer holds the others back: what was loaded is shown in order, and
// the tab says what is missing.

// sourceState is how one stream's next request stands.
type sourceState int

const (
	sourceIdle    sourceState = iota // nothing in flight
	sourcePending                    // a page is being fetched
	sourceFailed                     // the last page failed; r retries
)

// feedSource is one paged stream's progress.
type feedSource struct {
	pages    int       // pages delivered
	more     bool      // the server announced another page and no cap stopped it
	ordered  bool      // no dated entry so far was newer than one before it
	descends bool      // some dated entry was older than one before it
	oldest   time.Time // the oldest dated entry delivered: the frontier
	state    sourceState
	err      error
	cut      string // why the stream stopped while the server had more, "" when it did not
	bytes    int64  // what its delivered entries weigh, against feedByteBudget
}

func newFeedSource() feedSource { return feedSource{more: true, ordered: true} }

// observe moves the frontier over one page's entry times, in the order the
// server sent them; zero times (no date) say nothing about the order.
func (s *feedSource) observe(times []time.Time) {
	for _, at := range times {
		if at.IsZero() {
			continue
		}
		if !s.oldest.IsZero() && at.After(s.oldest) {
			s.ordered = false
		}
		if !s.oldest.IsZero() && at.Before(s.oldest) {
			s.descends = true
		}
		if s.oldest.IsZero() || at.Before(s.oldest) {
			s.oldest = at
		}
	}
}

// holdsBack reports whether entries s has not delivered could still belong
// above delivered ones of other streams.
func (s *feedSource) holdsBack() bool {
	return s.more && s.cut == "" && s.state != sourceFailed
}

// frontier is the time no undelivered entry of s is newer than; false when
// nothing can be said yet (the stream has not shown it is newest first, or
// it is out of order).
func (s *feedSource) frontier() (time.Time, bool) {
	if !s.ordered || !s.descends {
		return time.Time{}, false
	}
	return s.oldest, true
}

// feedCut is how far down the merged feed may be shown.
type feedCut struct {
	all   bool      // every loaded entry may show
	none  bool      // no entry may show yet
	after time.Time // otherwise: entries after this
}

// keeps reports whether an entry at t is above the cut.
func (c feedCut) keeps(t time.Time) bool {
	switch {
	case c.all:
		return true
	case c.none:
		return false
	}
	return t.After(c.after)
}

// cutFor is the cut the streams allow: the newest frontier among those
// still holding back.
func cutFor(sources ...*feedSource) feedCut {
	c := feedCut{all: true}
	for _, s := range sources {
		if !s.holdsBack() {
			continue
		}
		at, ok := s.frontier()
		if !ok {
			return feedCut{none: true}
		}
		if c.all || at.After(c.after) {
			c = feedCut{after: at}
		}
	}
	return c
}

// nextSource is the stream to load next to show more: the one holding the
// cut up (an out-of-order stream first, it holds everything); -1 when no
// stream holds anything back.
func nextSource(sources ...*feedSource) int {
	best := -1
	var bestAt time.Time
	for i, s := range sources {
		if !s.holdsBack() {
			continue
		}
		at, ok := s.frontier()
		if !ok {
			return i
		}
		if best < 0 || at.After(bestAt) {
			best, bestAt = i, at
		}
	}
	return best
}

// showable merges the entries filter keeps (story.Merge: newest first,
// events about a loaded note hidden) and cuts them where the streams the
// filter draws on allow; held counts the entries loaded but held back.
func showable(entries []story.Entry, filter story.Filter, c feedCut) (shown []story.Entry, held int) {
	merged := story.Merge(entries, filter)
	n := len(merged)
	for n > 0 && !c.keeps(merged[n-1].At) {
		n--
	}
	return merged[:n], len(merged) - n
}
