package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// startTest runs a server for one test. The rate limit is off unless opts sets
// one, so tests that fire many requests do not trip it by accident.
func startTest(t *testing.T, opts Options) *Server {
	t.Helper()
	if opts.RateLimit == 0 {
		opts.RateLimit = -1
	}
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

type answer struct {
	status int
	header http.Header
	body   []byte
	err    error
}

var testClient = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func get(t *testing.T, s *Server, path string) answer {
	t.Helper()
	return getWith(t, s, path, Token)
}

func getWith(t *testing.T, s *Server, path, token string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return do(req)
}

func do(req *http.Request) answer {
	resp, err := testClient.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return answer{status: resp.StatusCode, header: resp.Header, body: body, err: err}
}

func postForm(t *testing.T, s *Server, path string, form url.Values) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL()+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(req)
}

// want checks the status and the content type's media type.
func (a answer) want(t *testing.T, status int, contentType string) answer {
	t.Helper()
	if a.err != nil {
		t.Fatalf("request failed: %v", a.err)
	}
	if a.status != status {
		t.Fatalf("status %d, want %d; body %.300s", a.status, status, a.body)
	}
	if got := strings.SplitN(a.header.Get("Content-Type"), ";", 2)[0]; got != contentType {
		t.Fatalf("Content-Type %q, want %q", got, contentType)
	}
	if a.header.Get("X-Request-Id") == "" {
		t.Fatalf("no X-Request-Id header")
	}
	return a
}

func (a answer) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v; %.300s", err, a.body)
	}
	return m
}

// problemOf decodes and checks a problem+json body.
func (a answer) problem(t *testing.T, status int) map[string]any {
	t.Helper()
	a.want(t, status, contentProblem)
	p := a.json(t)
	for _, k := range []string{"title", "type", "detail"} {
		if s, _ := p[k].(string); s == "" {
			t.Errorf("problem lacks %q: %s", k, a.body)
		}
	}
	if n, _ := p["status"].(float64); int(n) != status {
		t.Errorf("problem status %v, want %d", p["status"], status)
	}
	return p
}

// dig walks a decoded JSON value by object keys and array indexes.
func dig(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("at %q: not an object: %v", k, v)
			}
			if v, ok = m[k]; !ok {
				t.Fatalf("key %q missing", k)
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("at [%d]: not an array that long: %.200v", k, v)
			}
			v = a[k]
		}
	}
	return v
}

func list(t *testing.T, v any, path ...any) []any {
	t.Helper()
	a, ok := dig(t, v, path...).([]any)
	if !ok {
		t.Fatalf("%v is not an array", path)
	}
	return a
}

func num(t *testing.T, v any, path ...any) int64 {
	t.Helper()
	f, ok := dig(t, v, path...).(float64)
	if !ok {
		t.Fatalf("%v is not a number", path)
	}
	return int64(f)
}
