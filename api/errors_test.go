package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leadscope/leadscope/api"
)

// Every error class of a final answer, with the number of requests it may
// cost (MaxRetries is 2 in newClient).
func TestErrorClasses(t *testing.T) {
	for _, tc := range []struct {
		name        string
		status      int
		contentType string
		body        string
		header      map[string]string
		kind        error
		requests    int
		wantText    []string
	}{
		{name: "401 static token", status: 401, contentType: "application/problem+json",
			body: `{"title":"Unauthorized","type":"https://httpstatus.es/401","status":401,"detail":"Token expired","hint":"Token has been revoked"}`,
			kind: api.ErrUnauthorized, requests: 1, wantText: []string{"Token has been revoked", "HTTP 401"}},
		{name: "402", status: 402, contentType: "application/problem+json",
			body: `{"title":"Payment Required","status":402,"detail":"Account is not paid"}`,
			kind: api.ErrPaymentRequired, requests: 1, wantText: []string{"Account is not paid"}},
		{name: "403 problem", status: 403, contentType: "application/problem+json",
			body: `{"title":"Forbidden","status":403,"detail":"Access denied for this method"}`,
			kind: api.ErrForbidden, requests: 1, wantText: []string{"Access denied for this method"}},
		{name: "403 html block page", status: 403, contentType: "text/html",
			body: "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>",
			kind: api.ErrBlocked, requests: 1, wantText: []string{"blocked", "support"}},
		{name: "404", status: 404, contentType: "application/problem+json",
			body: `{"title":"Not Found","status":404}`, kind: api.ErrNotFound, requests: 1},
		{name: "400 validation", status: 400, contentType: "application/problem+json",
			body: `{"title":"Bad Request","status":400,"detail":"Request validation failed","validation-errors":[{"request_id":"0","errors":[{"code":"NotSupportedChoice","path":"filter.id","detail":"This value is not valid."}]}]}`,
			kind: api.ErrBadRequest, requests: 1, wantText: []string{"filter.id: This value is not valid."}},
		{name: "422", status: 422, contentType: "application/problem+json",
			body: `{"title":"Unprocessable Entity","status":422,"detail":"Limit is too big"}`,
			kind: api.ErrBadRequest, requests: 1, wantText: []string{"Limit is too big"}},
		{name: "500 forever", status: 500, contentType: "text/plain", body: "boom",
			kind: api.ErrServer, requests: 3, wantText: []string{"HTTP 500"}},
		{name: "504 forever", status: 504, contentType: "text/html", body: "<html>gateway</html>",
			kind: api.ErrServer, requests: 3},
		{name: "429 forever", status: 429, contentType: "application/problem+json",
			body: `{"title":"Too Many Requests","status":429}`, header: map[string]string{"Retry-After": "0.01"},
			kind: api.ErrRateLimited, requests: 4, wantText: []string{"retry in"}},
		{name: "200 malformed JSON", status: 200, contentType: hal, body: `{"id": 1, "name": "x",,}`,
			kind: api.ErrBadResponse, requests: 1, wantText: []string{"malformed JSON"}},
		{name: "200 truncated JSON", status: 200, contentType: hal, body: `{"id": 1, "name": "trunc`,
			kind: api.ErrBadResponse, requests: 1, wantText: []string{"malformed JSON"}},
		{name: "200 wrong content type", status: 200, contentType: "text/html; charset=utf-8", body: `<html>{"id":1}</html>`,
			kind: api.ErrBadResponse, requests: 1, wantText: []string{"text/html"}},
		{name: "200 empty body", status: 200, contentType: hal, body: "",
			kind: api.ErrBadResponse, requests: 1, wantText: []string{"empty body"}},
		{name: "302 redirect", status: 302, contentType: "text/html", body: "", header: map[string]string{"Location": "https://www.kommo.com/login"},
			kind: api.ErrBadResponse, requests: 1, wantText: []string{"redirect"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tc.header {
					w.Header().Set(k, v)
				}
				w.Header().Set("X-Request-Id", "req-"+strings.ReplaceAll(tc.name, " ", "-"))
				writeJSON(w, tc.status, tc.contentType, tc.body)
			})
			_, err := newClient(t, srv.URL).GetLead(context.Background(), 7)
			e := mustKind(t, err, tc.kind)
			if e.Status != tc.status {
				t.Errorf("Status = %d, want %d", e.Status, tc.status)
			}
			if got := srv.count(); got != tc.requests {
				t.Errorf("%d requests, want %d", got, tc.requests)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("message spans lines: %q", msg)
			}
			for _, want := range append(tc.wantText, "get lead 7", "[request req-") {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
		})
	}
}

