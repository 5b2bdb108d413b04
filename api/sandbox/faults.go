package sandbox

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault is a kind of failure the server can inject instead of, or into, its answer.
type Fault int

const (
	// NoFault answers normally.
	NoFault Fault = iota
	// FaultStatus answers Faults.Status with a problem+json body, e.g. 402,
	// 403, 429 (with retry_after and, unless omitted, Retry-After), 500, 502, 503, 504.
	FaultStatus
	// FaultBlockedHTML answers 403 with nginx's text/html block page, as Kommo
	// does once an account or IP is blocked for exceeding the rate limit.
	FaultBlockedHTML
	// FaultMalformedJSON answers 200 application/hal+json with a body that is not JSON.
	FaultMalformedJSON
	// FaultTruncatedBody declares the real body's Content-Length but sends half
	// of it and closes the connection: the client sees an unexpected EOF.
	FaultTruncatedBody
	// FaultCutJSON sends the first half of the real body as a complete HTTP
	// response: valid HTTP, JSON that ends mid-way.
	FaultCutJSON
	// FaultWrongContentType sends the real body as text/plain.
	FaultWrongContentType
	// FaultHugeBody answers 200 application/hal+json with a JSON object of
	// Faults.HugeBytes bytes (default 50 MiB), generated as it is streamed.
	FaultHugeBody
	// FaultStall never answers: the request hangs until the client gives up or the server closes.
	FaultStall
	// FaultDropConnection closes the TCP connection without answering.
	FaultDropConnection

	// The hostile-data faults below answer after the token check with
	// well-formed data that is too much (see faults_hostile.go); requests
	// they do not concern answer as usual and do not count towards Times.

	// FaultEndlessPages answers every list (users, catalogs, pipelines,
	// contacts, companies, leads, catalog elements) with page after page of
	// Faults.Count fresh entities (default 250) whose long names pad each page
	// to Faults.PageBytes (default DefaultPageBytes, just under 8 MiB), each
	// with a _links.next to the following page, whatever filter was asked.
	FaultEndlessPages
	// FaultDeepJSON adds Faults.Count custom fields (default 1) to the lead
	// asked for, each with a value nested Faults.Depth arrays deep (default
	// 8000): ~20 KB for one, ~8 MiB for 464.
	FaultDeepJSON
	// FaultManyFieldValues adds Faults.Count numeric values (default 450,000,
	// ~7 MB) to the lead asked for, 1000 per custom field.
	FaultManyFieldValues
	// FaultManyCatalogs makes the lead asked for link one element in each of
	// Faults.Count lists (default 100), and answers every list's elements
	// as FaultEndlessPages does, never with the linked elements.
	FaultManyCatalogs
)

// DefaultHugeBytes is FaultHugeBody's size when Faults.HugeBytes is zero.
const DefaultHugeBytes = 50 << 20

var faultNames = map[Fault]string{
	NoFault: "none", FaultStatus: "status", FaultBlockedHTML: "blocked-html", FaultMalformedJSON: "malformed-json",
	FaultTruncatedBody: "truncated-body", FaultCutJSON: "cut-json", FaultWrongContentType: "wrong-content-type",
	FaultHugeBody: "huge-body", FaultStall: "stall", FaultDropConnection: "drop-connection",
	FaultEndlessPages: "endless-pages", FaultDeepJSON: "deep-json", FaultManyFieldValues: "many-field-values",
	FaultManyCatalogs: "many-catalogs",
}

func (f Fault) String() string {
	if name, ok := faultNames[f]; ok {
		return name
	}
	return "fault(" + strconv.Itoa(int(f)) + ")"
}

// Faults is what the server does wrong, switched at run time with SetFaults.
// The zero value is a well-behaved server.
type Faults struct {
	// Path limits Latency and Fault to requests whose path starts with it,
	// e.g. "/api/v4/contacts" or "/oauth2/access_token"; "" means every /api/ request.
	Path string
	// Endpoint, when set, further limits them to one endpoint (an Endpoint*
	// constant): "/api/v4/leads/" also prefixes the pipelines path, EndpointLeads does not.
	Endpoint string
	// Latency is added to every matching request (on top of Options.Latency).
	Latency time.Duration

	// Fault is injected into matching requests: the first Times of them after
	// SetFaults, then the server answers normally again; Times 0 means forever.
	Fault Fault
	Times int
	// Status is FaultStatus's HTTP status, 400 to 599 (anything else answers 500).
	Status int
	// RetryAfter is the seconds a FaultStatus 429 asks for, in the body's
	// retry_after and the Retry-After header (unless OmitRetryAfterHeader).
	RetryAfter           int
	OmitRetryAfterHeader bool
	// HugeBytes is FaultHugeBody's body size; 0 means DefaultHugeBytes.
	HugeBytes int64
	// PageBytes is the size of each page of FaultEndlessPages and
	// FaultManyCatalogs; 0 means DefaultPageBytes.
	PageBytes int64
	// Depth is how deep FaultDeepJSON nests a value; 0 means DefaultDepth.
	Depth int
	// Count is how many: entities per page (FaultEndlessPages,
	// FaultManyCatalogs' element pages), deep values (FaultDeepJSON), values
	// (FaultManyFieldValues) or lists (FaultManyCatalogs); 0 means the
	// fault's default.
	Count int

	// MissingLead404 answers a missing lead with 404 problem+json instead of 204.
	// It applies whatever Path says.
	MissingLead404 bool
	// UsersForbidden answers /api/v4/users with 403 problem+json, as Kommo does
	// for a sales (non-admin) user. It applies whatever Path says.
	UsersForbidden bool
	// FiltersDisabled plays an account without the API filter feature: GET
	// /api/v4/leads ignores every filter[...] (query and order still apply)
	// and the account says is_api_filter_enabled false. It applies whatever Path says.
	FiltersDisabled bool
}

