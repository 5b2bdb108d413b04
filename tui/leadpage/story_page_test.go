package leadpage

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/internal/tuitest"
	"github.com/leadscope/leadscope/tui/story"
)

func TestFeedLoadsItsFirstPagesWhenItsTabOpens(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadHuge, 120, 34)
	h.press(tab(tabTags), tab(tabJSON))
	if n := h.srv.TotalRequests(); n != 0 {
		t.Fatalf("other tabs sent %d requests (%v)", n, h.srv.RequestCounts())
	}
	h.press(tab(tabFeed))
	if got := h.srv.RequestCounts(); got[sandbox.EndpointNotes] != 1 || got[sandbox.EndpointEvents] != 1 || h.srv.TotalRequests() != 2 {
		t.Fatalf("opening the feed sent %v, want one page of notes and one of events", got)
	}
	h.requireView("shown · ", " loaded · more", "Feed 339+")
	if h.p.Busy() != "" {
		t.Errorf("busy after the first pages: %q", h.p.Busy())
	}
}

// TestFeedPagesOlderEntriesInMergeOrder scrolls the huge lead's feed to its
// end, whichever order Kommo sends events in, and checks after every page
// that the feed is newest first and only grew at its end.
func TestFeedPagesOlderEntriesInMergeOrder(t *testing.T) {
	for _, oldestFirst := range []bool{false, true} {
		name := "events newest first"
		if oldestFirst {
			name = "events oldest first"
		}
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, sandbox.Options{EventsOldestFirst: oldestFirst}, sandbox.LeadHuge, 120, 34)
			h.press(tab(tabFeed))
			if oldestFirst {
				// Nothing can show before every event is in: all of them
				// load at once, as the empty feed is at its end.
				if got := h.srv.Requests(sandbox.EndpointEvents); got != sandbox.HugeEvents/sandbox.EventsPageLimit {
					t.Fatalf("events pages loaded: %d, want all %d", got, sandbox.HugeEvents/sandbox.EventsPageLimit)
				}
			}
			before := h.shownFeed()
			checkNewestFirst(t, before)
			for step := 0; h.p.data.story.hasMore(); step++ {
				if step > 200 {
					t.Fatal("the feed never finished loading")
				}
				h.press("pgdown")
				now := h.shownFeed()
				checkNewestFirst(t, now)
				checkGrewAtItsEnd(t, h.p.data.story, before, now)
				before = now
			}
			h.press("end")
			s := h.p.data.story
			if len(s.noteItems) != sandbox.HugeNotes || len(s.eventItems) != sandbox.HugeEvents {
				t.Fatalf("loaded %d notes and %d events, want %d and %d", len(s.noteItems), len(s.eventItems), sandbox.HugeNotes, sandbox.HugeEvents)
			}
			if got := h.srv.RequestCounts(); got[sandbox.EndpointNotes] != 2 || got[sandbox.EndpointEvents] != 6 {
				t.Errorf("requests %v, want 2 pages of notes and 6 of events", got)
			}
			if shown := h.shownFeed(); len(shown) != s.loaded() {
				t.Errorf("%d entries shown of %d once everything is loaded", len(shown), s.loaded())
			}
			h.requireView(plural(s.loaded(), "entry", "entries"), "[Feed "+strconv.Itoa(s.loaded())+"]")
		})
	}
}

func checkNewestFirst(t *testing.T, shown []storyEntryKey) {
	t.Helper()
	for i := 1; i < len(shown); i++ {
		if shown[i].at.After(shown[i-1].at) {
			t.Fatalf("entry %d (%v) is newer than entry %d (%v)", i, shown[i].at, i-1, shown[i-1].at)
		}
	}
}

// checkGrewAtItsEnd: what was shown is still shown, in the same order, at
// the top; only events about a note that has arrived since may leave (the
// note says more).
func checkGrewAtItsEnd(t *testing.T, s *storyData, before, now []storyEntryKey) {
	t.Helper()
	notes := map[int64]bool{}
	for _, n := range s.noteItems {
		notes[n.ID] = true
	}
	refs := map[string]int64{}
	for _, e := range s.eventEntries {
		refs[e.EventID] = e.NoteRef
	}
	kept := slices.DeleteFunc(slices.Clone(before), func(k storyEntryKey) bool {
		return k.event != "" && notes[refs[k.event]]
	})
	if len(now) < len(kept) || !slices.Equal(now[:len(kept)], kept) {
		t.Fatalf("the feed changed above its end: %d entries before (%d kept), now %d", len(before), len(kept), len(now))
	}
}

