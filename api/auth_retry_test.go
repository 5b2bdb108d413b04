package api_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// unauthorizedUnless answers 401 to every token but good.
func unauthorizedUnless(good string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if bearer(r) != good {
			writeJSON(w, 401, "application/problem+json", `{"title":"Unauthorized","status":401,"detail":"The access token is expired","hint":"Token has expired"}`)
			return
		}
		writeJSON(w, 200, hal, `{"id":9,"name":"renewed"}`)
	}
}

func TestUnauthorizedRenewsOnceAndRetries(t *testing.T) {
	srv := serve(t, unauthorizedUnless("fresh"))
	creds := &renewing{token: "stale", next: "fresh"}
	lead, err := newClient(t, srv.URL, func(o *api.Options) { o.Credentials = creds }).GetLead(context.Background(), 9)
	if err != nil || lead.Name != "renewed" {
		t.Fatalf("GetLead: %v", err)
	}
	if got := creds.renewCalls(); !slices.Equal(got, []string{"stale"}) {
		t.Errorf("Renew calls = %q, want [stale]", got)
	}
	var tokens []string
	for _, r := range srv.requests() {
		tokens = append(tokens, bearer(r))
	}
	if !slices.Equal(tokens, []string{"stale", "fresh"}) {
		t.Errorf("tokens sent = %q", tokens)
	}
}

var errSessionExpired = errors.New("session expired: run leadscope login")

func TestUnauthorizedRenewFailureWrapsCause(t *testing.T) {
	srv := serve(t, unauthorizedUnless("fresh"))
	creds := &renewing{token: "stale", err: errSessionExpired}
	_, err := newClient(t, srv.URL, func(o *api.Options) { o.Credentials = creds }).GetLead(context.Background(), 9)
	e := mustKind(t, err, api.ErrUnauthorized)
	if !errors.Is(err, errSessionExpired) {
		t.Errorf("error %q hides Renew's error", err)
	}
	if e.Hint != "Token has expired" || e.Status != 401 {
		t.Errorf("Hint %q Status %d", e.Hint, e.Status)
	}
	if srv.count() != 1 || len(creds.renewCalls()) != 1 {
		t.Errorf("%d requests and %d renewals, want 1 and 1", srv.count(), len(creds.renewCalls()))
	}
}

func TestUnauthorizedAgainAfterRenewGivesUp(t *testing.T) {
	srv := serve(t, unauthorizedUnless("never"))
	creds := &renewing{token: "stale", next: "also-refused"}
	_, err := newClient(t, srv.URL, func(o *api.Options) { o.Credentials = creds }).GetLead(context.Background(), 9)
	mustKind(t, err, api.ErrUnauthorized)
	if srv.count() != 2 || len(creds.renewCalls()) != 1 {
		t.Errorf("%d requests and %d renewals, want 2 and 1", srv.count(), len(creds.renewCalls()))
	}
}

type brokenSource struct{}

func (brokenSource) AccessToken(context.Context) (string, error) {
	return "", errSessionExpired
}
func (brokenSource) Renew(context.Context, string) (string, error) { return "", errSessionExpired }

func TestNoTokenIsUnauthorizedWithoutRequest(t *testing.T) {
	srv := serve(t, unauthorizedUnless("x"))
	_, err := newClient(t, srv.URL, func(o *api.Options) { o.Credentials = brokenSource{} }).GetLead(context.Background(), 1)
	mustKind(t, err, api.ErrUnauthorized)
	if !errors.Is(err, errSessionExpired) {
		t.Errorf("error %q hides the token source's error", err)
	}
	if srv.count() != 0 {
		t.Errorf("%d requests sent without a token", srv.count())
	}
}
