package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

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

// usageError is a mistake in what the user set up (flags, environment):
// exit code 2, and no request is made.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// resolveConnection picks the account and credentials. Precedence: the
// --account flag, then the environment, then stored credentials.
func resolveConnection(e *Env, accountFlag string) (connection, error) {
	base := strings.TrimSpace(accountFlag)
	if base == "" {
		base = strings.TrimSpace(e.Getenv("KOMMO_BASE_URL"))
	}
	if raw := e.Getenv("KOMMO_TOKEN"); raw != "" {
		token, err := environmentToken(raw)
		if err != nil {
			return connection{}, err
		}
		if base == "" {
			return connection{}, &usageError{"KOMMO_TOKEN is set but KOMMO_BASE_URL is not: set it to your account, e.g. acme.kommo.com, or pass --account"}
		}
		return connection{baseURL: base, credentials: api.StaticToken(token)}, nil
	}
	return storedConnection(e, base)
}

// environmentToken checks KOMMO_TOKEN before it is sent anywhere: surrounding
// spaces and a "Bearer " prefix are dropped, as when pasting into `login
// --with-token`; a blank token or one with spaces inside is refused.
func environmentToken(raw string) (string, error) {
	token := strings.TrimSpace(raw)
	token = strings.TrimSpace(strings.TrimPrefix(token, "Bearer "))
	switch {
	case token == "":
		return "", &usageError{"KOMMO_TOKEN is blank: set it to your token, or unset it to use the stored login"}
	case strings.ContainsFunc(token, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return "", &usageError{"KOMMO_TOKEN contains spaces or control characters: set it to the token alone"}
	}
	return token, nil
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
