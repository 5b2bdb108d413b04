package cli

import (
	"errors"
	"fmt"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/auth"
)

// openStore is the credential store in the user's config directory, as the
// Env's environment names it.
func openStore(e *Env) (*auth.Store, error) {
	dir, err := auth.DefaultDir(e.Getenv)
	if err != nil {
		return nil, err
	}
	return auth.NewStore(dir), nil
}

// storedConnection is the account and refreshing token source that
// `leadscope login` stored. base, when set (--account or KOMMO_BASE_URL),
// must name that same account: the stored token is never sent elsewhere.
func storedConnection(e *Env, base string) (connection, error) {
	store, err := openStore(e)
	if err != nil {
		return connection{}, errNoCredentials
	}
	creds, err := store.Load()
	switch {
	case errors.Is(err, auth.ErrNotLoggedIn):
		return connection{}, errNoCredentials
	case err != nil:
		return connection{}, err
	}
	if base != "" {
		if err := checkSameAccount(base, creds.Account); err != nil {
			return connection{}, err
		}
	}
	return connection{baseURL: creds.Account, credentials: store.TokenSource(creds, nil)}, nil
}

// accountMismatchError: the account asked for is not the one logged in to.
// It counts as "not authenticated" (exit code 4).
type accountMismatchError struct{ named, stored string }

func (e *accountMismatchError) Error() string {
	return fmt.Sprintf("KOMMO_BASE_URL or --account names %s, but you are logged in to %s: unset it, or run `leadscope login` for that account", e.named, e.stored)
}

func (e *accountMismatchError) Is(target error) bool { return target == api.ErrUnauthorized }

func checkSameAccount(named, stored string) error {
	n, err := api.NormalizeBaseURL(named)
	if err != nil {
		return err
	}
	s, err := api.NormalizeBaseURL(stored)
	if err != nil {
		return fmt.Errorf("the stored login names an invalid account: %w; run `leadscope login` again", err)
	}
	if n.String() != s.String() {
		return &accountMismatchError{named: n.String(), stored: s.String()}
	}
	return nil
}
