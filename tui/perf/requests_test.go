package perf_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
)

// startupRequests is the prefetch (account, pipelines, users and catalogs,
// once each), then the leads list it opens on: its first page (the
// account's filter flag came with the account; at 120 columns the main
// contact column is not shown, so its names are not fetched).
var startupRequests = map[string]int{
	sandbox.EndpointAccount:   1,
	sandbox.EndpointPipelines: 1,
	sandbox.EndpointUsers:     1,
	sandbox.EndpointCatalogs:  1,
	sandbox.EndpointLeads:     1,
}

// leadViewCosts is what opening each lead must cost: one request for the
// lead and one per non-empty kind (contacts, companies, each catalog).
var leadViewCosts = []struct {
	name string
	id   int64
	want leadRequests
}{
	{"LeadBasic", sandbox.LeadBasic, leadRequests{leads: 1, contacts: 1, companies: 1, catalogElements: 2}},
	{"LeadNoContacts", sandbox.LeadNoContacts, leadRequests{leads: 1}},
	{"LeadHuge", sandbox.LeadHuge, leadRequests{leads: 1, contacts: 1, companies: 1, catalogElements: 1}},
	{"LeadManyLinks", sandbox.LeadManyLinks, leadRequests{leads: 1, contacts: 1, companies: 1, catalogElements: 2}},
}

func TestRequestsPerLeadView(t *testing.T) {
	for _, tc := range leadViewCosts {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // the refresh's status fade keeps each case 4 s at its end
			if rule := ruleCost(seeded(t, tc.id)); rule != tc.want {
				t.Fatalf("the table says %+v, the rule gives %+v for the seeded lead", tc.want, rule)
			}
			srv, err := sandbox.Start(sandbox.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			c, tr := newClient(t, srv.URL(), api.StaticToken(sandbox.Token), nil)
			defer tr.CloseIdleConnections()
			s := startSession(t, c, termenv.Ascii)
			defer s.quit()

			s.waitDirectory()
			if got := srv.RequestCounts(); !sameCounts(got, startupRequests) {
				t.Fatalf("start-up prefetch sent %v, want %v", got, startupRequests)
			}

			srv.ResetCounts()
			f := s.open(tc.id)
			if !showsLead(f.View, tc.id) {
				t.Fatalf("lead %d not on screen:\n%s", tc.id, f.View)
			}
			// The lead's story follows in the background: the feed's first
			// page (notes and events) and the tasks, the limiter keeping the
			// whole view within Kommo's 7 requests a second.
			s.awaitStory()
			assertViewCost(t, srv, "first visit", tc.want, storyPrefetch)
			if f := s.press(tabKey(tabFeed)); !strings.Contains(f.View, "[Feed") || strings.Contains(f.View, "Could not") {
				t.Fatalf("the Feed tab did not show:\n%s", f.View)
			}
			s.press(tabKey(tabTasks))
			assertCost(t, srv, "the Feed and Tasks tabs, prefetched", leadRequests{})
			s.press(tabKey(tabFields))

			other := sandbox.LeadWon
			s.open(other)
			srv.ResetCounts()
			if f := s.press(runes("[")); !showsLead(f.View, tc.id) {
				t.Fatalf("[ did not go back to %d:\n%s", tc.id, f.View)
			}
			if f := s.press(runes("]")); !showsLead(f.View, other) {
				t.Fatalf("] did not go forward to %d:\n%s", other, f.View)
			}
			if f := s.open(tc.id); !showsLead(f.View, tc.id) {
				t.Fatalf("typing %d again did not show it:\n%s", tc.id, f.View)
			}
			assertCost(t, srv, "revisits ([, ], typing the ID again)", leadRequests{})
			// History is now: this lead, the other, this lead again.
			s.press(runes("["))
			if f := s.press(runes("[")); !showsLead(f.View, tc.id) {
				t.Fatalf("[ [ did not go back to the first page of %d:\n%s", tc.id, f.View)
			}
			if f := s.press(tabKey(tabFeed)); !strings.Contains(f.View, "[Feed") {
				t.Fatalf("the Feed tab is not on screen:\n%s", f.View)
			}
			assertCost(t, srv, "the feed again, on the page that loaded it", leadRequests{})
			s.press(tabKey(tabFields))
			s.press(runes("]"))
			s.press(runes("]"))

			f = s.press(runes("r"))
			if !showsLead(f.View, tc.id) || !strings.Contains(f.View, "Refreshed") {
				t.Fatalf("r did not refresh %d:\n%s", tc.id, f.View)
			}
			s.awaitStory()
			assertViewCost(t, srv, "refresh (r)", tc.want, storyPrefetch)
			if n := srv.RateLimited(); n != 0 {
				t.Errorf("the sandbox answered %d requests with 429", n)
			}
			if n := srv.MaxInWindow(time.Second); n > kommoRatePerSecond {
				t.Errorf("%d requests reached the sandbox within a second, over Kommo's %d", n, kommoRatePerSecond)
			}
		})
	}
}

