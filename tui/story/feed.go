package story

import (
	"slices"
	"time"

	"github.com/leadscope/leadscope/api"
)

// Source says where an entry came from.
type Source uint8

// Sources of entries.
const (
	SourceNote Source = iota + 1
	SourceEvent
)

// Entry is one line of the feed with its details. Every string is clean
// (no control characters, valid UTF-8) and bounded; the TUI colours it,
// the CLI prints it as it is.
type Entry struct {
	At       time.Time // in the formatter's zone; zero when Kommo sent no time
	When     string    // At as "2024-05-01 10:30"
	Ago      string    // "3 days ago"
	AuthorID int64
	Author   string // the user's name, "#ID", or "system" for 0
	Source   Source
	Type     string // Kommo's note_type or event type, cleaned
	Kind     string // what happened, in words: "Incoming call", "Stage changed"
	Comm     bool   // a call, SMS, chat message or e-mail
	Lines    []string
	// Move is set for a stage change: both stages with their colours, so
	// the TUI can draw chips.
	Move *StageMove

	NoteID  int64  // SourceNote: the note's ID
	EventID string // SourceEvent: the event's ID
	// NoteRef is the note an event is about (a call, an SMS, a note
	// added); Merge hides the event when that note is in the feed.
	NoteRef int64
}

// StageMove is a lead_status_changed event's two stages.
type StageMove struct {
	From, To StageRef
	// FromKnown is false when Kommo sent no value_before.
	FromKnown bool
	// PipelineChanged: the lead moved to another pipeline.
	PipelineChanged bool
}

// Filter picks which entries the feed shows.
type Filter uint8

// The feed's filters.
const (
	FilterAll    Filter = iota
	FilterNotes         // notes only
	FilterEvents        // events only
	FilterComms         // calls and messages, notes or events
)

// Filters lists the filters in the order a key cycles through them.
func Filters() []Filter { return []Filter{FilterAll, FilterNotes, FilterEvents, FilterComms} }

func (f Filter) String() string {
	switch f {
	case FilterNotes:
		return "notes"
	case FilterEvents:
		return "events"
	case FilterComms:
		return "calls & messages"
	}
	return "all"
}

// Next is the filter after f, wrapping around.
func (f Filter) Next() Filter {
	all := Filters()
	return all[(slices.Index(all, f)+1)%len(all)]
}

func (f Filter) keeps(e Entry) bool {
	switch f {
	case FilterNotes:
		return e.Source == SourceNote
	case FilterEvents:
		return e.Source == SourceEvent
	case FilterComms:
		return e.Comm
	}
	return true
}

// Feed formats notes and events and merges them newest first (see Merge).
func (f *Formatter) Feed(notes []api.Note, events []api.Event, filter Filter) []Entry {
	entries := make([]Entry, 0, len(notes)+len(events))
	for _, n := range notes {
		entries = append(entries, f.Note(n))
	}
	for _, e := range events {
		entries = append(entries, f.Event(e))
	}
	return Merge(entries, filter)
}

// Merge keeps the entries filter allows, hides events about a note that
// is itself in the result (the note says more), and sorts newest first.
// Kommo does not document the order of events, so nothing is assumed of
// the input; entries of the same second keep their input order. entries
// is not modified.
func Merge(entries []Entry, filter Filter) []Entry {
	notes := map[int64]bool{}
	for _, e := range entries {
		if e.Source == SourceNote && filter.keeps(e) {
			notes[e.NoteID] = true
		}
	}
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		if !filter.keeps(e) || (e.Source == SourceEvent && e.NoteRef != 0 && notes[e.NoteRef]) {
			continue
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return b.At.Compare(a.At) })
	return out
}

// entryAt fills the entry's time fields.
func (f *Formatter) entryAt(e *Entry, sec int64) {
	e.At = f.unixTime(sec)
	e.When = f.When(e.At)
	e.Ago = f.Ago(e.At)
}
