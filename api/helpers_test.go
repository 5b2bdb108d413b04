package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/leadscope/leadscope/api"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// fastRate keeps the limiter out of the way in tests that are not about it.
const fastRate = 1000

// recorder is an httptest server that remembers every request it saw.
type recorder struct {
	*httptest.Server
	mu    sync.Mutex
	reqs  []*http.Request
	times []time.Time
}

func serve(t *testing.T, h http.HandlerFunc) *recorder {
	t.Helper()
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.reqs = append(r.reqs, req.Clone(context.Background()))
		r.times = append(r.times, time.Now())
		r.mu.Unlock()
		h(w, req)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs)
}

func (r *recorder) stamps() []time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Time(nil), r.times...)
}

func (r *recorder) requests() []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*http.Request(nil), r.reqs...)
}

func newClient(t *testing.T, baseURL string, tweak ...func(*api.Options)) *api.Client {
	t.Helper()
	opts := api.Options{
		BaseURL:       baseURL,
		Credentials:   api.StaticToken("good-token"),
		RatePerSecond: fastRate,
		MaxRetries:    2,
		MaxRetryWait:  2 * time.Second,
		Timeout:       5 * time.Second,
	}
	for _, f := range tweak {
		f(&opts)
	}
	c, err := api.New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func writeJSON(w http.ResponseWriter, status int, contentType, body string) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	io.WriteString(w, body)
}

const hal = "application/hal+json"

// roundTripFunc lets a test hand the client responses no real server would
// send (a 204 with a body, a body that counts how much of it was read).
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func fakeResponse(status int, contentType string, body io.Reader, length int64) *http.Response {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(body), ContentLength: length}
}

// renewing is a Credentials whose first token is refused and whose Renew
// hands out the next one, recording what it was asked.
type renewing struct {
	mu      sync.Mutex
	token   string
	next    string
	err     error
	refused []string
}

func (r *renewing) AccessToken(context.Context) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.token, nil
}

func (r *renewing) Renew(_ context.Context, refused string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refused = append(r.refused, refused)
	if r.err != nil {
		return "", r.err
	}
	r.token = r.next
	return r.next, nil
}

func (r *renewing) renewCalls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.refused...)
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func mustKind(t *testing.T, err error, kind error) *api.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", kind)
	}
	if !errors.Is(err, kind) {
		t.Fatalf("error %q does not match %v", err, kind)
	}
	var e *api.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %q is not an *api.Error", err)
	}
	return e
}
