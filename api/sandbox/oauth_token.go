package sandbox

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// tokenRequest is the body of POST /oauth2/access_token, as form or JSON.
type tokenRequest struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	GrantType    string `json:"grant_type"`
	Code         string `json:"code"`
	RefreshToken string `json:"refresh_token"`
	RedirectURI  string `json:"redirect_uri"`
	CodeVerifier string `json:"code_verifier"`
}

type tokenAnswer struct {
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// oauthError is Kommo's OAuth failure: problem+json with a hint, plus the
// RFC 6749 error code so standard clients (x/oauth2) can read it too.
func oauthError(status int, code, hint string) response {
	p := newProblem(status, "OAuth request refused: "+hint)
	p.Hint, p.Error, p.ErrorDescription = hint, code, hint
	return p.response()
}

func readTokenRequest(r *http.Request) (tokenRequest, bool) {
	var tr tokenRequest
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		return tr, false
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		return tr, json.Unmarshal(body, &tr) == nil
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return tr, false
	}
	tr = tokenRequest{ClientID: form.Get("client_id"), ClientSecret: form.Get("client_secret"), GrantType: form.Get("grant_type"),
		Code: form.Get("code"), RefreshToken: form.Get("refresh_token"), RedirectURI: form.Get("redirect_uri"), CodeVerifier: form.Get("code_verifier")}
	return tr, true
}

// accessToken is POST /oauth2/access_token. Client credentials are checked
// first, so a refused attempt (x/oauth2 first tries HTTP Basic auth) never
// consumes a code or rotates a refresh token.
func (s *Server) accessToken(r *http.Request) response {
	if r.Method != http.MethodPost {
		return problemResponse(http.StatusMethodNotAllowed, "use POST")
	}
	tr, ok := readTokenRequest(r)
	if !ok {
		return oauthError(http.StatusBadRequest, "invalid_request", "The request body is malformed")
	}
	if !equal(tr.ClientID, s.opts.ClientID) || !equal(tr.ClientSecret, s.opts.ClientSecret) {
		return oauthError(http.StatusUnauthorized, "invalid_client", "Client authentication failed: client_id and client_secret go in the body")
	}
	switch tr.GrantType {
	case "authorization_code":
		return s.exchangeCode(tr)
	case "refresh_token":
		return s.refresh(tr)
	}
	return oauthError(http.StatusBadRequest, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

func (s *Server) exchangeCode(tr tokenRequest) response {
	now := s.now()
	s.oauth.mu.Lock()
	defer s.oauth.mu.Unlock()
	code, ok := s.oauth.codes[tr.Code]
	switch {
	case !ok || code.clientID != tr.ClientID:
		return oauthError(http.StatusBadRequest, "invalid_grant", "Cannot decrypt the authorization code")
	case code.used:
		return oauthError(http.StatusBadRequest, "invalid_grant", "Authorization code has been revoked")
	case !now.Before(code.expires):
		return oauthError(http.StatusBadRequest, "invalid_grant", "Authorization code has expired")
	case tr.RedirectURI != s.opts.RedirectURI:
		return oauthError(http.StatusBadRequest, "invalid_grant", "redirect_uri does not match the integration's redirect URI")
	}
	if bad := verifyPKCE(code.challenge, tr.CodeVerifier); bad != "" {
		return oauthError(http.StatusBadRequest, "invalid_grant", bad)
	}
	code.used = true
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	return s.tokenAnswer(s.tokens.issue(now, s.opts.AccessTTL, s.opts.RefreshTTL, tr.ClientID, ""))
}

// verifyPKCE checks code_verifier against an S256 challenge. A verifier for a
// code issued without a challenge is refused: accepting it would let a PKCE
// downgrade pass unnoticed.
func verifyPKCE(challenge, verifier string) string {
	switch {
	case challenge == "" && verifier == "":
		return ""
	case challenge == "":
		return "code_verifier sent for a code issued without code_challenge"
	case verifier == "":
		return "code_verifier is required: the code was issued with code_challenge"
	}
	sum := sha256.Sum256([]byte(verifier))
	if !equal(base64.RawURLEncoding.EncodeToString(sum[:]), challenge) {
		return "Failed to verify code_verifier"
	}
	return ""
}

// refresh implements Kommo's rotation: the presented token stays valid until
// the token it yields is first used; presenting a token after that is
// answered 401 "Token has been revoked".
func (s *Server) refresh(tr tokenRequest) response {
	if tr.RedirectURI != "" && tr.RedirectURI != s.opts.RedirectURI {
		return oauthError(http.StatusBadRequest, "invalid_request", "redirect_uri does not match the integration's redirect URI")
	}
	now := s.now()
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	rt, ok := s.tokens.refresh[tr.RefreshToken]
	switch {
	case !ok:
		return oauthError(http.StatusUnauthorized, "invalid_grant", "Cannot decrypt the refresh token")
	case rt.revoked:
		if rt.spent {
			s.tokens.spentReuses++
		}
		return oauthError(http.StatusUnauthorized, "invalid_grant", "Token has been revoked")
	case !now.Before(rt.expires):
		return oauthError(http.StatusUnauthorized, "invalid_grant", "Token has expired")
	}
	if parent, ok := s.tokens.refresh[rt.parent]; ok && !parent.revoked {
		parent.revoked, parent.spent = true, true
	}
	s.tokens.refreshes++
	return s.tokenAnswer(s.tokens.issue(now, s.opts.AccessTTL, s.opts.RefreshTTL, tr.ClientID, tr.RefreshToken))
}

func (s *Server) tokenAnswer(access, refresh string) response {
	resp := response{status: http.StatusOK, contentType: contentJSON, body: encode(tokenAnswer{
		TokenType: "Bearer", ExpiresIn: int64(s.opts.AccessTTL.Seconds()), AccessToken: access, RefreshToken: refresh})}
	resp.header = http.Header{"Cache-Control": {"no-store"}}
	return resp
}
