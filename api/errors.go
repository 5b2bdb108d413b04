package api

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Error kinds. Every error the client returns matches exactly one of these
// (or ErrTruncated, the kind of a *Cut, which comes with partial results)
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

// Caps of each part of an error line, in runes: a server controls most of
// them (a 500 KB X-Request-Id must not make a 500 KB line), so the whole
// line stays under about 1300 characters whatever it sends.
const (
	maxOpRunes        = 200
	maxTextRunes      = 300 // title, detail, hint, cause
	maxRequestIDRunes = 64
)

// Error renders one line, every part capped; text from the server is not
// trusted to be clean, callers that print it to a terminal sanitize it.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(oneLine(e.Op, maxOpRunes))
		b.WriteString(": ")
	}
	b.WriteString(e.Kind.Error())
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	for _, part := range []string{e.Title, e.Detail, e.Hint} {
		if part != "" && !strings.EqualFold(part, e.Kind.Error()) {
			b.WriteString(": ")
			b.WriteString(oneLine(part, maxTextRunes))
		}
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, "; retry in %s", e.RetryAfter.Round(time.Second))
	}
	if e.Err != nil && e.Title == "" && e.Detail == "" {
		b.WriteString(": ")
		b.WriteString(oneLine(e.Err.Error(), maxTextRunes))
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [request %s]", oneLine(e.RequestID, maxRequestIDRunes))
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

// oneLine collapses runs of whitespace into one space and keeps at most
// max runes, ending in "…" when it cut; it stops reading there, so a huge
// text costs no more than a short one.
func oneLine(s string, max int) string {
	var b strings.Builder
	n, gap := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			gap = n > 0
			continue
		}
		if n+btoi(gap) >= max {
			b.WriteString("…")
			break
		}
		if gap {
			b.WriteByte(' ')
			n++
			gap = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
