package leadpage

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/internal/tuitest"
	"github.com/muesli/termenv"
)

// testNow is the tui tests' clock: 2024-05-02 09:30 UTC, a day and a half
// after the seeded stories' SeedEpoch.
var testNow = time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC)

// harness drives one lead page against the sandbox over loopback, running
// the commands it returns to completion as the root would.
type harness struct {
	t     *testing.T
	srv   *sandbox.Server
	c     *common.Context
	cache *Cache
	p     *Page
}

// newHarness opens lead id on a page of width x height, with the account's
// names loaded, at the seeded stories' "now". Its story loads only when
// its tabs open: the background prefetch is off.
func newHarness(t *testing.T, opts sandbox.Options, id int64, width, height int) *harness {
	t.Helper()
	return newHarnessVia(t, opts, id, width, height, nil, false)
}

// newHarnessVia is newHarness with the sandbox's answers changed on their
// way by rewrite (nil: unchanged), through a proxy on loopback, and the
// story prefetched in the background when prefetch is true.
func newHarnessVia(t *testing.T, opts sandbox.Options, id int64, width, height int, rewrite func(*http.Response) error, prefetch bool) *harness {
	t.Helper()
	srv := tuitest.StartSandbox(t, opts)
	base := srv.URL()
	if rewrite != nil {
		target, _ := url.Parse(base)
		proxy := httputil.NewSingleHostReverseProxy(target)
		proxy.ModifyResponse = rewrite
		front := httptest.NewServer(proxy)
		t.Cleanup(front.Close)
		base = front.URL
	}
	client := tuitest.NewClient(t, base)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	dir, err := client.LoadDirectory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := &common.Context{
		Client: client, Styles: theme.New(r), Names: common.NewNames(dir), NamesVersion: 1,
		Now: func() time.Time { return testNow }, Lifetime: ctx,
		Zone: common.Zone{Times: time.UTC, Dates: time.UTC},
	}
	lead, err := client.GetLead(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, srv: srv, c: c, cache: NewCache()}
	h.p = New(c, h.cache, 1, h.cache.Put(lead))
	h.p.story.noPrefetch = !prefetch
	h.p.SetSize(width, height)
	h.run(h.p.Activate())
	srv.ResetCounts()
	return h
}

// run runs cmd and every command it leads to, feeding their messages to
// the page in order.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	tuitest.Run(cmd, h.p.Update)
}

// press sends keys, running what each starts.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.run(h.p.Update(tuitest.Key(k)))
	}
}

// tab is the key of tab t.
func tab(t tabKind) string { return "alt+" + string(rune('1'+t)) }

// shownFeed is what the Feed tab shows now, with the page's filter.
func (h *harness) shownFeed() []storyEntryKey {
	s := h.p.data.story
	shown, _ := showable(s.entries(), h.p.story.filter, cutFor(s.sources(h.p.story.filter)...))
	out := make([]storyEntryKey, len(shown))
	for i, e := range shown {
		out[i] = storyEntryKey{note: e.NoteID, event: e.EventID, at: e.At, source: int(e.Source), comm: e.Comm}
	}
	return out
}

type storyEntryKey struct {
	note   int64
	event  string
	at     time.Time
	source int
	comm   bool
}

func (h *harness) requireView(wants ...string) string {
	h.t.Helper()
	view := h.p.View()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			h.t.Fatalf("view lacks %q:\n%s", w, view)
		}
	}
	return view
}