func TestFeedFiltersCycleOnF(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadBasic, 120, 40)
	h.press(tab(tabFeed))
	all := h.shownFeed()
	h.requireView("[All] Notes Events Calls & messages")
	checks := []struct {
		label string
		keep  func(storyEntryKey) bool
	}{
		{"[Notes]", func(k storyEntryKey) bool { return k.source == int(story.SourceNote) }},
		{"[Events]", func(k storyEntryKey) bool { return k.source == int(story.SourceEvent) }},
		{"[Calls & messages]", func(k storyEntryKey) bool { return k.comm }},
	}
	for _, c := range checks {
		h.press("f")
		h.requireView(c.label)
		shown := h.shownFeed()
		if len(shown) == 0 || len(shown) == len(all) {
			t.Fatalf("%s shows %d of %d entries", c.label, len(shown), len(all))
		}
		for _, k := range shown {
			if !c.keep(k) {
				t.Fatalf("%s shows %+v", c.label, k)
			}
		}
	}
	h.press("f")
	h.requireView("[All]")
	if n := len(h.shownFeed()); n != len(all) {
		t.Fatalf("back to all shows %d, want %d", n, len(all))
	}
	if n := h.srv.Requests(sandbox.EndpointNotes) + h.srv.Requests(sandbox.EndpointEvents); n != 2 {
		t.Errorf("filtering sent requests: %d story requests in all", n)
	}
}

func TestStagePathAppearsWithTheEvents(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadStages, 120, 40)
	if v := h.p.View(); strings.Contains(v, "History") || strings.Contains(v, "Stages") {
		t.Fatalf("a history before any event was loaded:\n%s", v)
	}
	h.press(tab(tabFeed))
	h.requireView(
		"Stages  Partnerships › Incoming leads 3d → First call 7d → Sales › Qualified 14d → Proposal sent 14d → Negotiation 23d",
		"History      in Negotiation for 23 days",
		"Partnerships ▸ [First call] → Sales ▸ [Qualified]",
	)
	if v := h.p.View(); strings.Contains(v, "partial") || strings.Contains(v, "so far") {
		t.Fatalf("a complete history is called partial:\n%s", v)
	}

	huge := newHarness(t, sandbox.Options{}, sandbox.LeadHuge, 120, 40)
	huge.press(tab(tabFeed))
	huge.requireView("(so far: older events are not loaded yet)", "History      in Qualified for")
}

func TestTasksTabOpenFirstOverdueSaidThenDone(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadStages, 120, 40)
	h.press(tab(tabTasks))
	view := h.requireView("Open · 1 (1 overdue)", "[!]  2024-04-27 00:00  overdue 5 days  Follow-up · Chen Wei",
		"Completed · 1", "[x]  2024-03-11 00:00  Meeting · Boris Petrov · 1h", "Result: Agreed to move to the sales pipeline", "Tasks 2")
	if strings.Index(view, "Open ·") > strings.Index(view, "Completed ·") {
		t.Fatalf("completed tasks above open ones:\n%s", view)
	}
	if n := h.srv.TotalRequests(); n != 1 || h.srv.Requests(sandbox.EndpointTasks) != 1 {
		t.Fatalf("the Tasks tab sent %v", h.srv.RequestCounts())
	}
	h.press(tab(tabFields), tab(tabTasks))
	if n := h.srv.TotalRequests(); n != 1 {
		t.Fatalf("coming back to the Tasks tab sent %d requests in all", n)
	}
}

