package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
)

// storyFault is what a misbehaving server does to every story request.
type storyFault int

const (
	hostileHugeBody     storyFault = iota // 50 MiB of one item, streamed
	hostileDeepInvalid                    // nesting beyond what any JSON decoder accepts
	hostileDeepValid                      // 5,000 levels in params: valid, and must stay harmless
	hostileEndlessFresh                   // _links.next forever, new items on every page
	hostileEndlessSame                    // _links.next forever, the same page again
	hostileMalformed
	hostileNoContent
	hostileNotFound
)

// storyKey names the _embedded list a story path answers with.
func storyKey(path string) string {
	switch {
	case strings.HasSuffix(path, "/notes"):
		return "notes"
	case path == "/api/v4/events":
		return "events"
	case path == "/api/v4/tasks":
		return "tasks"
	case strings.HasSuffix(path, "/custom_fields/groups"):
		return "custom_field_groups"
	}
	return "custom_fields"
}

// storyItem is one plausible member of key's list, unique by page and i.
func storyItem(key string, page, i int) string {
	id := page*1000 + i
	switch key {
	case "events", "custom_field_groups":
		return fmt.Sprintf(`{"id":"x%d","type":"lead_added","name":"group %d","created_at":%d,"value_after":[],"value_before":[]}`, id, id, 1714521600+id)
	}
	return fmt.Sprintf(`{"id":%d,"note_type":"common","params":{"text":"note %d"},"text":"task %d","name":"field %d","created_at":%d}`, id, id, id, id, 1714521600+id)
}

func hostileServer(t *testing.T, kind storyFault) *recorder {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		key := storyKey(r.URL.Path)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		next := fmt.Sprintf(`"next":{"href":"http://%s%s?page=%d"}`, r.Host, r.URL.Path, page+1)
		switch kind {
		case hostileHugeBody:
			w.Header().Set("Content-Type", hal)
			io.WriteString(w, `{"_embedded":{"`+key+`":[{"id":1,"params":{"text":"`)
			chunk := strings.Repeat("x", 64<<10)
			for range (50 << 20) / len(chunk) {
				if _, err := io.WriteString(w, chunk); err != nil {
					return
				}
			}
			io.WriteString(w, `"}}]}}`)
		case hostileDeepInvalid, hostileDeepValid:
			depth := 20_000 // twice what encoding/json accepts
			if kind == hostileDeepValid {
				depth = 5_000
			}
			deep := strings.Repeat("[", depth) + strings.Repeat("]", depth)
			writeJSON(w, 200, hal, `{"_embedded":{"`+key+`":[{"id":1,"params":`+deep+`,"value_after":`+deep+`,"result":`+deep+`,"enums":`+deep+`}]}}`)
		case hostileEndlessFresh, hostileEndlessSame:
			if kind == hostileEndlessSame {
				page = 1
			}
			items := make([]string, 0, 50)
			for i := range 50 {
				items = append(items, storyItem(key, page, i))
			}
			writeJSON(w, 200, hal, `{"_page":`+strconv.Itoa(page)+`,"_links":{`+next+`},"_embedded":{"`+key+`":[`+strings.Join(items, ",")+`]}}`)
		case hostileMalformed:
			writeJSON(w, 200, hal, `{"_embedded":{"`+key+`":[{"id":1,}]}`)
		case hostileNoContent:
			w.WriteHeader(http.StatusNoContent)
		case hostileNotFound:
			writeJSON(w, 404, "application/problem+json", `{"title":"Not Found","status":404,"detail":"no such lead"}`)
		}
	})
}

// storyPath is one way the app fetches the story; items counts what it got
// and truncated says a cap ended it.
type storyPath struct {
	name     string
	maxPages int // the cap a walk over endless pages must stop at
	fetch    func(ctx context.Context, c *api.Client) (items int, truncated bool, err error)
}

// walk pages as the Feed tab does: the next page while HasNext says so.
func walkNotes(ctx context.Context, c *api.Client) (int, bool, error) {
	n := 0
	for page := 1; ; page++ {
		p, err := c.LeadNotes(ctx, 5, page)
		if err != nil {
			return n, false, err
		}
		n += len(p.Notes)
		if !p.HasNext {
			return n, page == api.MaxNotePages, nil
		}
	}
}

func walkEvents(ctx context.Context, c *api.Client) (int, bool, error) {
	n := 0
	for page := 1; ; page++ {
		p, err := c.LeadEvents(ctx, 5, page)
		if err != nil {
			return n, false, err
		}
		n += len(p.Events)
		if !p.HasNext {
			return n, page == api.MaxEventPages, nil
		}
	}
}

