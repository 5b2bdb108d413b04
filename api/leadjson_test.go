package api_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// GetLeadJSON returns exactly the body GetLead keeps in Raw, for every
// seeded lead, at the cost of one request each.
func TestGetLeadJSONIsGetLeadsBody(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	c := sandboxClient(t, srv, func(o *api.Options) { o.RatePerSecond = fastRate })
	for _, id := range sandbox.LeadIDs() {
		raw, err := c.GetLeadJSON(context.Background(), id)
		if err != nil {
			t.Fatalf("lead %d: %v", id, err)
		}
		lead, err := c.GetLead(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, lead.Raw) {
			t.Errorf("lead %d: raw body differs from GetLead's", id)
		}
	}
	if got, want := srv.Requests(sandbox.EndpointLeads), 2*len(sandbox.LeadIDs()); got != want {
		t.Errorf("%d requests, want %d", got, want)
	}
}

// Every answer GetLead refuses, GetLeadJSON refuses with the same kind.
func TestGetLeadJSONRefusesWhatGetLeadRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, contentType, body string
		status                  int
		kind                    error
	}{
		{"204", "", "", 204, api.ErrNotFound},
		{"404", "application/problem+json", `{"title":"Not Found"}`, 404, api.ErrNotFound},
		{"malformed", hal, `{"id":1,`, 200, api.ErrBadResponse},
		{"array", hal, `[{"id":1}]`, 200, api.ErrBadResponse},
		{"no id", hal, `{"name":"x"}`, 200, api.ErrBadResponse},
		{"id zero", hal, `{"id":0}`, 200, api.ErrBadResponse},
		{"id not a number", hal, `{"id":{"x":1}}`, 200, api.ErrBadResponse},
		{"html", "text/html", `<html>`, 200, api.ErrBadResponse},
		{"deep nesting", hal, `{"x":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `,"id":1}`, 200, api.ErrBadResponse},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tc.status == 204 {
					w.WriteHeader(204)
					return
				}
				writeJSON(w, tc.status, tc.contentType, tc.body)
			})
			c := newClient(t, srv.URL)
			_, rawErr := c.GetLeadJSON(context.Background(), 5)
			_, leadErr := c.GetLead(context.Background(), 5)
			mustKind(t, rawErr, tc.kind)
			mustKind(t, leadErr, tc.kind)
		})
	}
	if _, err := newClient(t, "https://acme.kommo.com").GetLeadJSON(context.Background(), -1); err == nil || !strings.Contains(err.Error(), "positive") {
		t.Errorf("a negative ID: %v", err)
	}
}

func TestGetLeadJSONAcceptsAStringID(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, hal, `{"name":"x","id":"5"}`) })
	raw, err := newClient(t, srv.URL).GetLeadJSON(context.Background(), 5)
	if err != nil || string(raw) != `{"name":"x","id":"5"}` {
		t.Errorf("got %q, %v", raw, err)
	}
}

// Nesting within what JSON decoders accept costs the raw path nothing more
// than a scan.
func TestGetLeadJSONDeepButValidNesting(t *testing.T) {
	body := `{"x":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `,"id":7}`
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, hal, body) })
	raw, err := newClient(t, srv.URL).GetLeadJSON(context.Background(), 7)
	if err != nil || string(raw) != body {
		t.Errorf("got %d bytes, %v", len(raw), err)
	}
}
