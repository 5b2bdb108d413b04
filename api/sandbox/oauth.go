package sandbox

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// oauthState holds consent pages shown but not yet answered and the codes issued.
type oauthState struct {
	mu       sync.Mutex
	consents map[string]consent
	codes    map[string]*authCode
}

type consent struct {
	clientID, state, challenge string
	hasState                   bool
}

type authCode struct {
	clientID  string
	challenge string // S256 code_challenge sent to /oauth, "" when none
	expires   time.Time
	used      bool
}

func newOAuthState() *oauthState {
	return &oauthState{consents: map[string]consent{}, codes: map[string]*authCode{}}
}

// serveOAuth answers everything outside /api/: the consent page and the token endpoint.
func (s *Server) serveOAuth(r *http.Request, path string) response {
	switch {
	case path == "/oauth" && r.Method == http.MethodGet:
		return s.consentPage(r)
	case path == "/oauth" && r.Method == http.MethodPost:
		return s.consentAnswer(r)
	case path == "/oauth2/access_token":
		return s.accessToken(r)
	}
	return problemResponse(http.StatusNotFound, "not found: "+path)
}

var consentTemplate = template.Must(template.New("consent").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Kommo sandbox: grant access</title></head>
<body>
<h1>Grant access to {{.Account}}</h1>
<p>The integration <b>{{.ClientID}}</b> asks to read the leads, contacts and companies of the account <b>{{.Subdomain}}</b>.</p>
<form method="post" action="/oauth">
<input type="hidden" name="consent" value="{{.Consent}}">
<button type="submit" id="allow" name="decision" value="allow">Allow</button>
<button type="submit" id="deny" name="decision" value="deny">Deny</button>
</form>
</body></html>
`))

var errorTemplate = template.Must(template.New("error").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Kommo sandbox: error</title></head>
<body><h1>Error</h1><p>{{.}}</p></body></html>
`))

func htmlPage(status int, t *template.Template, data any) response {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return problemResponse(http.StatusInternalServerError, "sandbox could not render its page")
	}
	return response{status: status, contentType: contentHTML, body: b.Bytes()}
}

func oauthErrorPage(detail string) response {
	return htmlPage(http.StatusBadRequest, errorTemplate, detail)
}

// consentPage is Kommo's /oauth: the account picker and grant page, here one account and two buttons.
func (s *Server) consentPage(r *http.Request) response {
	q := r.URL.Query()
	if q.Get("client_id") != s.opts.ClientID {
		return oauthErrorPage("Unknown integration (client_id).")
	}
	challenge := q.Get("code_challenge")
	if method := q.Get("code_challenge_method"); challenge != "" && method != "S256" {
		return oauthErrorPage("Only code_challenge_method=S256 is supported.")
	}
	id := randomHex(32)
	_, hasState := q["state"]
	s.oauth.mu.Lock()
	s.oauth.consents[id] = consent{clientID: s.opts.ClientID, state: q.Get("state"), hasState: hasState, challenge: challenge}
	s.oauth.mu.Unlock()
	return htmlPage(http.StatusOK, consentTemplate, map[string]string{
		"Account": AccountName, "Subdomain": AccountSubdomain, "ClientID": s.opts.ClientID, "Consent": id})
}

// consentAnswer handles a click on Allow or Deny: a 302 to the registered redirect URI.
func (s *Server) consentAnswer(r *http.Request) response {
	r.Body = http.MaxBytesReader(nil, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return oauthErrorPage("Malformed form.")
	}
	s.oauth.mu.Lock()
	c, ok := s.oauth.consents[r.PostForm.Get("consent")]
	delete(s.oauth.consents, r.PostForm.Get("consent"))
	s.oauth.mu.Unlock()
	if !ok {
		return oauthErrorPage("This consent page has expired or was already answered.")
	}
	params := url.Values{}
	if r.PostForm.Get("decision") == "allow" {
		code := "def50200" + randomHex(64)
		s.oauth.mu.Lock()
		s.oauth.codes[code] = &authCode{clientID: c.clientID, challenge: c.challenge, expires: s.now().Add(s.opts.CodeTTL)}
		s.oauth.mu.Unlock()
		params.Set("code", code)
		params.Set("referer", s.referer(r))
	} else {
		params.Set("error", "access_denied")
	}
	if c.hasState {
		params.Set("state", c.state)
	}
	params.Set("client_id", c.clientID)
	return redirect(s.opts.RedirectURI, params)
}

// referer is the account host Kommo reports: the sandbox's own host:port unless overridden.
func (s *Server) referer(r *http.Request) string {
	if s.opts.Referer != "" {
		return s.opts.Referer
	}
	if u, err := url.Parse(s.url); err == nil && u.Host != "" {
		return u.Host
	}
	if r.Host != "" {
		return r.Host
	}
	return AccountSubdomain + ".kommo.com"
}

func redirect(target string, params url.Values) response {
	u, err := url.Parse(target)
	if err != nil {
		return oauthErrorPage("The integration's redirect URI is invalid.")
	}
	q := u.Query()
	for k, vs := range params {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	return response{status: http.StatusFound, header: http.Header{"Location": {u.String()}}}
}
