package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/oauth2"
)

// tokenTimeout bounds one exchange with the token endpoint.
const tokenTimeout = 30 * time.Second

// tokenHTTPClient returns c, or a default client, that never follows a
// redirect: a redirect could carry the code or the client secret (a 307
// resends the body) to another host.
func tokenHTTPClient(c *http.Client) *http.Client {
	var out http.Client
	if c != nil {
		out = *c
	}
	if out.Timeout == 0 {
		out.Timeout = tokenTimeout
	}
	out.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &out
}

// tokenURL is Kommo's token endpoint on the account's own host.
func tokenURL(account string) string {
	return strings.TrimSuffix(account, "/") + "/oauth2/access_token"
}

// oauthConfig is the x/oauth2 view of the integration. Kommo wants the
// client id and secret in the form body, never in an Authorization header.
func oauthConfig(account, clientID, secret, redirectURI string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     clientID,
		ClientSecret: secret,
		RedirectURL:  redirectURI,
		Endpoint:     oauth2.Endpoint{TokenURL: tokenURL(account), AuthStyle: oauth2.AuthStyleInParams},
	}
}

// refresh trades c's refresh token for a new pair at c's account.
func refresh(ctx context.Context, hc *http.Client, c *Credentials) (*Credentials, error) {
	if err := checkAccountURL(c.Account); err != nil {
		return nil, err
	}
	cfg := oauthConfig(c.Account, c.ClientID, c.ClientSecret, "")
	ctx = context.WithValue(ctx, oauth2.HTTPClient, hc)
	// An empty access token makes x/oauth2 refresh right away.
	tok, err := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: c.RefreshToken}).Token()
	if err != nil {
		return nil, tokenError(ctx, "refreshing the token", err, true)
	}
	next := *c
	next.AccessToken, next.RefreshToken, next.TokenType, next.Expiry = tok.AccessToken, tok.RefreshToken, tok.TokenType, tok.Expiry
	return &next, nil
}

// tokenError turns a token endpoint failure into one line without the
// response body. forRefresh makes a refused grant ErrSessionExpired.
func tokenError(ctx context.Context, op string, err error, forRefresh bool) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		var ue *url.Error
		if errors.As(err, &ue) {
			return fmt.Errorf("%s: %s %s: %w", op, ue.Op, oneLine(ue.URL, 200), clipped(ue.Err))
		}
		return fmt.Errorf("%s: %w", op, clipped(err))
	}
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	why := kommoReason(re)
	if forRefresh && (status == http.StatusUnauthorized || re.ErrorCode == "invalid_grant") {
		if why != "" {
			return fmt.Errorf("%w (Kommo: %s)", ErrSessionExpired, why)
		}
		return ErrSessionExpired
	}
	msg := fmt.Sprintf("%s: Kommo answered", op)
	if status != 0 {
		msg += fmt.Sprintf(" %d %s", status, http.StatusText(status))
	}
	if why != "" {
		msg += ": " + why
	}
	return errors.New(msg)
}

// kommoReason is the human part of a refused token request: Kommo's
// problem+json hint or detail, else the OAuth error description or code,
// cleaned to one short line.
func kommoReason(re *oauth2.RetrieveError) string {
	var p struct {
		Hint   string `json:"hint"`
		Detail string `json:"detail"`
	}
	_ = json.Unmarshal(re.Body, &p)
	return oneLine(first(p.Hint, re.ErrorDescription, p.Detail, re.ErrorCode), 200)
}

// oneLine keeps printable characters of s on one line, at most max runes:
// server text must not smuggle escape sequences into the terminal. It
// stops reading at the cut, so a huge text costs no more than a short one.
func oneLine(s string, max int) string {
	var b strings.Builder
	n, gap := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			gap = n > 0
			continue
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			continue
		}
		if n == max || (gap && n+1 == max) {
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

// clippedError prints at most maxCauseRunes of err on one line, yet keeps
// err for errors.Is and errors.As: a transport error can quote whatever
// the server sent (a malformed status line of megabytes).
type clippedError struct{ err error }

const maxCauseRunes = 300

func clipped(err error) error { return clippedError{err} }

func (c clippedError) Error() string { return oneLine(c.err.Error(), maxCauseRunes) }
func (c clippedError) Unwrap() error { return c.err }

// checkAccountURL refuses to send a code, a secret or a token anywhere but
// an https origin, or plain http on loopback (the sandbox).
func checkAccountURL(account string) error {
	u, err := url.Parse(account)
	if err != nil || u.Host == "" || u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return fmt.Errorf("account %q is not an origin such as https://acme.kommo.com", account)
	}
	switch {
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && isLoopbackHost(u.Hostname()):
		return nil
	}
	return fmt.Errorf("account %q: only https is allowed (plain http only on loopback)", account)
}
