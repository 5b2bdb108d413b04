package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// ErrSessionExpired means Kommo refused the refresh token: the user must log in again.
var ErrSessionExpired = errors.New("session expired: run `leadscope login`")

// ErrTokenRefused means Kommo refused a long-lived token, which cannot be refreshed.
var ErrTokenRefused = errors.New("the stored long-lived token was refused (expired or revoked): run `leadscope login --with-token` with a new one")

// TokenSource hands out the stored access token and refreshes it when it
// expires or is refused. It satisfies api.Credentials.
//
// Kommo rotates refresh tokens and revokes a spent one, so a refresh must
// happen once at a time everywhere and its result must be on disk before it
// is used: a refresh takes the in-process mutex and the store's lock file,
// re-reads the stored credentials (another process may have refreshed
// already) and saves the new pair before returning it. If saving fails the
// new pair is dropped unused, and the old refresh token stays valid.
type TokenSource struct {
	store *Store
	http  *http.Client
	now   func() time.Time

	mu  sync.Mutex
	cur Credentials
}

// TokenSource returns a source for c, which Load returned. httpClient talks
// to the token endpoint; nil means a default client with a timeout that
// never follows redirects.
func (s *Store) TokenSource(c *Credentials, httpClient *http.Client) *TokenSource {
	return &TokenSource{store: s, http: tokenHTTPClient(httpClient), now: time.Now, cur: *c}
}

// Account is the API origin the tokens belong to.
func (t *TokenSource) Account() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.cur.Account
}

// AccessToken returns a token to send now, refreshing it first if it has
// expired or is about to.
func (t *TokenSource) AccessToken(ctx context.Context) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cur.fresh(t.now()) {
		return t.cur.AccessToken, nil
	}
	return t.renewLocked(ctx, t.cur.AccessToken)
}

// Renew returns a token other than refused, which the server answered 401:
// the one another goroutine or process stored meanwhile if there is one,
// else a freshly refreshed one.
func (t *TokenSource) Renew(ctx context.Context, refused string) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cur.AccessToken != refused && t.cur.fresh(t.now()) {
		return t.cur.AccessToken, nil
	}
	return t.renewLocked(ctx, refused)
}

// renewLocked runs with t.mu held.
func (t *TokenSource) renewLocked(ctx context.Context, stale string) (string, error) {
	unlock, err := t.store.lock(ctx)
	if err != nil {
		return "", err
	}
	defer unlock()

	latest, err := t.store.Load()
	switch {
	case errors.Is(err, ErrNotLoggedIn):
		return "", fmt.Errorf("%w (the stored credentials were removed)", ErrSessionExpired)
	case err != nil:
		return "", err
	case latest.Account != t.cur.Account:
		return "", fmt.Errorf("%w (the stored credentials now belong to %s)", ErrSessionExpired, latest.Account)
	}
	if latest.AccessToken != stale && latest.fresh(t.now()) {
		t.cur = *latest
		return latest.AccessToken, nil
	}
	if latest.Kind != KindOAuth || latest.RefreshToken == "" {
		return "", ErrTokenRefused
	}
	refreshed, err := refresh(ctx, t.http, latest)
	if err != nil {
		return "", err
	}
	if err := t.store.save(refreshed); err != nil {
		return "", fmt.Errorf("the token was refreshed but could not be saved, so it was not used: %w", err)
	}
	t.cur = *refreshed
	return refreshed.AccessToken, nil
}
