package perf_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// hostileFront stands in front of the sandbox and answers one story
// endpoint itself, as a server that pages forever would: every page is
// full, new, older than the last, and announces another. Everything else
// goes to the sandbox. Close it before checking for leaked goroutines.
type hostileFront struct {
	srv      *httptest.Server
	proxied  *http.Transport
	endpoint string // "notes", "events" or "tasks"; "" passes everything through
	fat      int    // bytes of text in every note, for a server heavy on bytes

	mu    sync.Mutex
	pages int
}

func newHostileFront(tb testing.TB, sandboxURL, endpoint string, fat int) *hostileFront {
	tb.Helper()
	target, err := url.Parse(sandboxURL)
	if err != nil {
		tb.Fatal(err)
	}
	h := &hostileFront{endpoint: endpoint, fat: fat, proxied: http.DefaultTransport.(*http.Transport).Clone()}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.Transport = h.proxied
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if endpoint != "" && storyEndpointOf(r.URL.Path) == endpoint {
			h.answer(w, r)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	return h
}

// close stops the front and its connections to the sandbox.
func (h *hostileFront) close() {
	h.srv.Close()
	h.proxied.CloseIdleConnections()
}

func storyEndpointOf(path string) string {
	switch {
	case strings.HasPrefix(path, "/api/v4/leads/") && strings.HasSuffix(path, "/notes"):
		return "notes"
	case path == "/api/v4/events":
		return "events"
	case path == "/api/v4/tasks":
		return "tasks"
	}
	return ""
}

// served is how many endless pages the front has answered.
func (h *hostileFront) served() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.pages
}

func (h *hostileFront) answer(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.pages++
	h.mu.Unlock()
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	page, limit = max(page, 1), max(limit, 1)
	items := make([]string, limit)
	for i := range items {
		n := (page-1)*limit + i // counts from the newest
		at := 1714521600 - n*60
		switch h.endpoint {
		case "notes":
			text := "note " + strconv.Itoa(n)
			if h.fat > 0 {
				text = strings.Repeat("x", h.fat)
			}
			items[i] = fmt.Sprintf(`{"id":%d,"entity_id":1,"created_by":0,"created_at":%d,"note_type":"common","params":{"text":%q}}`, 900000000-n, at, text)
		case "events":
			items[i] = fmt.Sprintf(`{"id":"endless%d","type":"entity_tag_added","entity_id":1,"created_by":0,"created_at":%d,"value_before":[],"value_after":[{"tag":{"name":"t%d"}}]}`, n, at, n)
		default:
			items[i] = fmt.Sprintf(`{"id":%d,"text":"task %d","task_type_id":1,"entity_id":1,"entity_type":"leads","is_completed":false,"complete_till":%d,"result":[]}`, 900000000-n, n, at)
		}
	}
	next := fmt.Sprintf("http://%s%s?page=%d&limit=%d", r.Host, r.URL.Path, page+1, limit)
	w.Header().Set("Content-Type", "application/hal+json")
	fmt.Fprintf(w, `{"_page":%d,"_links":{"self":{"href":"x"},"next":{"href":%q}},"_embedded":{%q:[%s]}}`,
		page, next, h.endpoint, strings.Join(items, ","))
}