// kommoRatePerSecond is Kommo's limit: requests per second per integration.
const kommoRatePerSecond = 7

// storyRequests is what the sandbox counted of a lead's story.
type storyRequests struct{ notes, events, tasks, fieldDefs int }

func (r storyRequests) total() int { return r.notes + r.events + r.tasks + r.fieldDefs }

// storyPrefetch is what a lead view adds in the background once the lead
// and its parts are in: the feed's first page (the newest page of notes
// and of events, side by side) and the tasks. The seeded leads name every
// field their events change, so no definitions are needed.
var storyPrefetch = storyRequests{notes: 1, events: 1, tasks: 1}

// storyLoaded is a screen whose tab bar counts the feed and the tasks.
var storyLoaded = regexp.MustCompile(`Feed \d+.*Tasks \d+`)

// awaitStory waits for the lead's story to have arrived.
func (s *session) awaitStory() perf.Frame {
	s.tb.Helper()
	f, err := s.drv.Await(func(f perf.Frame) bool { return storyLoaded.MatchString(f.View) }, waitLimit)
	if err != nil {
		s.tb.Fatal(err)
	}
	return f
}

func countedStoryRequests(srv *sandbox.Server) storyRequests {
	return storyRequests{
		notes:     srv.Requests(sandbox.EndpointNotes),
		events:    srv.Requests(sandbox.EndpointEvents),
		tasks:     srv.Requests(sandbox.EndpointTasks),
		fieldDefs: srv.Requests(sandbox.EndpointCustomFields),
	}
}

// assertViewCost checks a lead view with its story prefetched.
func assertViewCost(t *testing.T, srv *sandbox.Server, what string, lead leadRequests, story storyRequests) {
	t.Helper()
	gotLead, gotStory := countedLeadRequests(srv), countedStoryRequests(srv)
	if gotLead != lead || gotStory != story || srv.TotalRequests() != lead.total()+story.total() {
		t.Fatalf("%s: sandbox saw %+v and %+v (by endpoint %v), want %+v and %+v", what, gotLead, gotStory, srv.RequestCounts(), lead, story)
	}
	srv.ResetCounts()
}

func assertCost(t *testing.T, srv *sandbox.Server, what string, want leadRequests) {
	t.Helper()
	got := countedLeadRequests(srv)
	if got != want || srv.TotalRequests() != want.total() {
		t.Fatalf("%s: sandbox saw %+v (total %d, by endpoint %v), want %+v", what, got, srv.TotalRequests(), srv.RequestCounts(), want)
	}
	srv.ResetCounts()
}

func sameCounts(got, want map[string]int) bool {
	n := 0
	for k, v := range got {
		if v == 0 {
			continue
		}
		if want[k] != v {
			return false
		}
		n++
	}
	return n == len(want)
}

// ruleCost applies the rule to the seeded lead's links.
func ruleCost(r reference) leadRequests {
	e := r.lead.Embedded
	cost := leadRequests{leads: 1}
	if len(e.Contacts) > 0 {
		cost.contacts = 1
	}
	if len(e.Companies) > 0 {
		cost.companies = 1
	}
	catalogs := map[int64]bool{}
	for _, el := range e.CatalogElements {
		catalogs[el.Metadata.CatalogID] = true
	}
	cost.catalogElements = len(catalogs)
	return cost
}

// BenchmarkRequestsPerLeadView reports what viewing the huge lead costs at
// the sandbox beside the naive one-request-per-entity count. Each
// iteration is one `r` (which costs what a first visit does), on loopback
// without latency or rate limits, so ns/op is the refresh's local cost.
func BenchmarkRequestsPerLeadView(b *testing.B) {
	ref := seeded(b, sandbox.LeadHuge)
	srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), func(o *api.Options) { o.RatePerSecond = 1e6 })
	defer tr.CloseIdleConnections()
	s := startSession(b, c, termenv.Ascii)
	defer s.quit()
	s.waitDirectory()

	srv.ResetCounts()
	s.open(sandbox.LeadHuge)
	first := srv.TotalRequests()
	s.awaitStory()
	story := srv.TotalRequests() - first
	s.open(sandbox.LeadWon)
	s.awaitStory()
	srv.ResetCounts()
	s.press(runes("["))
	revisit := srv.TotalRequests()

	srv.ResetCounts()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if f := s.press(runes("r")); !showsLead(f.View, sandbox.LeadHuge) {
			b.Fatalf("refresh lost the lead:\n%s", f.View)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(first), "requests/view")
	b.ReportMetric(float64(revisit), "requests/revisit")
	b.ReportMetric(float64(story), "requests/story-prefetch")
	b.ReportMetric(float64(srv.TotalRequests())/float64(b.N), "requests/refresh")
	b.ReportMetric(float64(ref.naiveRequests()), "naive-requests/view")
}
