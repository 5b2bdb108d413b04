package sandbox

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"
)

// tokenStore holds the bearer tokens the server accepts and the OAuth refresh
// tokens with Kommo's rotation rule.
type tokenStore struct {
	mu      sync.Mutex
	extra   map[string]bool
	access  map[string]time.Time // access token -> expiry
	refresh map[string]*refreshToken

	refreshes   int // successful refresh_token grants
	spentReuses int // presentations of a refresh token revoked by rotation
	key         []byte
}

type refreshToken struct {
	expires time.Time
	parent  string // the refresh token this one replaced; revoked when this one is first used
	revoked bool
	spent   bool // revoked by rotation (not by RevokeAll)
}

func newTokenStore(extra []string) *tokenStore {
	ts := &tokenStore{extra: map[string]bool{}, access: map[string]time.Time{}, refresh: map[string]*refreshToken{}}
	for _, t := range extra {
		if t != "" {
			ts.extra[t] = true
		}
	}
	ts.key = make([]byte, 32)
	_, _ = rand.Read(ts.key)
	return ts
}

// check answers 401 problem+json unless the request carries an accepted bearer token.
func (ts *tokenStore) check(r *http.Request, now time.Time) *response {
	h := r.Header.Get("Authorization")
	scheme, token, found := strings.Cut(h, " ")
	if h == "" || !found || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return unauthorized("Authorization header with a Bearer token is required")
	}
	token = strings.TrimSpace(token)
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if token == Token || ts.extra[token] {
		return nil
	}
	expires, ok := ts.access[token]
	switch {
	case !ok:
		return unauthorized("The access token is invalid")
	case !now.Before(expires):
		return unauthorized("The access token has expired")
	}
	return nil
}

func unauthorized(detail string) *response {
	r := problemResponse(http.StatusUnauthorized, detail)
	return &r
}

// issue makes a new access and refresh token pair; parent is the refresh token it replaces, if any.
func (ts *tokenStore) issue(now time.Time, accessTTL, refreshTTL time.Duration, clientID, parent string) (access, refresh string) {
	access = ts.jwt(now, accessTTL, clientID)
	refresh = "def50200" + randomHex(96)
	ts.access[access] = now.Add(accessTTL)
	ts.refresh[refresh] = &refreshToken{expires: now.Add(refreshTTL), parent: parent}
	return access, refresh
}

// jwt makes an access token shaped like Kommo's (a signed JWT) so clients
// that peek at it see the usual claims; the sandbox itself only looks it up.
func (ts *tokenStore) jwt(now time.Time, ttl time.Duration, clientID string) string {
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]string{"typ": "JWT", "alg": "HS256"})
	claims, _ := json.Marshal(map[string]any{
		"aud": clientID, "jti": randomHex(20), "iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(ttl).Unix(),
		"sub": UserAdmin, "account_id": AccountID, "scopes": []string{"crm"},
	})
	unsigned := enc.EncodeToString(header) + "." + enc.EncodeToString(claims)
	mac := hmac.New(sha256.New, ts.key)
	mac.Write([]byte(unsigned))
	return unsigned + "." + enc.EncodeToString(mac.Sum(nil))
}

func randomHex(n int) string {
	b := make([]byte, (n+1)/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)[:n]
}

// AddToken makes the server accept token as a bearer token from now on, like a long-lived token.
func (s *Server) AddToken(token string) {
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	if token != "" {
		s.tokens.extra[token] = true
	}
}

// IssueTokens creates an OAuth access token valid for accessTTL (Options.AccessTTL
// when zero) and its refresh token, as if a login had just happened.
func (s *Server) IssueTokens(accessTTL time.Duration) (access, refresh string) {
	if accessTTL <= 0 {
		accessTTL = s.opts.AccessTTL
	}
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	return s.tokens.issue(s.now(), accessTTL, s.opts.RefreshTTL, s.opts.ClientID, "")
}

// ExpireAccessTokens makes every issued OAuth access token expired (refresh
// tokens stay valid), so the next API call answers 401 and a client must refresh.
func (s *Server) ExpireAccessTokens() {
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	past := s.now().Add(-time.Second)
	for t := range s.tokens.access {
		s.tokens.access[t] = past
	}
}

// RevokeAll invalidates every issued access and refresh token (Token and extra tokens stay valid),
// as when a user disables the integration.
func (s *Server) RevokeAll() {
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	s.tokens.access = map[string]time.Time{}
	for _, rt := range s.tokens.refresh {
		rt.revoked = true
	}
}

// RefreshCount is how many refresh_token grants succeeded.
func (s *Server) RefreshCount() int {
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	return s.tokens.refreshes
}

// SpentRefreshReuses is how many times a refresh token already replaced by
// rotation was presented again: a client that loses sessions does this.
func (s *Server) SpentRefreshReuses() int {
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	return s.tokens.spentReuses
}

func (s *Server) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now()
	}
	return time.Now()
}
