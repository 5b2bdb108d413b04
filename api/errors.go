package api

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Error kinds. Every error the client returns matches exactly one of these
// with errors.Is, so callers can choose a message and an exit code.
var (
	ErrNotFound        = errors.New("not found")
	ErrUnauthorized    = errors.New("not authenticated")
	ErrForbidden       = errors.New("not permitted")
	ErrPaymentRequired = errors.New("account unpaid")
	ErrBlocked         = errors.New("account or IP blocked for exceeding the rate limit")
	ErrRateLimited     = errors.New("rate limited")
	ErrServer          = errors.New("server error")
	ErrNetwork         = errors.New("network error")
	ErrBadResponse     = errors.New("bad response")
	ErrBadRequest      = errors.New("bad request")
)

// Error is a failed API call: its kind, what Kommo said about it, and the
// request ID support will ask for.
type Error struct {
	Kind       error         // one of the Err* kinds above
	Op         string        // what was being done, e.g. "get lead 123"
	Status     int           // HTTP status, 0 when no response arrived
	Title      string        // problem+json title
	Detail     string        // problem+json detail or a plain explanation
	Hint       string        // OAuth hint, e.g. "Token has been revoked"
	RequestID  string        // X-Request-Id
	RetryAfter time.Duration // for ErrRateLimited: how long Kommo asked to wait
	Err        error         // the underlying cause, if any
}

// Error renders one line; text from the server is not trusted to be clean,
// callers that print it to a terminal sanitize it.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Kind.Error())
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	for _, part := range []string{e.Title, e.Detail, e.Hint} {
		if part != "" && !strings.EqualFold(part, e.Kind.Error()) {
			b.WriteString(": ")
			b.WriteString(oneLine(part))
		}
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, "; retry in %s", e.RetryAfter.Round(time.Second))
	}
	if e.Err != nil && e.Title == "" && e.Detail == "" {
		b.WriteString(": ")
		b.WriteString(oneLine(e.Err.Error()))
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [request %s]", e.RequestID)
	}
	return b.String()
}

// Unwrap exposes both the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 300
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
