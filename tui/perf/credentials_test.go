package perf_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/leadscope/leadscope/api"
)

// sessionCredentials is an OAuth session as auth keeps it: a token that
// Renew replaces with whatever renew returns, or keeps when renew fails.
type sessionCredentials struct {
	mu       sync.Mutex
	token    string
	renew    func() (string, error)
	renewals int
}

func (c *sessionCredentials) AccessToken(context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token, nil
}

func (c *sessionCredentials) Renew(_ context.Context, refused string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.renewals++
	fresh, err := c.renew()
	if err != nil {
		return "", fmt.Errorf("session expired: %w", errors.Join(err, api.ErrUnauthorized))
	}
	c.token = fresh
	return fresh, nil
}

func (c *sessionCredentials) state() (token string, renewals int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token, c.renewals
}