var storyPaths = []storyPath{
	{"notes walk", api.MaxNotePages, walkNotes},
	{"events walk", api.MaxEventPages, walkEvents},
	{"tasks", api.MaxTaskPages, func(ctx context.Context, c *api.Client) (int, bool, error) {
		l, err := c.LeadTasks(ctx, 5)
		if err != nil {
			return 0, false, err
		}
		return len(l.Tasks), l.Truncated, nil
	}},
	{"field definitions", api.MaxFieldDefPages, func(ctx context.Context, c *api.Client) (int, bool, error) {
		defs, err := c.CustomFieldDefs(ctx, api.EntityLeads)
		return len(defs), len(defs) >= api.MaxFieldDefPages*50, err
	}},
	{"field groups", api.MaxFieldDefPages, func(ctx context.Context, c *api.Client) (int, bool, error) {
		groups, err := c.CustomFieldGroups(ctx, api.EntityCompanies)
		return len(groups), len(groups) >= api.MaxFieldDefPages*50, err
	}},
}

// The story's fault matrix: every fetch path against every storyFault server,
// with the error kind, the requests it may cost, and the memory it may
// allocate. Not parallel: the allocation count is process-wide.
func TestStoryFaultMatrix(t *testing.T) {
	// Bodies are capped at 1 MiB here, so a client that held the 50 MiB
	// body, or kept every endless page, would blow this budget by far.
	const bodyCap, allocBudget = 1 << 20, 24 << 20
	for _, path := range storyPaths {
		for _, tc := range []struct {
			name      string
			kind      storyFault
			err       error // nil: success
			text      string
			requests  int // 0: path.maxPages (an endless walk must stop exactly at its cap)
			truncated bool
		}{
			{name: "huge body", kind: hostileHugeBody, err: api.ErrBadResponse, text: "larger than", requests: 1},
			{name: "nesting beyond any decoder", kind: hostileDeepInvalid, err: api.ErrBadResponse, text: "malformed JSON", requests: 1},
			{name: "deep but valid nesting", kind: hostileDeepValid, requests: 1},
			{name: "endless pages", kind: hostileEndlessFresh, truncated: true},
			{name: "malformed", kind: hostileMalformed, err: api.ErrBadResponse, text: "malformed JSON", requests: 1},
			{name: "204", kind: hostileNoContent, requests: 1},
			{name: "404", kind: hostileNotFound, err: api.ErrNotFound, requests: 1},
		} {
			t.Run(path.name+"/"+tc.name, func(t *testing.T) {
				srv := hostileServer(t, tc.kind)
				c := newClient(t, srv.URL, func(o *api.Options) { o.MaxBodyBytes = bodyCap })
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				items, truncated, err := path.fetch(ctx, c)
				runtime.ReadMemStats(&after)
				if tc.err == nil && err != nil {
					t.Fatalf("error %v", err)
				}
				if tc.err != nil {
					mustKind(t, err, tc.err)
					if !strings.Contains(err.Error(), tc.text) {
						t.Errorf("message %q lacks %q", err, tc.text)
					}
				}
				want := tc.requests
				if want == 0 {
					want = path.maxPages
				}
				if got := srv.count(); got != want {
					t.Errorf("%d requests, want %d", got, want)
				}
				if truncated != tc.truncated {
					t.Errorf("truncated %v, want %v (%d items)", truncated, tc.truncated, items)
				}
				t.Logf("%d requests, %d items, %d KiB allocated", srv.count(), items, (after.TotalAlloc-before.TotalAlloc)>>10)
				if alloc := after.TotalAlloc - before.TotalAlloc; alloc > allocBudget {
					t.Errorf("allocated %d MiB, budget %d MiB", alloc>>20, allocBudget>>20)
				}
			})
		}
	}
}

// A server that repeats the same page with a next link forever: the
// all-pages loads stop at the first page that brings nothing new.
func TestRepeatedPageEndsAllPageLoads(t *testing.T) {
	srv := hostileServer(t, hostileEndlessSame)
	c := newClient(t, srv.URL)
	tasks, err := c.LeadTasks(context.Background(), 5)
	if err != nil || len(tasks.Tasks) != 50 || tasks.Truncated {
		t.Fatalf("tasks %d truncated %v: %v", len(tasks.Tasks), tasks.Truncated, err)
	}
	defs, err := c.CustomFieldDefs(context.Background(), api.EntityLeads)
	if err != nil || len(defs) != 50 {
		t.Fatalf("defs %d: %v", len(defs), err)
	}
	if srv.count() != 4 {
		t.Errorf("%d requests, want 2 per load", srv.count())
	}
}

// The all-pages loads stop at the byte budget before the page cap when
// every page is large.
func TestAllPageLoadsStopAtTheByteBudget(t *testing.T) {
	filler := strings.Repeat("y", 4<<20)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		writeJSON(w, 200, hal, fmt.Sprintf(`{"_links":{"next":{"href":"/x"}},"_embedded":{"tasks":[{"id":%d,"text":"%s"}]}}`, page, filler))
	})
	list, err := newClient(t, srv.URL).LeadTasks(context.Background(), 5)
	if err != nil {
		t.Fatal(err)
	}
	if !list.Truncated || srv.count() >= api.MaxTaskPages || srv.count() > 9 {
		t.Errorf("%d requests, truncated %v: the 32 MiB budget should end it after 8 pages", srv.count(), list.Truncated)
	}
}
