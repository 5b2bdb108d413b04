package api_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// leadIDServer answers every lead with its ID and records the order in
// which lead IDs arrived.
type leadIDServer struct {
	*recorder
	mu    sync.Mutex
	order []int64
}

func newLeadIDServer(t *testing.T) *leadIDServer {
	s := &leadIDServer{}
	s.recorder = serve(t, func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(strings.TrimPrefix(r.URL.Path, "/api/v4/leads/"), 10, 64)
		s.mu.Lock()
		s.order = append(s.order, id)
		s.mu.Unlock()
		writeJSON(w, 200, hal, `{"id":`+strconv.FormatInt(id, 10)+`}`)
	})
	return s
}

// Six background lookups and five foreground ones start together: the
// first window (7 requests) carries every foreground one and at most two
// background ones, whatever the goroutines' order.
func TestBackgroundRequestsLeaveTheWindowToForeground(t *testing.T) {
	srv := newLeadIDServer(t)
	c := newClient(t, srv.URL, func(o *api.Options) { o.RatePerSecond = 7 })
	bgCtx := api.WithPriority(context.Background(), api.Background)
	var wg sync.WaitGroup
	for i := range int64(6) {
		wg.Go(func() {
			if _, err := c.GetLead(bgCtx, 100+i); err != nil {
				t.Error(err)
			}
		})
	}
	for i := range int64(5) {
		wg.Go(func() {
			if _, err := c.GetLead(context.Background(), 1+i); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	srv.mu.Lock()
	order := append([]int64(nil), srv.order...)
	srv.mu.Unlock()
	foreground, background := 0, 0
	for _, id := range order[:7] {
		if id < 100 {
			foreground++
		} else {
			background++
		}
	}
	if foreground != 5 || background != 2 {
		t.Errorf("first 7 arrivals %v: %d foreground, %d background; want 5 and 2", order, foreground, background)
	}
	if worst, _ := busiestSecond(srv.stamps()); worst > 7 {
		t.Errorf("%d requests within 1 s", worst)
	}
}

func TestPriorityOfContext(t *testing.T) {
	ctx := context.Background()
	if api.PriorityOf(ctx) != api.Foreground {
		t.Error("the default is not foreground")
	}
	bg := api.WithPriority(ctx, api.Background)
	if api.PriorityOf(bg) != api.Background || api.PriorityOf(api.WithPriority(bg, api.Foreground)) != api.Foreground {
		t.Error("priorities do not stick or cannot be overridden")
	}
	if api.PriorityOf(api.WithPriority(ctx, api.Priority(9))) != api.Foreground {
		t.Error("an unknown priority is not foreground")
	}
}

// Two clients sharing a budget directory (two processes, as far as the
// limiter knows) never send more than 7 requests in any second together.
func TestSharedBudgetAcrossClients(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about two seconds")
	}
	srv := newLeadIDServer(t)
	dir := filepath.Join(t.TempDir(), "acme.kommo.com")
	var clients []*api.Client
	for range 2 {
		c := newClient(t, srv.URL, func(o *api.Options) { o.RatePerSecond = 7; o.SharedBudgetDir = dir })
		if err := c.SharedBudgetErr(); err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	var wg sync.WaitGroup
	for i := range int64(16) {
		wg.Go(func() {
			if _, err := clients[i%2].GetLead(context.Background(), 1+i); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if worst, _ := busiestSecond(srv.stamps()); worst > 7 {
		t.Errorf("%d requests of two clients within 1 s", worst)
	}
	for _, c := range clients {
		if err := c.SharedBudgetErr(); err != nil {
			t.Errorf("the shared budget failed: %v", err)
		}
	}
}

func TestSharedBudgetDegradesWithOneError(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := newLeadIDServer(t)
	c := newClient(t, srv.URL, func(o *api.Options) { o.RatePerSecond = 7; o.SharedBudgetDir = filepath.Join(blocker, "acme") })
	err := c.SharedBudgetErr()
	if err == nil || !strings.Contains(err.Error(), "shared rate limit") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("SharedBudgetErr = %v", err)
	}
	if _, err := c.GetLead(context.Background(), 1); err != nil {
		t.Errorf("the client does not work without its shared budget: %v", err)
	}
	if c := newClient(t, srv.URL); c.SharedBudgetErr() != nil {
		t.Errorf("a client without a shared budget reports %v", c.SharedBudgetErr())
	}
}
