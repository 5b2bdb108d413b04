package auth

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"
)

// DefaultTimeout is how long a loopback login waits for the browser.
const DefaultTimeout = 3 * time.Minute

type callbackOutcome struct {
	result callbackResult
	err    error
}

// callbackHandler serves the redirect path. The first request there decides
// the login, whatever it carries: a wrong or missing state fails it. Later
// requests only learn that the login is over.
type callbackHandler struct {
	path     string
	check    func(url.Values) (callbackResult, error)
	answered atomic.Bool
	outcome  chan callbackOutcome // buffered: one send, never blocks
}

func (h *callbackHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != h.path {
		http.NotFound(w, r)
		return
	}
	if h.answered.Swap(true) {
		writePage(w, http.StatusGone, "Login already answered", "This login has already received its answer. Return to the terminal.")
		return
	}
	res, err := h.check(r.URL.Query())
	if err != nil {
		failurePage(w, err)
	} else {
		successPage(w)
	}
	h.outcome <- callbackOutcome{res, err}
}

// waitForCallback listens on the redirect URI until the browser comes back,
// ctx ends or timeout passes; the listener is closed before it returns.
// ready is called once the listener accepts connections.
func waitForCallback(ctx context.Context, target redirectTarget, timeout time.Duration, check func(url.Values) (callbackResult, error), ready func()) (callbackResult, error) {
	ln, err := target.listen()
	if err != nil {
		return callbackResult{}, err
	}
	h := &callbackHandler{path: target.path, check: check, outcome: make(chan callbackOutcome, 1)}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = srv.Serve(ln)
	}()
	defer func() {
		// Let the page reach the browser, then stop everything.
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(shutdownCtx) != nil {
			srv.Close()
		}
		<-served
	}()
	ready()

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-h.outcome:
		return o.result, o.err
	case <-ctx.Done():
		return callbackResult{}, ctx.Err()
	case <-timer.C:
		return callbackResult{}, fmt.Errorf("%w: nothing came back within %v; run `leadscope login` again (--timeout waits longer)", ErrTimeout, timeout)
	}
}
