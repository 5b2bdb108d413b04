package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// usersPages serves endless pages of one user padded to size bytes.
func usersPages(t *testing.T, size int) *recorder {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		page = max(page, 1)
		head := fmt.Sprintf(`{"_links":{"next":{"href":"/api/v4/users?page=%d"}},"_embedded":{"users":[{"id":%d,"name":"`, page+1, page)
		tail := `"}]}}`
		body := head + strings.Repeat("x", size-len(head)-len(tail)) + tail
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		writeJSON(w, 200, hal, body)
	})
}

func TestListCutWhereTheBudgetEnds(t *testing.T) {
	srv := usersPages(t, 600<<10)
	c := newClient(t, srv.URL, func(o *api.Options) { o.MaxBodyBytes = 1 << 20 })
	users, err := c.WithBudget(api.NewBudget(2<<20, 40)).Users(context.Background())
	var cut *api.Cut
	if !errors.As(err, &cut) {
		t.Fatalf("err %v, want a cut", err)
	}
	// Three pages of 600 KiB fit in 2 MiB; the fourth would not, and is refused by its length.
	if len(users) != 3 || cut.Kept != 3 || cut.Bound != "2 MiB" || srv.count() != 4 {
		t.Errorf("%d users, cut %+v, %d requests", len(users), cut, srv.count())
	}
	if want := "users: the first 3 shown, the rest exceeded the 2 MiB limit"; cut.Note("") != want {
		t.Errorf("note %q, want %q", cut.Note(""), want)
	}
	if len(users[0].Name) > api.MaxNameBytes || !strings.HasSuffix(users[0].Name, "…") {
		t.Errorf("a 600 KiB name is kept as %d bytes", len(users[0].Name))
	}
}

func TestListCutAtItsPageBound(t *testing.T) {
	srv := usersPages(t, 200)
	users, err := newClient(t, srv.URL).Users(context.Background())
	var cut *api.Cut
	if !errors.As(err, &cut) || len(users) != 40 || cut.Bound != "40-page" || srv.count() != 40 {
		t.Errorf("%d users, %v, %d requests", len(users), err, srv.count())
	}
}

// A budget shared by concurrent fetches never lets the bytes they may
// hold together exceed it, and never sends more requests than its pages.
func TestSharedBudgetBoundsConcurrentFetches(t *testing.T) {
	var (
		mu           sync.Mutex
		open, peakKB int
	)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		open += 300
		peakKB = max(peakKB, open)
		mu.Unlock()
		defer func() { mu.Lock(); open -= 300; mu.Unlock() }()
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		head := fmt.Sprintf(`{"_links":{"next":{"href":"%s?page=%d"}},"_embedded":{"contacts":[{"id":%d,"name":"`, r.URL.Path, page+1, 100000+page)
		tail := `"}]}}`
		body := head + strings.Repeat("y", 300<<10-len(head)-len(tail)) + tail
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		writeJSON(w, 200, hal, body)
	})
	c := newClient(t, srv.URL, func(o *api.Options) { o.MaxBodyBytes = 1 << 20 }).WithBudget(api.NewBudget(4<<20, 12))
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			_, err := c.Contacts(context.Background(), []int64{int64(i + 1)})
			if !errors.Is(err, api.ErrTruncated) {
				t.Errorf("contacts %d: %v, want a cut", i, err)
			}
		})
	}
	wg.Wait()
	if n := srv.count(); n > 12 {
		t.Errorf("%d requests, the budget allows 12 pages", n)
	}
	// Each request reserves a whole MaxBodyBytes: at most 4 are in flight.
	if peakKB > 4*300 {
		t.Errorf("%d KiB of pages answered at once", peakKB)
	}
}

func TestCutNotes(t *testing.T) {
	for _, tc := range []struct {
		cut  api.Cut
		name string
		want string
	}{
		{api.Cut{What: "elements", CatalogID: 12, Kept: 120, Asked: 250, Bound: "32 MiB"}, "Products", `list "Products": 120 of 250 elements shown, the rest exceeded the 32 MiB limit`},
		{api.Cut{What: "elements", CatalogID: 12, Kept: 0, Asked: 1, Bound: "8-page"}, "", `list 12: 0 of 1 elements shown, the rest exceeded the 8-page limit`},
		{api.Cut{What: "contacts", Kept: 3, Asked: 9, Bound: "40-page"}, "", `contacts: 3 of 9 shown, the rest exceeded the 40-page limit`},
		{api.Cut{What: "users", Kept: 1000, Bound: "32 MiB"}, "", `users: the first 1000 shown, the rest exceeded the 32 MiB limit`},
		{api.Cut{What: "lists", Asked: 95, Bound: "40-page"}, "", `95 lists not loaded, the lookup reached its 40-page limit`},
	} {
		if got := tc.cut.Note(tc.name); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}
