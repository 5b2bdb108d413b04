package perf_test

import (
	"runtime"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
	"go.uber.org/goleak"
)

// The story's rows of the fault matrix: the lead opens normally with the
// fault on, its story's background prefetch meets the fault (and says
// nothing), then its Feed or Tasks tab opens and asks again (and the feed
// is scrolled to its end, loading every page it will). The lead stays on
// screen, what failed or stopped is said, what did load is shown, and the
// heap the story keeps stays under its budget.
type storyFaultCase struct {
	name string
	lead int64
	tab  int
	// endless makes the hostile front page forever on one endpoint ("notes",
	// "events" or "tasks"); fat puts that many bytes in every note.
	endless string
	fat     int
	// fault is injected by the sandbox on its story endpoints.
	fault  sandbox.Faults
	scroll bool // press End until the feed stops growing

	want      []string // on screen afterwards
	wantPages int      // endless pages the front served
	maxHeapMB float64  // heap kept once the case ends, beyond what the lead itself keeps
}

// storyHeapMB bounds what a story may keep: 25,000 small notes (the api's
// page cap) or the feed's byte budget of heavy ones come to about half.
const storyHeapMB = 32

var storyFaultCases = []storyFaultCase{
	{name: "notes: endless pages", lead: sandbox.LeadNoStory, tab: tabFeed, endless: "notes", scroll: true,
		want: []string{"Only the newest 100 pages of notes are loaded.", "25000 entries"}, wantPages: api.MaxNotePages, maxHeapMB: storyHeapMB},
	{name: "events: endless pages", lead: sandbox.LeadNoStory, tab: tabFeed, endless: "events", scroll: true,
		want: []string{"Only the newest 100 pages of events are loaded.", "10000 entries"}, wantPages: api.MaxEventPages, maxHeapMB: storyHeapMB},
	{name: "notes: endless pages of 30 kB notes", lead: sandbox.LeadNoStory, tab: tabFeed, endless: "notes", fat: 30 << 10, scroll: true,
		want: []string{"Kommo sent more than 8 MiB of them"}, wantPages: 2, maxHeapMB: storyHeapMB},
	{name: "tasks: endless pages", lead: sandbox.LeadNoStory, tab: tabTasks, endless: "tasks",
		want: []string{"Only the first 5000 tasks are loaded.", "Open · 5000"}, wantPages: api.MaxTaskPages, maxHeapMB: storyHeapMB},
	{name: "notes: 50 MB body", lead: sandbox.LeadBasic, tab: tabFeed,
		fault: sandbox.Faults{Endpoint: sandbox.EndpointNotes, Fault: sandbox.FaultHugeBody},
		want:  []string{"Could not load notes: ", "(r retries)", "Contact unlinked"}, maxHeapMB: 8},
	{name: "tasks: 50 MB body", lead: sandbox.LeadBasic, tab: tabTasks,
		fault: sandbox.Faults{Endpoint: sandbox.EndpointTasks, Fault: sandbox.FaultHugeBody},
		want:  []string{"Could not load tasks: ", "(r retries)"}, maxHeapMB: 8},
	{name: "notes and events: 204", lead: sandbox.LeadNoStory, tab: tabFeed, scroll: true,
		want: []string{"Nothing in this lead's feed yet.", "0 entries"}, maxHeapMB: 8},
	{name: "tasks: 204", lead: sandbox.LeadNoStory, tab: tabTasks,
		want: []string{"This lead has no tasks.", "Tasks 0"}, maxHeapMB: 8},
	{name: "events: 500 forever", lead: sandbox.LeadBasic, tab: tabFeed, scroll: true,
		fault: sandbox.Faults{Endpoint: sandbox.EndpointEvents, Fault: sandbox.FaultStatus, Status: 500},
		want:  []string{"Could not load events: ", "server error", "E-mail sent"}, maxHeapMB: 8},
	{name: "tasks: 403", lead: sandbox.LeadBasic, tab: tabTasks,
		fault: sandbox.Faults{Endpoint: sandbox.EndpointTasks, Fault: sandbox.FaultStatus, Status: 403},
		want:  []string{"Could not load tasks: ", "not permitted"}, maxHeapMB: 8},
	{name: "notes: malformed JSON", lead: sandbox.LeadBasic, tab: tabFeed,
		fault: sandbox.Faults{Endpoint: sandbox.EndpointNotes, Fault: sandbox.FaultMalformedJSON},
		want:  []string{"Could not load notes: ", msgUnreadable}, maxHeapMB: 8},
}

func TestStoryFaultMatrix(t *testing.T) {
	for _, tc := range storyFaultCases {
		t.Run(tc.name, func(t *testing.T) { runStoryFaultCase(t, tc) })
	}
}

func runStoryFaultCase(t *testing.T, tc storyFaultCase) {
	defer goleak.VerifyNone(t)
	srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	front := newHostileFront(t, srv.URL(), tc.endless, tc.fat)
	defer front.close()
	// No retries of a 5xx beyond the api's own, and no waiting on the
	// limiter: the case is about what the page keeps, not about time.
	c, tr := newClient(t, front.srv.URL, api.StaticToken(sandbox.Token), func(o *api.Options) { o.RatePerSecond = 1e6 })
	defer tr.CloseIdleConnections()
	s := startSession(t, c, termenv.Ascii)
	defer s.quit()
	s.waitDirectory()
	before := heapAfterGC()
	srv.SetFaults(tc.fault)
	if f := s.open(tc.lead); !showsLead(f.View, tc.lead) {
		t.Fatalf("lead %d not on screen:\n%s", tc.lead, f.View)
	}
	s.awaitStoryAnswers(storyPrefetch.total())
	if status := statusLine(s.drv.Frame().View); strings.Contains(status, "✗") {
		t.Errorf("the background prefetch said %q", status)
	}

	f := s.press(tabKey(tc.tab))
	for i := 0; tc.scroll && i < 2*api.MaxNotePages && strings.Contains(f.View, "· more"); i++ {
		f = s.press(runes("G"))
	}
	for _, want := range tc.want {
		if !strings.Contains(f.View, want) {
			t.Errorf("the screen does not say %q:\n%s", want, f.View)
		}
	}
	if !showsLead(f.View, tc.lead) {
		t.Errorf("lead %d left the screen:\n%s", tc.lead, f.View)
	}
	if got := front.served(); got != tc.wantPages {
		t.Errorf("the endless front served %d pages, want %d", got, tc.wantPages)
	}
	// The driver keeps the last message it handled, which may hold a
	// whole page as Kommo sent it: a resize takes its place.
	s.press(tea.WindowSizeMsg{Width: screenWidth, Height: screenHeight})
	held := float64(heapAfterGC()-before) / (1 << 20)
	if held > tc.maxHeapMB {
		t.Errorf("the story keeps %.1f MB of heap, budget %.0f MB", held, tc.maxHeapMB)
	}
}

// awaitStoryAnswers waits until the model has taken n answers to story
// requests, whatever they were.
func (s *session) awaitStoryAnswers(n int) {
	s.tb.Helper()
	_, err := s.drv.Await(func(f perf.Frame) bool { return f.Processed("leadpage.storyMsg") >= n }, waitLimit)
	if err != nil {
		s.tb.Fatal(err)
	}
}

// heapAfterGC is the heap in use once the garbage is collected (twice:
// pooled buffers survive one collection).
func heapAfterGC() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
