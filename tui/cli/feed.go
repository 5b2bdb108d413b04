package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/story"
)

// defaultFeedLimit is how many feed entries `get --feed` prints: a
// screenful or two, the newest; --limit asks for more.
const defaultFeedLimit = 50

// leadStory is what `get --feed` loads besides the lead: every page of its
// notes and events (up to the api's caps), its tasks, and errors per part.
type leadStory struct {
	notes        []api.Note
	events       []api.Event
	tasks        *api.TaskList
	notesCapped  bool // MaxNotePages reached with more announced
	eventsCapped bool

	notesErr, eventsErr, tasksErr error
}

// errs lists the parts that failed.
func (s *leadStory) errs() []error {
	var out []error
	for _, err := range []error{s.notesErr, s.eventsErr, s.tasksErr} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// loadStory fetches notes, events and tasks concurrently; the client's
// limiter keeps them within Kommo's rate. A failed part is recorded and
// the others still arrive.
func loadStory(ctx context.Context, client *api.Client, leadID int64) *leadStory {
	s := &leadStory{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for page := 1; ; page++ {
			p, err := client.LeadNotes(ctx, leadID, page)
			if err != nil {
				s.notesErr = err
				return
			}
			s.notes = append(s.notes, p.Notes...)
			if !p.HasNext {
				s.notesCapped = page == api.MaxNotePages && len(p.Notes) > 0
				return
			}
		}
	})
	wg.Go(func() {
		for page := 1; ; page++ {
			p, err := client.LeadEvents(ctx, leadID, page)
			if err != nil {
				s.eventsErr = err
				return
			}
			s.events = append(s.events, p.Events...)
			if !p.HasNext {
				s.eventsCapped = page == api.MaxEventPages && len(p.Events) > 0
				return
			}
		}
	})
	wg.Go(func() {
		s.tasks, s.tasksErr = client.LeadTasks(ctx, leadID)
	})
	wg.Wait()
	return s
}

// writeFeedJSON prints {"lead":…, "notes":[…], "events":[…], "tasks":[…]}
// with every object exactly as Kommo sent it. A part that fails fails the
// command: a script must not mistake a missing part for an empty one.
func writeFeedJSON(ctx context.Context, e *Env, client *api.Client, lead *api.Lead) int {
	s := loadStory(ctx, client, lead.ID)
	if errs := s.errs(); len(errs) > 0 {
		return fail(e, exitCode(errs[0]), "%v", describe(errs[0]))
	}
	var b bytes.Buffer
	b.WriteString(`{"lead":`)
	b.Write(lead.Raw)
	writeRawList(&b, "notes", s.notes, func(n api.Note) []byte { return n.Raw })
	writeRawList(&b, "events", s.events, func(ev api.Event) []byte { return ev.Raw })
	writeRawList(&b, "tasks", s.tasks.Tasks, func(t api.Task) []byte { return t.Raw })
	b.WriteString("}")
	s.warnCapped(e)
	return writeJSON(e, b.Bytes())
}

func writeRawList[T any](b *bytes.Buffer, key string, items []T, raw func(T) []byte) {
	b.WriteString(`,"` + key + `":[`)
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(raw(it))
	}
	b.WriteByte(']')
}

func (s *leadStory) warnCapped(e *Env) {
	if s.notesCapped {
		fmt.Fprintf(e.Stderr, "leadscope: warning: only the first %d pages of notes were loaded\n", api.MaxNotePages)
	}
	if s.eventsCapped {
		fmt.Fprintf(e.Stderr, "leadscope: warning: only the first %d pages of events were loaded\n", api.MaxEventPages)
	}
	if s.tasks != nil && s.tasks.Truncated {
		fmt.Fprintf(e.Stderr, "leadscope: warning: only the first %d pages of tasks were loaded\n", api.MaxTaskPages)
	}
}

// checkFeedFlags refuses --limit without --feed and limits below one.
func checkFeedFlags(fs *flagSet, withFeed bool, limit int) error {
	limitSet := false
	fs.Visit(func(f *flag.Flag) { limitSet = limitSet || f.Name == "limit" })
	switch {
	case limitSet && !withFeed:
		return errors.New("--limit needs --feed, e.g. leadscope get 123 --feed --limit 20")
	case limit < 1:
		return fmt.Errorf("--limit must be at least 1, got %d", limit)
	}
	return nil
}

