package perf_test

import (
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/muesli/termenv"
	"go.uber.org/goleak"
)

// TestSettledMeansResolved backs the latency benchmarks' notion of done:
// once no loading status is on screen, the Contacts, Companies and Catalog
// tabs show resolved names without another request.
func TestSettledMeansResolved(t *testing.T) {
	defer goleak.VerifyNone(t)
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

	s.open(sandbox.LeadBasic)
	before := srv.TotalRequests()
	tabs := []struct {
		key  int
		want string
	}{
		{3, sandbox.LeadBasicContactName},
		{4, sandbox.LeadBasicCompanyName},
		{5, sandbox.LeadBasicProductName},
		{5, sandbox.LeadBasicServiceName},
	}
	for _, tab := range tabs {
		f := s.press(tabKey(tab.key))
		if !strings.Contains(f.View, tab.want) {
			t.Errorf("tab %d does not show %q:\n%s", tab.key, tab.want, f.View)
		}
		if strings.Contains(f.View, "loading…") {
			t.Errorf("tab %d is still loading after the lookup settled:\n%s", tab.key, f.View)
		}
	}
	if n := srv.TotalRequests() - before; n != 0 {
		t.Errorf("switching tabs sent %d requests", n)
	}
}
