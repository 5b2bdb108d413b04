package leadpage

import (
	"bytes"
	"strconv"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/story"
)

// feedByteBudget bounds what one lead's loaded notes and events may weigh
// (as Kommo sent them): far above a real lead's story, and what keeps a
// server that fills every page to the body cap from growing the feed to
// the api's page caps times the body cap. The feed stops there and says so.
const feedByteBudget = 8 << 20

// storyData is a lead's story as far as it is loaded: the notes and events
// pages delivered so far with their entries, and the tasks. It lives in the
// lead's Data, so every page showing the lead shares it; what it holds is
// bounded by the api's page caps and feedByteBudget.
type storyData struct {
	notes, events feedSource
	// noteItems and eventItems are compact copies (Raw dropped, params
	// cloned out of the page's body), kept to word them again when names
	// arrive; noteEntries and eventEntries are their words.
	noteItems    []api.Note
	eventItems   []api.Event
	noteEntries  []story.Entry
	eventEntries []story.Entry
	entryCount   int
	wordedWith   wordKey
	// needsFieldDefs: a field change names a field neither the lead nor
	// the definitions loaded so far can.
	needsFieldDefs bool

	tasks          part[api.Task]
	tasksTruncated bool

	// prefetchFailed: a background request failed; what is missing loads
	// when its tab opens.
	prefetchFailed bool
	// quiet marks requests in flight in the background: their tabs do not
	// say they are loading, since nobody waits for them.
	quiet [reqFieldDefs + 1]bool
}

// wordKey is what entries were worded with; a change words them anew.
type wordKey struct {
	namesVersion int
	defs         *api.FieldDefs
	loc          *time.Location
	related      [2]int // contacts and companies known
}

func newStoryData() *storyData {
	return &storyData{notes: newFeedSource(), events: newFeedSource()}
}

// sources are the streams filter draws on.
func (s *storyData) sources(filter story.Filter) []*feedSource {
	switch filter {
	case story.FilterNotes:
		return []*feedSource{&s.notes}
	case story.FilterEvents:
		return []*feedSource{&s.events}
	}
	return []*feedSource{&s.notes, &s.events}
}

// loaded is how many entries the loaded notes and events make: an event
// about a loaded note is not one (the feed shows the note instead).
func (s *storyData) loaded() int { return s.entryCount }

// countEntries counts the entries anew after a page arrived.
func (s *storyData) countEntries() {
	notes := make(map[int64]bool, len(s.noteEntries))
	for _, e := range s.noteEntries {
		notes[e.NoteID] = true
	}
	n := len(s.noteEntries)
	for _, e := range s.eventEntries {
		if e.NoteRef == 0 || !notes[e.NoteRef] {
			n++
		}
	}
	s.entryCount = n
}

// started reports whether the first pages were asked for.
func (s *storyData) started() bool {
	return s.notes.pages > 0 || s.events.pages > 0 || s.notes.state != sourceIdle || s.events.state != sourceIdle
}

// firstPagesIn reports whether both streams have answered their first
// page (or failed it): the feed has something to count.
func (s *storyData) firstPagesIn() bool {
	in := func(src *feedSource) bool { return src.pages > 0 || src.state == sourceFailed }
	return in(&s.notes) && in(&s.events)
}

// hasMore reports whether either stream may still deliver older entries.
func (s *storyData) hasMore() bool { return s.notes.holdsBack() || s.events.holdsBack() }

// eventsComplete reports whether every event of the lead is loaded: only
// then does the stage history reach back to the lead's creation.
func (s *storyData) eventsComplete() bool {
	e := &s.events
	return e.pages > 0 && !e.more && e.cut == "" && e.state != sourceFailed
}

// addNotes takes one page of notes: compact copies, their entries, the
// stream's frontier, and the caps.
func (s *storyData) addNotes(page *api.NotePage, f *story.Formatter) {
	src := &s.notes
	times := make([]time.Time, 0, len(page.Notes))
	for _, n := range page.Notes {
		src.bytes += int64(max(len(n.Raw), len(n.Params)))
		n.Raw, n.Params = nil, bytes.Clone(n.Params)
		e := f.Note(n)
		s.noteItems = append(s.noteItems, n)
		s.noteEntries = append(s.noteEntries, e)
		times = append(times, e.At)
	}
	src.observe(times)
	src.delivered(page.Page, page.HasNext, len(page.Notes) > 0, api.MaxNotePages, "notes")
	s.countEntries()
}

// addEvents takes one page of events, as addNotes does notes.
func (s *storyData) addEvents(page *api.EventPage, f *story.Formatter) {
	src := &s.events
	times := make([]time.Time, 0, len(page.Events))
	for _, ev := range page.Events {
		src.bytes += int64(max(len(ev.Raw), len(ev.ValueBefore)+len(ev.ValueAfter)))
		ev.Raw, ev.ValueBefore, ev.ValueAfter = nil, bytes.Clone(ev.ValueBefore), bytes.Clone(ev.ValueAfter)
		e := f.Event(ev)
		s.eventItems = append(s.eventItems, ev)
		s.eventEntries = append(s.eventEntries, e)
		times = append(times, e.At)
	}
	src.observe(times)
	src.delivered(page.Page, page.HasNext, len(page.Events) > 0, api.MaxEventPages, "events")
	s.countEntries()
}

// delivered records that page number page arrived. The api says no more at
// its page cap: a full last page there means the server may have more.
func (s *feedSource) delivered(page int, hasNext, nonEmpty bool, maxPages int, what string) {
	s.pages, s.more, s.state, s.err = page, hasNext, sourceIdle, nil
	switch {
	case !hasNext && nonEmpty && page >= maxPages:
		s.cut = "Only the newest " + strconv.Itoa(maxPages) + " pages of " + what + " are loaded."
	case hasNext && s.bytes >= feedByteBudget:
		s.more = false
		s.cut = "Only the newest " + what + " are loaded: Kommo sent more than " +
			strconv.Itoa(feedByteBudget>>20) + " MiB of them."
	}
}

// word words every entry again when what names them changed (the account,
// field definitions or linked records arrived, the zone changed).
func (s *storyData) word(key wordKey, f *story.Formatter) bool {
	if key == s.wordedWith {
		return false
	}
	s.wordedWith = key
	for i, n := range s.noteItems {
		s.noteEntries[i] = f.Note(n)
	}
	for i, ev := range s.eventItems {
		s.eventEntries[i] = f.Event(ev)
	}
	return true
}

// entries are every loaded note's and event's words, in no order.
func (s *storyData) entries() []story.Entry {
	out := make([]story.Entry, 0, len(s.noteEntries)+len(s.eventEntries))
	out = append(out, s.noteEntries...)
	return append(out, s.eventEntries...)
}

// storyCutNote words a bound that cut a story list short.
func storyCutNote(c *api.Cut) string { return c.Note("") }

// setTasks takes the lead's tasks; their raw bodies are dropped.
func (s *storyData) setTasks(list *api.TaskList, err error) {
	if err != nil {
		s.tasks.settle(nil, err, storyCutNote)
		return
	}
	tasks := make([]api.Task, len(list.Tasks))
	for i, t := range list.Tasks {
		t.Raw = nil
		tasks[i] = t
	}
	s.tasks.settle(tasks, nil, storyCutNote)
	s.tasksTruncated = list.Truncated
}