func TestContentTypeVariantsAccepted(t *testing.T) {
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", "application/hal+json",
		"application/hal+json;charset=UTF-8", "application/problem+json", "APPLICATION/JSON"} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, ct, `{"id":7}`) })
		if _, err := newClient(t, srv.URL).GetLead(context.Background(), 7); err != nil {
			t.Errorf("content type %q refused: %v", ct, err)
		}
	}
}

func TestServerErrorThenSuccessIsRetried(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		n := 0
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			n++
			if n == 1 {
				writeJSON(w, status, "text/plain", "later")
				return
			}
			writeJSON(w, 200, hal, `{"id":7,"name":"ok"}`)
		})
		lead, err := newClient(t, srv.URL).GetLead(context.Background(), 7)
		if err != nil || lead.Name != "ok" {
			t.Fatalf("status %d then 200: %v", status, err)
		}
		if srv.count() != 2 {
			t.Errorf("status %d: %d requests, want 2", status, srv.count())
		}
	}
}

func TestNegativeMaxRetriesMeansNone(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 503, "text/plain", "no") })
	_, err := newClient(t, srv.URL, func(o *api.Options) { o.MaxRetries = -1 }).GetLead(context.Background(), 1)
	mustKind(t, err, api.ErrServer)
	if srv.count() != 1 {
		t.Errorf("%d requests, want 1", srv.count())
	}
}

func TestRateLimitWaitsThenSucceeds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header string
		body   string
	}{
		{"Retry-After header", "0.05", `{"title":"Too Many Requests"}`},
		{"retry_after in body", "", `{"title":"Too Many Requests","retry_after":0.05}`},
		{"retry_after as string", "", `{"retry_after":"0.05"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				n++
				if n <= 2 {
					if tc.header != "" {
						w.Header().Set("Retry-After", tc.header)
					}
					writeJSON(w, 429, "application/problem+json", tc.body)
					return
				}
				writeJSON(w, 200, hal, `{"id":3}`)
			})
			if _, err := newClient(t, srv.URL).GetLead(context.Background(), 3); err != nil {
				t.Fatalf("GetLead: %v", err)
			}
			if srv.count() != 3 {
				t.Errorf("%d requests, want 3", srv.count())
			}
			times := srv.stamps()
			if gap := times[1].Sub(times[0]); gap < 50*time.Millisecond {
				t.Errorf("retried after %s, before the 50ms Kommo asked for", gap)
			}
		})
	}
}

func TestRateLimitLongerThanCapIsNotWaited(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		writeJSON(w, 429, "application/problem+json", `{"title":"Too Many Requests"}`)
	})
	_, err := newClient(t, srv.URL).GetLead(context.Background(), 3)
	e := mustKind(t, err, api.ErrRateLimited)
	if e.RetryAfter != 120*time.Second {
		t.Errorf("RetryAfter = %s, want 2m0s", e.RetryAfter)
	}
	if srv.count() != 1 {
		t.Errorf("%d requests, want 1", srv.count())
	}
}

func TestRateLimitWaitIsCancellable(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, 429, "application/problem+json", `{}`)
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := newClient(t, srv.URL).GetLead(ctx, 3)
		done <- err
	}()
	for srv.count() == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("GetLead kept waiting after cancel")
	}
}

// Every part of an error line is capped: the server chooses most of them.
func TestErrorLineIsBounded(t *testing.T) {
	huge := strings.Repeat("ж", 250_000) // 500 KB
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", strings.Repeat("r", 500_000))
		body := `{"title":"` + huge + `","detail":"` + strings.Repeat("d ", 200_000) + `","hint":"` + huge + `"}`
		writeJSON(w, 400, "application/problem+json", body)
	})
	_, err := newClient(t, srv.URL).GetLead(context.Background(), 7)
	e := mustKind(t, err, api.ErrBadRequest)
	line := e.Error()
	if n := utf8.RuneCountInString(line); n > 1300 || strings.Contains(line, "\n") {
		t.Errorf("error line of %d runes: %.200q…", n, line)
	}
	if !strings.Contains(line, "[request rrrr") || !strings.HasSuffix(line, "…]") {
		t.Errorf("the request ID is not shown, capped: %q", line[len(line)-80:])
	}
	for _, part := range []*string{&e.Op, &e.Title, &e.Detail, &e.Hint} {
		*part = strings.Repeat("\n x", 100_000)
	}
	e.Err, e.Title, e.Detail = errors.New(huge), "", ""
	if n := utf8.RuneCountInString(e.Error()); n > 1300 {
		t.Errorf("error line of %d runes from op, hint and cause", n)
	}
}
