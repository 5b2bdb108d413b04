package tui

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
	"github.com/leadscope/leadscope/api/sandbox"
)

// directoryEndpoints are the requests of the account data.
var directoryEndpoints = []string{sandbox.EndpointAccount, sandbox.EndpointPipelines, sandbox.EndpointUsers, sandbox.EndpointCatalogs}

func directoryRequests(srv *sandbox.Server) int {
	n := 0
	for _, e := range directoryEndpoints {
		n += srv.Requests(e)
	}
	return n
}

// With the account cache, a lead opened at start shows its names before
// any request for the account data; the cache is checked once, in the
// background, once the lead has settled.
func TestCachedAccountDataShowsNamesWithoutRequests(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	store, err := cache.Open(t.TempDir(), "sandbox.test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cache.NewSource(c, store).Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv.ResetCounts()

	opts := testOptions(c)
	opts.AccountData = cache.NewSource(c, store)
	opts.InitialLead = sandbox.LeadBasic
	m := newTestModel(t, opts, 120, 40)
	if n := directoryRequests(srv); n != 0 {
		t.Fatalf("building the model asked for the account data %d times", n)
	}
	requireContains(t, m.View(), sandbox.AccountName)
	// The lead and its parts first: no account request until they settled.
	next, cmd := m.Update(nil)
	m = next.(Model)
	m, _ = drive(t, m, tea.Batch(m.Init(), cmd))
	requireContains(t, m.View(), sandbox.LeadBasicStageName, sandbox.UserSalesName)
	if n := directoryRequests(srv); n != len(directoryEndpoints) {
		t.Errorf("the session checked the cache with %d requests, want one batch of %d", n, len(directoryEndpoints))
	}
}

// A lead in a stage the cached account data does not know refreshes just
// the pipelines, and its stage gets its name.
func TestAStageMissingFromTheCacheIsFetched(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	store, err := cache.Open(t.TempDir(), "sandbox.test")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := cache.NewSource(c, store).Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The cached copy predates the lead's pipeline.
	dir := *snap.Dir
	dir.Pipelines = nil
	for _, p := range snap.Dir.Pipelines {
		if p.ID != sandbox.PipelineSales {
			dir.Pipelines = append(dir.Pipelines, p)
		}
	}
	// ...and was fetched before the lead last changed (moved into that stage).
	fetched := map[api.DirectoryPart]time.Time{}
	for part := range snap.Fetched {
		fetched[part] = testNow.AddDate(0, 0, -30)
	}
	if err := store.Save(cache.Snapshot{Dir: &dir, Fetched: fetched}); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(c)
	opts.AccountData = cache.NewSource(c, store)
	m := newTestModel(t, opts, 120, 40)
	m.revalidateWhenIdle = false // only the completion is under test
	m = start(t, m)
	srv.ResetCounts()
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, m.View(), sandbox.PipelineSalesName, sandbox.LeadBasicStageName)
	if n := srv.Requests(sandbox.EndpointPipelines); n != 1 {
		t.Errorf("pipelines requests = %d, want 1", n)
	}
	if n := srv.Requests(sandbox.EndpointUsers) + srv.Requests(sandbox.EndpointAccount); n != 0 {
		t.Errorf("completing the stage also asked for %d other parts", n)
	}
}
