package api_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
)

func TestConnectionRefusedIsNetworkErrorAfterRetries(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there any more
	_, err = newClient(t, "http://"+addr).GetLead(context.Background(), 1)
	e := mustKind(t, err, api.ErrNetwork)
	if e.Status != 0 || !strings.Contains(err.Error(), "refused") {
		t.Errorf("error %q", err)
	}
}

func TestNetworkErrorsAreRetried(t *testing.T) {
	var calls atomic.Int32
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if calls.Add(1) < 3 {
			return nil, errors.New("connection reset by peer")
		}
		return fakeResponse(200, hal, strings.NewReader(`{"id":1}`), -1), nil
	})}
	if _, err := newClient(t, "https://acme.kommo.com", func(o *api.Options) { o.HTTPClient = hc }).GetLead(context.Background(), 1); err != nil {
		t.Fatalf("GetLead: %v", err)
	}
	if calls.Load() != 3 {
		t.Errorf("%d attempts, want 3", calls.Load())
	}
}

// stall blocks until the client gives up on the request.
func stall(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

func TestAttemptTimeoutIsNetworkError(t *testing.T) {
	srv := serve(t, stall)
	_, err := newClient(t, srv.URL, func(o *api.Options) {
		o.Timeout = 50 * time.Millisecond
		o.MaxRetries = 1
	}).GetLead(context.Background(), 1)
	mustKind(t, err, api.ErrNetwork)
	if !strings.Contains(err.Error(), "timed out") {
		t.Errorf("message %q does not say it timed out", err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("attempt timeout matches context.DeadlineExceeded, callers would take it for their own deadline: %v", err)
	}
	if srv.count() != 2 {
		t.Errorf("%d requests, want 2", srv.count())
	}
}

func TestCancellationReturnsPromptly(t *testing.T) {
	srv := serve(t, stall)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := newClient(t, srv.URL).GetLead(ctx, 1)
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
		t.Fatal("GetLead did not return after cancel")
	}
}

func TestCallerDeadlineIsReportedAsSuch(t *testing.T) {
	srv := serve(t, stall)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := newClient(t, srv.URL).GetLead(ctx, 1)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestCancelledBeforeStartSendsNothing(t *testing.T) {
	srv := serve(t, stall)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newClient(t, srv.URL).GetLead(ctx, 1)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if srv.count() != 0 {
		t.Errorf("%d requests after cancel", srv.count())
	}
}

// countingReader is an endless body that counts what the client read.
type countingReader struct{ n atomic.Int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	c.n.Add(int64(len(p)))
	return len(p), nil
}

func TestBodyCapReadsAtMostCapPlusOne(t *testing.T) {
	const limit = 4096
	for _, tc := range []struct {
		name   string
		length int64
		max    int64
	}{
		{"unknown length", -1, limit + 1},
		{"declared too long", 50 << 20, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := &countingReader{}
			hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				return fakeResponse(200, hal, io.MultiReader(strings.NewReader(`{"id":1,"name":"`), body), tc.length), nil
			})}
			_, err := newClient(t, "https://acme.kommo.com", func(o *api.Options) {
				o.HTTPClient = hc
				o.MaxBodyBytes = limit
			}).GetLead(context.Background(), 1)
			mustKind(t, err, api.ErrBadResponse)
			if !strings.Contains(err.Error(), "larger than") {
				t.Errorf("message %q", err)
			}
			if read := body.n.Load() + int64(len(`{"id":1,"name":"`)); tc.max > 0 && read > tc.max {
				t.Errorf("read %d bytes, cap+1 is %d", read, tc.max)
			} else if tc.max == 0 && body.n.Load() != 0 {
				t.Errorf("read %d bytes of a body declared too long", body.n.Load())
			}
		})
	}
}

func TestFiftyMegabyteBodyOverRealHTTP(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", hal)
		io.WriteString(w, `{"id":1,"name":"`)
		chunk := strings.Repeat("x", 64<<10)
		for range (50 << 20) / len(chunk) {
			if _, err := io.WriteString(w, chunk); err != nil {
				return
			}
		}
		io.WriteString(w, `"}`)
	})
	_, err := newClient(t, srv.URL).GetLead(context.Background(), 1)
	mustKind(t, err, api.ErrBadResponse)
	if srv.count() != 1 {
		t.Errorf("%d requests, want 1 (an oversized body is not retried)", srv.count())
	}
}

func TestConnectionCutMidBodyIsTruncated(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", hal)
		w.Header().Set("Content-Length", "1000")
		io.WriteString(w, `{"id":1,"na`)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
	})
	_, err := newClient(t, srv.URL).GetLead(context.Background(), 1)
	mustKind(t, err, api.ErrBadResponse)
	if !strings.Contains(err.Error(), "truncated") {
		t.Errorf("message %q", err)
	}
	if srv.count() != 3 {
		t.Errorf("%d requests, want 3 (a cut connection is retried)", srv.count())
	}
}

func TestStallMidBodyTimesOut(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", hal)
		io.WriteString(w, `{"id":1,"name":"`)
		http.NewResponseController(w).Flush()
		<-r.Context().Done()
	})
	_, err := newClient(t, srv.URL, func(o *api.Options) {
		o.Timeout = 100 * time.Millisecond
		o.MaxRetries = -1
	}).GetLead(context.Background(), 1)
	mustKind(t, err, api.ErrNetwork)
	if !strings.Contains(err.Error(), "timed out") || errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %q", err)
	}
}