func TestDeactivateCancelsStoryRequestsAndTheNextVisitAsksAgain(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadBasic, 120, 40)
	inFlight := h.p.Update(tuitest.Key(tab(tabFeed)))
	s := h.p.data.story
	if s.notes.state != sourcePending || s.events.state != sourcePending || h.p.Busy() != "Loading the feed…" {
		t.Fatalf("the feed is not loading: %+v %+v busy %q", s.notes, s.events, h.p.Busy())
	}
	h.p.Deactivate()
	if s.notes.state != sourceIdle || s.events.state != sourceIdle || h.p.story.flight != nil {
		t.Fatalf("deactivating left requests pending: %+v %+v", s.notes, s.events)
	}
	h.run(inFlight) // the cancelled answers arrive and are dropped
	if s.notes.pages != 0 || s.events.pages != 0 || s.notes.state != sourceIdle {
		t.Fatalf("a cancelled answer was taken: %+v", s.notes)
	}
	h.run(h.p.Activate())
	if s.notes.pages != 1 || s.events.pages != 1 {
		t.Fatalf("coming back did not load the feed: %+v %+v", s.notes, s.events)
	}
	h.requireView("hologram_projected", "36 entries")
}

// withoutFieldValues clears the lead's field values, as if every field
// changed in its events were emptied since: their names must then come from
// the definitions.
func withoutFieldValues(resp *http.Response) error {
	if !strings.HasPrefix(resp.Request.URL.Path, "/api/v4/leads/") || strings.HasSuffix(resp.Request.URL.Path, "/notes") {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	var lead map[string]any
	if json.Unmarshal(body, &lead) == nil {
		lead["custom_fields_values"] = nil
		body, _ = json.Marshal(lead)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
	return nil
}

func TestFieldDefinitionsLoadOnceWhenAFieldChangeNeedsThem(t *testing.T) {
	named := newHarness(t, sandbox.Options{}, sandbox.LeadBasic, 120, 40)
	named.press(tab(tabFeed))
	if n := named.srv.Requests(sandbox.EndpointCustomFields); n != 0 || named.p.data.story.needsFieldDefs {
		t.Fatalf("the lead names every field its events change, yet %d definition requests were sent", n)
	}

	h := newHarnessVia(t, sandbox.Options{}, sandbox.LeadBasic, 120, 200, withoutFieldValues, false)
	if len(h.p.data.Lead.CustomFields) != 0 {
		t.Fatal("the proxy left the lead's field values")
	}
	h.press(tab(tabFeed))
	s := h.p.data.story
	if !s.needsFieldDefs || h.srv.Requests(sandbox.EndpointCustomFields) == 0 {
		t.Fatalf("the field definitions were not loaded (%v)", h.srv.RequestCounts())
	}
	if h.cache.fieldDefs() == nil {
		t.Fatal("the definitions are not kept for other pages")
	}
	for _, e := range s.eventEntries {
		if strings.Contains(strings.Join(e.Lines, " "), "field #") {
			t.Errorf("a field change still names its field by ID: %v", e.Lines)
		}
	}
	h.press(tab(tabFields), tab(tabFeed)) // the drawn tab follows the new names
	h.requireView("Plan: Pro → Enterprise")
	h.srv.ResetCounts()
	other := New(h.c, h.cache, 2, h.p.data)
	other.story.noPrefetch = true
	other.SetSize(120, 200)
	h.p.Deactivate()
	h.p = other
	h.run(other.Activate())
	h.press(tab(tabFeed))
	if n := h.srv.Requests(sandbox.EndpointCustomFields); n != 0 {
		t.Fatalf("a second page loaded the definitions again (%d requests)", n)
	}
}

func TestStoriesAreKeptForFewLeads(t *testing.T) {
	cache := NewCache()
	var leads []*Data
	for id := range int64(maxStories + 2) {
		d := cache.Put(&api.Lead{ID: id + 1})
		cache.storyFor(d)
		leads = append(leads, d)
	}
	for i, d := range leads {
		if kept := d.story != nil; kept != (i >= 2) {
			t.Errorf("lead %d keeps its story: %v", i+1, kept)
		}
	}
	cache.storyFor(leads[2]) // shown again: the most recent now
	cache.storyFor(leads[0])
	if leads[2].story == nil || leads[3].story != nil {
		t.Errorf("the least recently shown story should leave first")
	}
}

func TestFeedStopsAtThePageCapAndTheByteBudget(t *testing.T) {
	var src feedSource
	src = newFeedSource()
	src.delivered(api.MaxNotePages, false, true, api.MaxNotePages, "notes")
	if src.holdsBack() || !strings.Contains(src.cut, "newest 100 pages of notes") {
		t.Errorf("at the page cap: %+v", src)
	}
	src = newFeedSource()
	src.bytes = feedByteBudget
	src.delivered(3, true, true, api.MaxEventPages, "events")
	if src.holdsBack() || !strings.Contains(src.cut, "more than 8 MiB") {
		t.Errorf("over the byte budget: %+v", src)
	}
	src = newFeedSource()
	src.delivered(3, false, false, api.MaxEventPages, "events")
	if src.holdsBack() || src.cut != "" {
		t.Errorf("a plain last page is no cut: %+v", src)
	}
}

// TestStoryIsPrefetchedOnceTheLeadIsIn: with the lead and its parts in, the
// feed's first pages and the tasks load in the background, so the summary
// says how long the lead is in its stage and the tabs open without a
// request.
func TestStoryIsPrefetchedOnceTheLeadIsIn(t *testing.T) {
	h := newHarnessVia(t, sandbox.Options{}, sandbox.LeadStages, 120, 40, nil, true)
	s := h.p.data.story
	if s == nil || s.notes.pages != 1 || s.events.pages != 1 || s.tasks.state != partLoaded {
		t.Fatalf("nothing was prefetched: %+v", s)
	}
	h.requireView("History      in Negotiation for 23 days", "Feed 10", "Tasks 2")
	h.press(tab(tabFeed), tab(tabTasks))
	if n := h.srv.TotalRequests(); n != 0 {
		t.Fatalf("opening prefetched tabs sent %v", h.srv.RequestCounts())
	}
	h.requireView("Open · 1 (1 overdue)")
}

// TestOpeningATabBringsItsPrefetchForward: the Feed tab opened while its
// pages wait in the background queue sends them again in the foreground;
// the background ones are dropped, the tasks stay in the background.
func TestOpeningATabBringsItsPrefetchForward(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadStages, 120, 40)
	h.p.story.noPrefetch = false
	background := h.p.Update(common.FadeMsg{Page: h.p.id})
	f := h.p.story.flight
	if f == nil || !f.pending[reqNotes].background || !f.pending[reqEvents].background || !f.pending[reqTasks].background {
		t.Fatalf("no prefetch in the background: %+v", f)
	}
	foreground := h.p.Update(tuitest.Key(tab(tabFeed)))
	if f.pending[reqNotes].background || f.pending[reqEvents].background || !f.pending[reqTasks].background {
		t.Fatalf("the feed's pages are still in the background: %+v", f.pending)
	}
	h.run(background)
	h.run(foreground)
	if got := h.srv.RequestCounts(); got[sandbox.EndpointNotes] != 1 || got[sandbox.EndpointEvents] != 1 || got[sandbox.EndpointTasks] != 1 {
		t.Fatalf("requests %v, want one of each (the dropped background ones never sent)", got)
	}
	h.requireView("10 entries", "Tasks 2")
	if st := h.p.Status(); st.Kind != common.StatusNone {
		t.Fatalf("status %+v", st)
	}
}

// TestAFailedPrefetchIsNotRepeated: a background request that fails is not
// said and not sent again on its own; the tab asks once it opens.
func TestAFailedPrefetchIsNotRepeated(t *testing.T) {
	h := newHarness(t, sandbox.Options{}, sandbox.LeadStages, 120, 40)
	h.srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointTasks, Fault: sandbox.FaultStatus, Status: 403})
	h.p.story.noPrefetch = false
	h.run(h.p.Update(common.FadeMsg{Page: h.p.id}))
	h.run(h.p.Update(common.FadeMsg{Page: h.p.id}))
	if n := h.srv.Requests(sandbox.EndpointTasks); n != 1 {
		t.Fatalf("the failed prefetch of tasks was sent %d times", n)
	}
	if st := h.p.Status(); st.Kind != common.StatusNone {
		t.Fatalf("a background failure was said: %+v", st)
	}
	h.press(tab(tabTasks))
	h.requireView("Could not load tasks", "not permitted")
	if n := h.srv.Requests(sandbox.EndpointTasks); n != 2 {
		t.Fatalf("opening the tab sent %d task requests in all, want 2", n)
	}
}
