package api

import (
	"encoding/json"
	"fmt"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// problem is Kommo's application/problem+json error body.
type problem struct {
	Title            string            `json:"title"`
	Detail           string            `json:"detail"`
	Hint             string            `json:"hint"`
	ValidationErrors []validationError `json:"validation-errors"`
	RetryAfter       *float64          `json:"retry_after"`
}

type validationError struct {
	Errors []struct {
		Path   string `json:"path"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

// parseProblem reads a JSON error body; ok is false when the body is not a
// JSON object (an HTML page, plain text, nothing).
func parseProblem(body []byte) (problem, bool) {
	var p problem
	if firstByte(body) != '{' || !json.Valid(body) {
		return p, false
	}
	decodeLoose(body, &p)
	return p, true
}

// summary condenses 400's validation-errors into one line.
func (p problem) summary() string {
	var parts []string
	for _, ve := range p.ValidationErrors {
		for _, e := range ve.Errors {
			switch {
			case e.Path != "" && e.Detail != "":
				parts = append(parts, e.Path+": "+e.Detail)
			case e.Detail != "":
				parts = append(parts, e.Detail)
			}
		}
	}
	return strings.Join(parts, "; ")
}

// checkSuccess accepts a 204 (empty, never decoded) or a 2xx whose body is
// non-empty JSON by its content type.
func checkSuccess(resp *response) *Error {
	if resp.status == http.StatusNoContent {
		return nil
	}
	ct := resp.header.Get("Content-Type")
	if !isJSONContentType(ct) {
		return &Error{Kind: ErrBadResponse, Status: resp.status, RequestID: resp.requestID,
			Detail: fmt.Sprintf("expected JSON but the server sent %q", ct)}
	}
	if len(strings.TrimSpace(string(resp.body))) == 0 {
		return &Error{Kind: ErrBadResponse, Status: resp.status, RequestID: resp.requestID,
			Detail: "the server sent an empty body"}
	}
	return nil
}

// isJSONContentType accepts application/json, application/hal+json,
// application/problem+json and any other +json type, with or without
// parameters. A missing header is accepted: the body is checked when decoded.
func isJSONContentType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

// errorFromResponse turns a final non-2xx answer into a typed error.
func errorFromResponse(op string, resp *response) *Error {
	p, isJSON := parseProblem(resp.body)
	e := &Error{Op: op, Status: resp.status, RequestID: resp.requestID, Title: p.Title, Detail: p.Detail, Hint: p.Hint}
	if s := p.summary(); s != "" {
		e.Detail = strings.TrimSpace(e.Detail + " " + s)
	}
	switch s := resp.status; {
	case s == http.StatusUnauthorized:
		e.Kind = ErrUnauthorized
	case s == http.StatusPaymentRequired:
		e.Kind = ErrPaymentRequired
	case s == http.StatusForbidden && isJSON:
		e.Kind = ErrForbidden
	case s == http.StatusForbidden:
		e.Kind = ErrBlocked
		e.Detail = "Kommo answered with a block page instead of the API: the account or this IP address is blocked after too many requests; wait, or ask Kommo support to lift the block"
	case s == http.StatusNotFound:
		e.Kind = ErrNotFound
	case s == http.StatusTooManyRequests:
		e.Kind = ErrRateLimited
	case s >= 500:
		e.Kind = ErrServer
	case s >= 400:
		e.Kind = ErrBadRequest
	case s >= 300 && s < 400:
		e.Kind = ErrBadResponse
		e.Detail = "unexpected redirect"
		if loc := resp.header.Get("Location"); loc != "" {
			e.Detail += " to " + loc
		}
	default:
		e.Kind = ErrBadResponse
		e.Detail = "unexpected HTTP status"
	}
	return e
}

// renewFailed reports a 401 whose token could not be renewed; cause stays
// reachable through errors.Is/As (e.g. auth's "session expired").
func renewFailed(op string, resp *response, cause error) *Error {
	e := errorFromResponse(op, resp)
	e.Err = cause
	if msg := cause.Error(); msg != ErrUnauthorized.Error() {
		e.Detail = strings.TrimSpace(e.Detail + " (renewing the token failed: " + msg + ")")
	}
	return e
}

func rateLimited(op string, resp *response, wait time.Duration) *Error {
	e := errorFromResponse(op, resp)
	e.Kind = ErrRateLimited
	e.RetryAfter = wait
	return e
}

// retryAfter is how long a 429 asks to wait: the Retry-After header
// (seconds or an HTTP date), else the body's retry_after (Kommo does not
// promise the header), else one second. Zero or negative waits also become
// one second, so a retry never hammers.
func retryAfter(resp *response) time.Duration {
	if d, ok := parseRetryAfterHeader(resp.header.Get("Retry-After")); ok {
		return d
	}
	if p, ok := parseProblem(resp.body); ok && p.RetryAfter != nil {
		if d, ok := secondsToDuration(*p.RetryAfter); ok {
			return d
		}
	}
	return defaultRetryAfter
}

func parseRetryAfterHeader(h string) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(h, 64); err == nil {
		return secondsToDuration(secs)
	}
	if at, err := http.ParseTime(h); err == nil {
		return clampWait(time.Until(at)), true
	}
	return 0, false
}

func secondsToDuration(secs float64) (time.Duration, bool) {
	if math.IsNaN(secs) || math.IsInf(secs, 0) {
		return 0, false
	}
	if secs > maxRetryAfter.Seconds() {
		return maxRetryAfter, true
	}
	return clampWait(time.Duration(secs * float64(time.Second))), true
}

func clampWait(d time.Duration) time.Duration {
	switch {
	case d <= 0:
		return defaultRetryAfter
	case d > maxRetryAfter:
		return maxRetryAfter
	}
	return d
}
