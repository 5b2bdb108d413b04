package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/leadscope/leadscope/api"
)

// errNoCredentials means nothing says which account or token to use; the
// TUI turns it into a friendly screen, commands into exit code 4.
var errNoCredentials = errors.New("not logged in: run `leadscope login`, set KOMMO_TOKEN and KOMMO_BASE_URL, or try `leadscope --demo`")

// connection is what a command needs to talk to Kommo.
type connection struct {
	baseURL     string
	credentials api.Credentials
	timeout     time.Duration // per attempt; zero means the api default
	budgetDir   string        // shares the rate limit with other processes; "" keeps it local
}

// resolveConnection picks the account and credentials. Precedence: the
// --account flag, then the environment, then stored credentials.
func resolveConnection(e *Env, accountFlag string) (connection, error) {
	base := accountFlag
	if base == "" {
		base = e.Getenv("KOMMO_BASE_URL")
	}
	token := e.Getenv("KOMMO_TOKEN")
	if token != "" {
		if base == "" {
			return connection{}, errors.New("KOMMO_TOKEN is set but KOMMO_BASE_URL is not: set it to your account, e.g. acme.kommo.com")
		}
		return connection{baseURL: base, credentials: api.StaticToken(token)}, nil
	}
	return storedConnection(e, base)
}

// newClient builds the API client for a connection.
func newClient(conn connection) (*api.Client, error) {
	c, err := api.New(api.Options{
		BaseURL:         conn.baseURL,
		Credentials:     conn.credentials,
		Timeout:         conn.timeout,
		UserAgent:       "leadscope/" + Version,
		SharedBudgetDir: conn.budgetDir,
	})
	if err != nil {
		return nil, fmt.Errorf("account %q: %w", conn.baseURL, err)
	}
	return c, nil
}
