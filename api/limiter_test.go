package api_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
)

// Fifty lookups fired at once never put more than 7 requests into any
// closed 1 s window at the server, retries included (some first answers
// are 503s that the client retries).
func TestLimiterNeverExceedsSevenPerSecond(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about eight seconds")
	}
	t.Parallel()
	var mu sync.Mutex
	failed := map[string]bool{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		// The first request for every lead ending in 5 fails once.
		fail := strings.HasSuffix(r.URL.Path, "5") && !failed[r.URL.Path]
		failed[r.URL.Path] = true
		mu.Unlock()
		if fail {
			writeJSON(w, 503, "text/plain", "busy")
			return
		}
		writeJSON(w, 200, hal, `{"id":`+strings.TrimPrefix(r.URL.Path, "/api/v4/leads/")+`}`)
	})
	c := newClient(t, srv.URL, func(o *api.Options) { o.RatePerSecond = 0 }) // 0 = the default, 7
	var wg sync.WaitGroup
	for id := range int64(50) {
		wg.Go(func() {
			if _, err := c.GetLead(context.Background(), 1000+id); err != nil {
				t.Errorf("GetLead: %v", err)
			}
		})
	}
	wg.Wait()
	times := srv.stamps()
	if len(times) <= 50 {
		t.Fatalf("%d requests: the retries this test wants to include did not happen", len(times))
	}
	worst, at := busiestSecond(times)
	if worst > 7 {
		t.Errorf("%d requests within 1 s starting at request %d", worst, at)
	}
	t.Logf("%d requests over %s, at most %d in any 1 s window", len(times), times[len(times)-1].Sub(times[0]).Round(time.Millisecond), worst)
}

// busiestSecond returns the largest number of times within any closed
// window [t, t+1s]; checking windows that start at a request is enough,
// since sliding a window's start forward to its first request loses none.
func busiestSecond(times []time.Time) (int, int) {
	worst, at := 0, 0
	for i, start := range times {
		n := 0
		for _, t := range times {
			if !t.Before(start) && t.Sub(start) <= time.Second {
				n++
			}
		}
		if n > worst {
			worst, at = n, i
		}
	}
	return worst, at
}

func TestBusiestSecondCountsClosedWindows(t *testing.T) {
	base := time.Now()
	at := func(ms ...int) []time.Time {
		var out []time.Time
		for _, m := range ms {
			out = append(out, base.Add(time.Duration(m)*time.Millisecond))
		}
		return out
	}
	if n, _ := busiestSecond(at(0, 1000, 1001, 2500)); n != 2 {
		t.Errorf("got %d, want 2", n)
	}
	if n, _ := busiestSecond(at(0, 142, 285, 428, 571, 714, 857, 1000)); n != 8 {
		t.Errorf("got %d, want 8 (both ends of the window count)", n)
	}
}

func TestLimiterHonoursACustomRate(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, hal, `{"id":1}`) })
	c := newClient(t, srv.URL, func(o *api.Options) { o.RatePerSecond = 3 })
	for range 5 {
		if _, err := c.GetLead(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
	}
	if worst, _ := busiestSecond(srv.stamps()); worst > 3 {
		t.Errorf("%d requests in one second with RatePerSecond 3", worst)
	}
}
