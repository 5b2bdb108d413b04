package story_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/story"
)

// loaded is everything the app fetches to tell one lead's story.
type loaded struct {
	lead   *api.Lead
	notes  []api.Note
	events []api.Event
	tasks  []api.Task
	names  story.DirectoryNames
}

func load(tb testing.TB, opts sandbox.Options, leadID int64) loaded {
	tb.Helper()
	opts.RateLimit = -1
	srv, err := sandbox.Start(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(srv.Close)
	c, err := api.New(api.Options{BaseURL: srv.URL(), Credentials: api.StaticToken(sandbox.Token), RatePerSecond: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	var l loaded
	if l.lead, err = c.GetLead(ctx, leadID); err != nil {
		tb.Fatal(err)
	}
	dir, err := c.LoadDirectory(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defs, err := c.LoadFieldDefs(ctx, api.EntityLeads)
	if err != nil {
		tb.Fatal(err)
	}
	l.names = story.DirectoryNames{Dir: dir, Fields: defs, Related: c.LoadRelated(ctx, l.lead)}
	for page := 1; ; page++ {
		p, err := c.LeadNotes(ctx, leadID, page)
		if err != nil {
			tb.Fatal(err)
		}
		l.notes = append(l.notes, p.Notes...)
		if !p.HasNext {
			break
		}
	}
	for page := 1; ; page++ {
		p, err := c.LeadEvents(ctx, leadID, page)
		if err != nil {
			tb.Fatal(err)
		}
		l.events = append(l.events, p.Events...)
		if !p.HasNext {
			break
		}
	}
	tasks, err := c.LeadTasks(ctx, leadID)
	if err != nil {
		tb.Fatal(err)
	}
	l.tasks = tasks.Tasks
	return l
}

var seedNow = time.Unix(sandbox.SeedEpoch, 0)

func (l loaded) formatter() *story.Formatter { return story.New(l.names, time.UTC, seedNow) }

func TestSandboxBasicLeadFeedInWords(t *testing.T) {
	l := load(t, sandbox.Options{}, sandbox.LeadBasic)
	f := l.formatter()
	feed := f.Feed(l.notes, l.events, story.FilterAll)
	var all []string
	for _, e := range feed {
		checkEntry(t, e)
		all = append(all, strings.Join(e.Plain(), "\n"))
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		"Incoming call\n    from " + sandbox.BasicCallPhone + " · 3m 20s · answered · via Sandbox PBX\n    " + sandbox.BasicCallResult + "\n    Recording: " + sandbox.BasicCallLink,
		"Outgoing call\n    to " + sandbox.LeadBasicContactPhone + " · no answer",
		"Note\n    " + strings.ReplaceAll(sandbox.BasicCommonNoteText, "\n", "\n    "),
		"E-mail received\n    From: " + sandbox.LeadBasicContactName + " <" + sandbox.BasicMailFrom + ">",
		"Subject: " + sandbox.BasicMailSubject, "E-mail sent", "Attachment\n    " + sandbox.BasicAttachmentName,
		"SMS received", "SMS sent", "Service message from Sandbox bot", "Message to cashier", "Location", "Link followed", "Invoice paid",
		"Stage changed\n    Incoming leads → Qualified", "Qualified → " + sandbox.LeadBasicStageName,
		"Responsible changed\n    " + sandbox.UserAdminName + " → " + sandbox.UserSalesName,
		"Tags added\n    " + sandbox.LeadBasicTagColored + ", " + sandbox.LeadBasicTagPlain, "Tags removed\n    cold",
		"Field changed\n    Plan: Pro → Enterprise", "Field changed\n    Seats: 40 → 42.5",
		"Budget changed\n    10,000 → 12,500", "Name changed\n    Acme website → " + sandbox.LeadBasicName,
		"Contact linked\n    " + sandbox.LeadBasicContactName, "Company linked\n    " + sandbox.LeadBasicCompanyName,
		"Contact unlinked\n    contact #", "Chat message received\n    via telegram", "Lead created", "Task completed",
		"  " + sandbox.UnknownEventType, "Hologram call",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the feed lacks %q", want)
		}
	}
	types := map[string]bool{}
	for _, e := range f.Feed(l.notes, l.events, story.FilterEvents) {
		types[e.Type] = true
		if e.Kind == e.Type && e.Type != sandbox.UnknownEventType {
			t.Errorf("known event type %s shows its key", e.Type)
		}
	}
	for _, typ := range sandbox.EventTypes() {
		if !types[typ] {
			t.Errorf("no %s event in the feed", typ)
		}
	}
	for _, e := range feed {
		if e.Type == "incoming_call" || e.Type == "common_note_added" {
			t.Errorf("%s event shown beside its note", e.Type)
		}
	}
	comms := f.Feed(l.notes, l.events, story.FilterComms)
	if len(comms) < 8 || slices.ContainsFunc(comms, func(e story.Entry) bool { return !e.Comm }) {
		t.Errorf("%d calls and messages", len(comms))
	}
	if !slices.IsSortedFunc(feed, func(a, b story.Entry) int { return b.At.Compare(a.At) }) {
		t.Error("feed not newest first")
	}

	h := f.History(l.lead, l.events, true)
	if got := h.Path(); got != "Incoming leads 2h → Qualified 5h → "+sandbox.LeadBasicStageName+" 17h" || h.Partial {
		t.Errorf("path %q partial %v", got, h.Partial)
	}
	tasks := f.Tasks(l.tasks)
	if len(tasks.Open) != sandbox.BasicOpenTasks || len(tasks.Done) != sandbox.BasicDoneTasks {
		t.Fatalf("%d open, %d done", len(tasks.Open), len(tasks.Done))
	}
	if first := tasks.Open[0]; first.Type != "Meeting" || first.DueText != "in 2 days" || first.Duration != "1h" || first.Text[0] != sandbox.BasicMeetingText {
		t.Errorf("first open task %+v", first)
	}
	if tasks.Open[2].Type != fmt.Sprintf("type #%d", sandbox.TaskTypeCustom) {
		t.Errorf("custom type %q", tasks.Open[2].Type)
	}
	if done := tasks.Done[0]; !slices.Equal(done.Result, []string{sandbox.BasicDoneTaskResult}) {
		t.Errorf("most recent done task %+v", done)
	}
}

func TestSandboxStagesLeadPath(t *testing.T) {
	l := load(t, sandbox.Options{}, sandbox.LeadStages)
	f := l.formatter()
	visits := sandbox.LeadStagesHistory()
	pipelines := map[int64]string{sandbox.PipelineSales: sandbox.PipelineSalesName, sandbox.PipelinePartners: sandbox.PipelinePartnersName}
	var want []string
	for i, v := range visits {
		name := v.Name
		if i == 0 || v.PipelineID != visits[i-1].PipelineID {
			name = pipelines[v.PipelineID] + " › " + name
		}
		until := sandbox.SeedEpoch
		if i+1 < len(visits) {
			until = visits[i+1].Entered
		}
		want = append(want, fmt.Sprintf("%s %dd", name, (until-v.Entered)/86400))
	}
	for _, events := range [][]api.Event{l.events, reversed(l.events)} {
		h := f.History(l.lead, events, true)
		if got := h.Path(); got != strings.Join(want, " → ") || h.Partial {
			t.Errorf("path %q\nwant %q", got, strings.Join(want, " → "))
		}
		last := visits[len(visits)-1]
		if got, want := h.InStage(), fmt.Sprintf("in %s for %d days", last.Name, (sandbox.SeedEpoch-last.Entered)/86400); got != want {
			t.Errorf("in stage %q, want %q", got, want)
		}
	}
	tasks := f.Tasks(l.tasks)
	if len(tasks.Open) != 1 || !tasks.Open[0].Overdue || tasks.Open[0].DueText != "overdue 4 days" {
		t.Errorf("open tasks %+v", tasks.Open)
	}
}

func reversed[T any](s []T) []T {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

// Whatever order the server sends events in, the feed is the same.
func TestSandboxHugeLeadFeedIsTheSameInEitherEventOrder(t *testing.T) {
	newest := load(t, sandbox.Options{}, sandbox.LeadHuge)
	oldest := load(t, sandbox.Options{EventsOldestFirst: true}, sandbox.LeadHuge)
	a := newest.formatter().Feed(newest.notes, newest.events, story.FilterAll)
	b := oldest.formatter().Feed(oldest.notes, oldest.events, story.FilterAll)
	if len(a) != len(b) || len(a) < sandbox.HugeNotes+sandbox.HugeEvents/2 {
		t.Fatalf("%d and %d entries", len(a), len(b))
	}
	for i := range a {
		if !a[i].At.Equal(b[i].At) {
			t.Fatalf("entry %d at %v and %v", i, a[i].At, b[i].At)
		}
		checkEntry(t, a[i])
	}
	h := newest.formatter().History(newest.lead, newest.events, true)
	if h.Partial || len(h.Visits) != 22 || h.InStage() == "" {
		t.Errorf("huge lead history: %d visits, partial %v, %q", len(h.Visits), h.Partial, h.InStage())
	}
}

func TestSandboxEscapesStayInert(t *testing.T) {
	l := load(t, sandbox.Options{}, sandbox.LeadEscapes)
	f := l.formatter()
	feed := f.Feed(l.notes, l.events, story.FilterAll)
	if len(feed) < 6 {
		t.Fatalf("%d entries", len(feed))
	}
	for _, e := range feed {
		for _, line := range e.Plain() {
			checkClean(t, line)
		}
	}
	tasks := f.Tasks(l.tasks)
	for _, it := range append(tasks.Open, tasks.Done...) {
		for _, line := range it.Plain() {
			checkClean(t, line)
		}
	}
}

func TestSandboxLeadWithNoStory(t *testing.T) {
	l := load(t, sandbox.Options{}, sandbox.LeadNoStory)
	f := l.formatter()
	if feed := f.Feed(l.notes, l.events, story.FilterAll); len(feed) != 0 {
		t.Errorf("%d entries", len(feed))
	}
	h := f.History(l.lead, l.events, true)
	if len(h.Visits) != 1 || !strings.HasPrefix(h.InStage(), "in ") || !strings.Contains(h.InStage(), " for ") {
		t.Errorf("history %+v %q", h, h.InStage())
	}
	if tasks := f.Tasks(l.tasks); len(tasks.Open)+len(tasks.Done) != 0 {
		t.Errorf("tasks %+v", tasks)
	}
}

// Formatting the huge lead's whole story (300 notes, 600 events), as the
// Feed tab does when a page arrives.
func BenchmarkFeedHugeLead(b *testing.B) {
	l := load(b, sandbox.Options{}, sandbox.LeadHuge)
	f := l.formatter()
	b.ReportAllocs()
	for b.Loop() {
		f.Feed(l.notes, l.events, story.FilterAll)
	}
}

// Re-filtering already formatted entries, as a filter key does.
func BenchmarkMergeHugeLead(b *testing.B) {
	l := load(b, sandbox.Options{}, sandbox.LeadHuge)
	f := l.formatter()
	entries := make([]story.Entry, 0, len(l.notes)+len(l.events))
	for _, n := range l.notes {
		entries = append(entries, f.Note(n))
	}
	for _, e := range l.events {
		entries = append(entries, f.Event(e))
	}
	b.ReportAllocs()
	for b.Loop() {
		story.Merge(entries, story.FilterComms)
	}
}

func BenchmarkHistoryHugeLead(b *testing.B) {
	l := load(b, sandbox.Options{}, sandbox.LeadHuge)
	f := l.formatter()
	b.ReportAllocs()
	for b.Loop() {
		f.History(l.lead, l.events, true).Path()
	}
}
