package api_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func TestGetLeadSendsDocumentedRequestAndKeepsExactBody(t *testing.T) {
	body, err := os.ReadFile("testdata/lead_documented.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, "application/hal+json; charset=utf-8", string(body))
	})
	c := newClient(t, srv.URL, func(o *api.Options) { o.UserAgent = "leadscope-test" })
	lead, err := c.GetLead(context.Background(), 19619)
	if err != nil {
		t.Fatalf("GetLead: %v", err)
	}
	if !bytes.Equal(lead.Raw, body) {
		t.Errorf("Raw differs from the body sent")
	}
	if lead.ID != 19619 || lead.Name != "Deal for 2 licences" || len(lead.Embedded.Contacts) != 2 {
		t.Errorf("decoded lead = %+v", lead)
	}
	req := srv.requests()[0]
	if req.Method != http.MethodGet || req.URL.Path != "/api/v4/leads/19619" {
		t.Errorf("request %s %s", req.Method, req.URL.Path)
	}
	const with = "with=contacts,catalog_elements,loss_reason,is_price_modified_by_robot,source_id,source"
	if req.URL.RawQuery != with {
		t.Errorf("query = %q, want %q", req.URL.RawQuery, with)
	}
	for _, r := range req.URL.RawQuery {
		if r > 127 {
			t.Errorf("query has non-ASCII %q", r)
		}
	}
	if got := req.Header.Get("Authorization"); got != "Bearer good-token" {
		t.Errorf("Authorization = %q", got)
	}
	if got := req.Header.Get("User-Agent"); got != "leadscope-test" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestGetLeadMissing(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
	}{
		{"204 with a body that must not be decoded", http.StatusNoContent, "{definitely not json"},
		{"204 empty", http.StatusNoContent, ""},
		{"404 problem", http.StatusNotFound, `{"title":"Not Found","status":404,"detail":"Lead not found"}`},
		{"404 html", http.StatusNotFound, "<html>nope</html>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				calls++
				ct := "application/problem+json"
				if tc.status == http.StatusNoContent {
					ct = hal
				}
				return fakeResponse(tc.status, ct, strings.NewReader(tc.body), int64(len(tc.body))), nil
			})}
			c := newClient(t, "https://acme.kommo.com", func(o *api.Options) { o.HTTPClient = hc })
			_, err := c.GetLead(context.Background(), 5)
			e := mustKind(t, err, api.ErrNotFound)
			if e.Status != tc.status {
				t.Errorf("Status = %d, want %d", e.Status, tc.status)
			}
			if calls != 1 {
				t.Errorf("%d requests, want 1", calls)
			}
		})
	}
}

func TestGetLeadRefusesImpossibleID(t *testing.T) {
	c := newClient(t, "https://acme.kommo.com", func(o *api.Options) {
		o.HTTPClient = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
			t.Error("a request was sent for an impossible ID")
			return nil, errors.New("unreachable")
		})}
	})
	for _, id := range []int64{0, -4} {
		_, err := c.GetLead(context.Background(), id)
		if !errors.Is(err, api.ErrBadID) || !errors.Is(err, api.ErrBadRequest) {
			t.Errorf("GetLead(%d) = %v, want ErrBadID", id, err)
		}
	}
}

func TestGetLeadWithoutIDIsBadResponse(t *testing.T) {
	for _, body := range []string{`{}`, `null`, `{"id":"x"}`, `[]`, `"lead"`} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, hal, body) })
		_, err := newClient(t, srv.URL).GetLead(context.Background(), 1)
		mustKind(t, err, api.ErrBadResponse)
	}
}

func TestLeadWebURLAndBaseURL(t *testing.T) {
	c := newClient(t, "Acme")
	if got := c.LeadWebURL(42); got != "https://acme.kommo.com/leads/detail/42" {
		t.Errorf("LeadWebURL = %q", got)
	}
	b := c.BaseURL()
	b.Host = "evil.example"
	if c.BaseURL().Host != "acme.kommo.com" {
		t.Error("BaseURL returned the client's own URL, not a copy")
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	if _, err := api.New(api.Options{BaseURL: "http://acme.kommo.com", Credentials: api.StaticToken("t")}); err == nil {
		t.Error("plain http to a public host accepted")
	}
	if _, err := api.New(api.Options{BaseURL: "acme"}); err == nil {
		t.Error("missing credentials accepted")
	}
}

// A body holding another lead is the server's fault: shown as the lead
// asked for, it would mislead (and be cached under the wrong ID).
func TestGetLeadAnsweredWithAnotherLead(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-5")
		writeJSON(w, 200, hal, `{"id":5,"name":"Someone else's deal"}`)
	})
	lead, err := newClient(t, srv.URL).GetLead(context.Background(), 6)
	e := mustKind(t, err, api.ErrBadResponse)
	if lead != nil {
		t.Errorf("got lead %d", lead.ID)
	}
	if want := "get lead 6: bad response (HTTP 200): the server answered lead 5 for lead 6 [request req-5]"; e.Error() != want {
		t.Errorf("error %q\nwant  %q", e.Error(), want)
	}
}

func TestGetLeadJSONChecksWithoutDecoding(t *testing.T) {
	body, err := os.ReadFile("testdata/lead_documented.json")
	if err != nil {
		t.Fatal(err)
	}
	answer := string(body)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if answer == "" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeJSON(w, 200, hal, answer)
	})
	c := newClient(t, srv.URL)
	got, err := c.GetLeadJSON(context.Background(), 19619)
	if err != nil || !bytes.Equal(got, body) {
		t.Fatalf("GetLeadJSON: %v, body equal %v", err, bytes.Equal(got, body))
	}
	for _, tc := range []struct {
		answer string
		kind   error
		detail string
	}{
		{`{"id":19618}`, api.ErrBadResponse, "the server answered lead 19618 for lead 19619"},
		{`{"name":"x"}`, api.ErrBadResponse, "no id"},
		{`[{"id":19619}]`, api.ErrBadResponse, "must be a JSON object"},
		{`{"id":19619`, api.ErrBadResponse, "malformed JSON"},
		{"", api.ErrNotFound, ""},
	} {
		answer = tc.answer
		_, err := c.GetLeadJSON(context.Background(), 19619)
		if e := mustKind(t, err, tc.kind); !strings.Contains(e.Error(), tc.detail) {
			t.Errorf("%s: %q lacks %q", tc.answer, e, tc.detail)
		}
	}
}