// renderFeed words the loaded story for the lead the summary showed,
// warning on stderr about the parts that failed.
func renderFeed(ctx context.Context, e *Env, client *api.Client, lv leadView, s *leadStory, limit int) string {
	for _, err := range s.errs() {
		fmt.Fprintf(e.Stderr, "leadscope: warning: %s\n", oneLine(describe(err)))
	}
	s.warnCapped(e)
	v := &feedView{
		lead: lv.lead, story: s, loc: lv.zones.times, now: lv.now, limit: limit,
		names: story.DirectoryNames{Dir: lv.dir, Related: lv.related, Lead: lv.lead},
	}
	v.nameFields(ctx, e, client)
	return v.render()
}

// feedView renders the story after the lead's summary as plain text.
type feedView struct {
	lead  *api.Lead
	story *leadStory
	names story.DirectoryNames
	loc   *time.Location
	now   time.Time
	limit int
}

// nameFields loads the field definitions only when a field-change event
// names a field the lead itself cannot (one changed and cleared since).
func (v *feedView) nameFields(ctx context.Context, e *Env, client *api.Client) {
	if len(v.names.UnnamedFields(v.story.events)) == 0 {
		return
	}
	defs, err := client.CustomFieldDefs(ctx, api.EntityLeads)
	if err != nil {
		fmt.Fprintf(e.Stderr, "leadscope: warning: field names not resolved: %s\n", oneLine(describe(err)))
		return
	}
	v.names.Fields = api.NewFieldDefs(defs, nil)
}

func (v *feedView) render() string {
	f := story.New(v.names, v.loc, v.now)
	var b strings.Builder
	v.writeHistory(&b, f)
	v.writeTasks(&b, f)
	v.writeFeed(&b, f)
	return b.String()
}

func (v *feedView) writeHistory(b *strings.Builder, f *story.Formatter) {
	complete := !v.story.eventsCapped && v.story.eventsErr == nil
	h := f.History(v.lead, v.story.events, complete)
	path := h.Path()
	if path == "" {
		return
	}
	note := ""
	if h.Partial {
		note = " (partial: the events do not tell the whole path)"
	}
	fmt.Fprintf(b, "\nStage history%s:\n  %s\n", note, cleanLine(path))
	if in := h.InStage(); in != "" {
		fmt.Fprintf(b, "  %s\n", cleanLine(in))
	}
}

func (v *feedView) writeTasks(b *strings.Builder, f *story.Formatter) {
	if v.story.tasks == nil {
		return
	}
	tasks := f.Tasks(v.story.tasks.Tasks)
	if len(tasks.Open)+len(tasks.Done) == 0 {
		b.WriteString("\nTasks: none\n")
		return
	}
	fmt.Fprintf(b, "\nTasks (%d open, %d done):\n", len(tasks.Open), len(tasks.Done))
	for _, t := range append(tasks.Open, tasks.Done...) {
		writeIndented(b, t.Plain())
	}
}

func (v *feedView) writeFeed(b *strings.Builder, f *story.Formatter) {
	entries := f.Feed(v.story.notes, v.story.events, story.FilterAll)
	if len(entries) == 0 {
		if v.story.notesErr == nil && v.story.eventsErr == nil {
			b.WriteString("\nFeed: nothing yet\n")
		}
		return
	}
	shown := min(v.limit, len(entries))
	more := ""
	if v.story.notesCapped || v.story.eventsCapped {
		more = "+"
	}
	fmt.Fprintf(b, "\nFeed (%d of %s%s, newest first):\n", shown, strconv.Itoa(len(entries)), more)
	for _, entry := range entries[:shown] {
		writeIndented(b, entry.Plain())
	}
	if shown < len(entries) {
		fmt.Fprintf(b, "  … %d older entries (--limit %d shows them all)\n", len(entries)-shown, len(entries))
	}
}

// writeIndented prints the formatter's lines (already clean) under a
// two-space margin, cleaning them once more as every string printed is.
func writeIndented(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString("  ")
		b.WriteString(cleanLine(l))
		b.WriteByte('\n')
	}
}
