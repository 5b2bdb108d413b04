package tuitest

import (
	"net/http"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// StartSandbox runs a seeded Kommo sandbox on loopback until the test
// ends. Its rate limit is off unless opts sets one: the tests count the
// requests the TUI sends, and a 429 retried under a loaded machine's
// jitter would add one the TUI did not ask for.
func StartSandbox(t testing.TB, opts sandbox.Options) *sandbox.Server {
	t.Helper()
	if opts.RateLimit == 0 {
		opts.RateLimit = -1
	}
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// NewClient is a client for the sandbox at baseURL (or a proxy in front
// of it) that neither retries nor waits on its own limiter, so every
// request a test counts is one the TUI asked for.
func NewClient(t testing.TB, baseURL string) *api.Client {
	t.Helper()
	// Closing the client's idle connections first (cleanups run last in,
	// first out) lets the sandbox shut down at once instead of waiting for
	// connections it sees as new.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	c, err := api.New(api.Options{BaseURL: baseURL, Credentials: api.StaticToken(sandbox.Token), MaxRetries: -1,
		RatePerSecond: 10000, HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
