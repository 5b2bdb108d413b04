package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Server is a Kommo-compatible API server with seeded data. It is an
// http.Handler; Start also runs it on a loopback port. All methods are safe
// for concurrent use.
type Server struct {
	opts Options
	data *dataset

	// leadBodies caches rendered leads by leadKey: the data never changes, and
	// rendering the huge lead on every request would make benchmarks measure the sandbox.
	leadBodies sync.Map

	faults      faultState
	counts      counter
	arrivals    arrivalLog
	rate        *slidingWindow
	rateClock   func() time.Time // time.Now; tests freeze it to make the window deterministic
	rateLimited atomic.Int64
	tokens      *tokenStore
	oauth       *oauthState

	done      chan struct{} // closed by Close: ends stalls and latency waits
	closeOnce sync.Once
	httpSrv   *http.Server
	served    chan struct{} // closed when Serve has returned
	url       string
}

// New returns a server with the seeded data; it does not listen. Use it as an
// http.Handler (e.g. with httptest.NewServer) or call Start instead.
func New(opts Options) *Server {
	opts = opts.withDefaults()
	s := &Server{
		opts:      opts,
		data:      seedAt(anchorOf(startTime(opts))),
		counts:    counter{byEndpoint: map[string]int{}},
		tokens:    newTokenStore(opts.ExtraTokens),
		oauth:     newOAuthState(),
		done:      make(chan struct{}),
		rateClock: time.Now,
	}
	if opts.RateLimit > 0 {
		s.rate = newSlidingWindow(opts.RateLimit, time.Second)
	}
	return s
}

// startTime is the server's clock at its start: the bulk data's "now".
func startTime(opts Options) time.Time {
	if opts.Now != nil {
		return opts.Now()
	}
	return time.Now()
}

// Start runs a new server on opts.Addr (default 127.0.0.1:0), which must be a loopback address.
func Start(opts Options) (*Server, error) {
	s := New(opts)
	if err := s.listen(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Server) listen() error {
	host, _, err := net.SplitHostPort(s.opts.Addr)
	if err != nil {
		return fmt.Errorf("sandbox: address %q: %w", s.opts.Addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("sandbox: address %q is not loopback: the sandbox accepts a published token", s.opts.Addr)
	}
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("sandbox: listen: %w", err)
	}
	s.url = "http://" + ln.Addr().String()
	s.httpSrv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.served = make(chan struct{})
	go func() {
		defer close(s.served)
		_ = s.httpSrv.Serve(ln)
	}()
	return nil
}

// URL is the base URL of a started server, e.g. "http://127.0.0.1:41234"; "" if not started.
func (s *Server) URL() string { return s.url }

// Close ends stalled and delayed requests, then stops a started server and
// waits (up to a few seconds) for its connections to finish.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		if s.httpSrv == nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if err := s.httpSrv.Shutdown(ctx); err != nil {
			_ = s.httpSrv.Close()
		}
		// Leak checkers (goleak) in callers' tests must not see the accept loop.
		<-s.served
	})
}

// ServeHTTP answers one request: count it, delay it, rate-limit it, inject a
// fault if one is due, otherwise answer it like Kommo.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	path := strings.TrimSuffix(r.URL.Path, "/")
	endpoint := endpointOf(path)
	s.counts.add(endpoint)
	faults := s.faults.current()
	delay := s.opts.Latency
	if faults.matches(path) {
		delay += faults.Latency
	}
	if !s.sleep(r.Context(), delay) {
		dropConnection(w)
		return
	}
	isAPI := strings.HasPrefix(path, "/api/")
	if isAPI {
		s.arrivals.add(s.rateClock())
	}
	if isAPI && s.rate != nil && !s.rate.allow(s.rateClock()) {
		s.rateLimited.Add(1)
		tooManyRequests(1, !s.opts.OmitRetryAfterHeader).write(w)
		return
	}
	fault := s.faults.take(path)
	if fault.answersInstead() {
		s.injectAnswer(w, r, fault)
		return
	}
	var resp response
	if isAPI {
		resp = s.serveAPI(r, path, endpoint, faults, fault)
	} else {
		resp = s.serveOAuth(r, path)
	}
	s.deliver(w, fault, resp)
}

// sleep waits d unless the request or the server ends first; false means stop answering.
func (s *Server) sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.done:
		return false
	}
}

func (s *Server) base(r *http.Request) string {
	if s.url != "" {
		return s.url
	}
	return "http://" + r.Host
}

// RateLimited is how many requests the sliding-window rate limit answered with 429
// (injected 429 faults are not counted here).
func (s *Server) RateLimited() int { return int(s.rateLimited.Load()) }

func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
