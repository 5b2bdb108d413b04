package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// Content types Kommo answers with.
const (
	contentHAL     = "application/hal+json"
	contentProblem = "application/problem+json"
	contentJSON    = "application/json"
	contentHTML    = "text/html; charset=utf-8"
)

// response is an answer not yet written, so faults can replace or damage it.
type response struct {
	status      int
	contentType string
	header      http.Header
	body        []byte
	// stream, when set, writes a body of length bytes instead of body, so a
	// generated answer is never held whole.
	stream func(io.Writer) error
	length int64
}

func (r response) write(w http.ResponseWriter) {
	for k, vs := range r.header {
		w.Header()[k] = vs
	}
	if r.stream != nil {
		w.Header().Set("Content-Type", r.contentType)
		w.Header().Set("Content-Length", strconv.FormatInt(r.length, 10))
		w.WriteHeader(r.status)
		_ = r.stream(w) // a client that stops reading ends the answer
		return
	}
	if r.contentType != "" && len(r.body) > 0 {
		w.Header().Set("Content-Type", r.contentType)
	}
	if r.status != http.StatusNoContent && r.status != http.StatusNotModified {
		w.Header().Set("Content-Length", strconv.Itoa(len(r.body)))
	}
	w.WriteHeader(r.status)
	if r.status != http.StatusNoContent {
		_, _ = w.Write(r.body)
	}
}

// encode marshals v the way Kommo does: no HTML escaping of <, > and &.
func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only the sandbox's own data is encoded, so this is a sandbox bug; say so on the wire.
		return []byte(`{"title":"Internal Server Error","type":"https://httpstatus.es/500","status":500,"detail":"sandbox could not encode its answer"}`)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func hal(v any) response {
	return response{status: http.StatusOK, contentType: contentHAL, body: encode(v)}
}

func noContent() response { return response{status: http.StatusNoContent} }

// problem is Kommo's application/problem+json error body.
type problem struct {
	Title            string            `json:"title"`
	Type             string            `json:"type"`
	Status           int               `json:"status"`
	Detail           string            `json:"detail"`
	Hint             string            `json:"hint,omitempty"`
	Error            string            `json:"error,omitempty"`
	ErrorDescription string            `json:"error_description,omitempty"`
	RetryAfter       *int              `json:"retry_after,omitempty"`
	ValidationErrors []validationError `json:"validation-errors,omitempty"`
}

type validationError struct {
	RequestID string            `json:"request_id"`
	Errors    []validationIssue `json:"errors"`
}

type validationIssue struct {
	Code   string `json:"code"`
	Path   string `json:"path"`
	Detail string `json:"detail"`
}

func newProblem(status int, detail string) problem {
	return problem{Title: http.StatusText(status), Type: fmt.Sprintf("https://httpstatus.es/%d", status), Status: status, Detail: detail}
}

func (p problem) response() response {
	return response{status: p.Status, contentType: contentProblem, body: encode(p)}
}

func problemResponse(status int, detail string) response {
	return newProblem(status, detail).response()
}

// badRequest is a 400 with Kommo's validation-errors list for one parameter.
func badRequest(path, detail string) response {
	p := newProblem(http.StatusBadRequest, "Request validation failed")
	p.ValidationErrors = []validationError{{RequestID: "0", Errors: []validationIssue{{Code: "InvalidType", Path: path, Detail: detail}}}}
	return p.response()
}