// matches takes the request path without its trailing slash.
func (f Faults) matches(path string) bool {
	if f.Endpoint != "" && endpointOf(path) != f.Endpoint {
		return false
	}
	if f.Path == "" {
		return strings.HasPrefix(path, "/api/")
	}
	return strings.HasPrefix(path+"/", f.Path) || strings.HasPrefix(path, f.Path)
}

type faultState struct {
	mu        sync.Mutex
	faults    Faults
	left      int // injections still due when faults.Times > 0
	delivered int
}

// SetFaults replaces the server's faults; Times counts from now.
func (s *Server) SetFaults(f Faults) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.faults = f
	s.faults.left = f.Times
}

// ClearFaults makes the server well-behaved again.
func (s *Server) ClearFaults() { s.SetFaults(Faults{}) }

// FaultsInjected is how many requests received an injected Fault since the start.
func (s *Server) FaultsInjected() int {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return s.faults.delivered
}

func (fs *faultState) current() Faults {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.faults
}

// injection is the fault one request receives, with the settings it needs.
type injection struct {
	Faults
}

// take decides whether this request receives the fault, consuming one of Times.
func (fs *faultState) take(path string) injection {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.faults
	if f.Fault == NoFault || !f.matches(path) || !f.Fault.appliesTo(path) {
		return injection{}
	}
	if f.Times > 0 {
		if fs.left <= 0 {
			return injection{}
		}
		fs.left--
	}
	fs.delivered++
	return injection{f}
}

// answersInstead reports whether the fault replaces the answer entirely
// (the others damage the real answer on its way out).
func (in injection) answersInstead() bool {
	switch in.Fault {
	case FaultStatus, FaultBlockedHTML, FaultMalformedJSON, FaultHugeBody, FaultStall, FaultDropConnection:
		return true
	}
	return false
}

func (s *Server) injectAnswer(w http.ResponseWriter, r *http.Request, in injection) {
	switch in.Fault {
	case FaultStatus:
		injectedStatus(in.Faults).write(w)
	case FaultBlockedHTML:
		response{status: http.StatusForbidden, contentType: contentHTML, body: []byte(nginxForbiddenPage)}.write(w)
	case FaultMalformedJSON:
		response{status: http.StatusOK, contentType: contentHAL, body: []byte(`{"id":12345,"name":"broken" "price":,}`)}.write(w)
	case FaultHugeBody:
		streamHugeBody(w, in.HugeBytes)
	case FaultStall:
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		// Returning normally would send an empty 200; the client must see the connection end.
		dropConnection(w)
	case FaultDropConnection:
		dropConnection(w)
	}
}

func injectedStatus(f Faults) response {
	status := f.Status
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	if status == http.StatusTooManyRequests {
		return tooManyRequests(f.RetryAfter, !f.OmitRetryAfterHeader)
	}
	return problemResponse(status, "injected by the sandbox")
}

// deliver writes resp, damaged by the fault if one is due.
func (s *Server) deliver(w http.ResponseWriter, in injection, resp response) {
	switch in.Fault {
	case FaultWrongContentType:
		if len(resp.body) > 0 {
			resp.contentType = "text/plain; charset=utf-8"
		}
	case FaultCutJSON:
		resp.body = resp.body[:len(resp.body)/2]
	case FaultTruncatedBody:
		writeTruncated(w, resp)
		return
	}
	resp.write(w)
}

// writeTruncated promises the whole body but sends half; net/http then closes
// the connection because the handler wrote less than it declared.
func writeTruncated(w http.ResponseWriter, resp response) {
	for k, vs := range resp.header {
		w.Header()[k] = vs
	}
	if resp.contentType != "" {
		w.Header().Set("Content-Type", resp.contentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(resp.body)))
	w.WriteHeader(resp.status)
	_, _ = w.Write(resp.body[:len(resp.body)/2])
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		// HTTP/2 cannot hijack; aborting the handler resets the stream instead.
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// streamHugeBody sends {"id":1,"name":"xxx…"} of exactly n bytes without holding it in memory.
func streamHugeBody(w http.ResponseWriter, n int64) {
	if n <= 0 {
		n = DefaultHugeBytes
	}
	head, tail := []byte(`{"id":1,"name":"`), []byte(`"}`)
	if n < int64(len(head)+len(tail)) {
		n = int64(len(head) + len(tail))
	}
	w.Header().Set("Content-Type", contentHAL)
	w.Header().Set("Content-Length", strconv.FormatInt(n, 10))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(head); err != nil {
		return
	}
	chunk := bytes.Repeat([]byte("x"), 32<<10)
	for left := n - int64(len(head)+len(tail)); left > 0; {
		c := chunk[:min(int64(len(chunk)), left)]
		if _, err := w.Write(c); err != nil {
			return
		}
		left -= int64(len(c))
	}
	_, _ = w.Write(tail)
}

// nginxForbiddenPage is the plain nginx page Kommo's front end serves to a blocked account or IP.
const nginxForbiddenPage = `<html>
<head><title>403 Forbidden</title></head>
<body>
<center><h1>403 Forbidden</h1></center>
<hr><center>nginx</center>
</body>
</html>
`
