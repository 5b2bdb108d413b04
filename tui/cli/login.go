package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/auth"
)

func runLogin(ctx context.Context, e *Env, args []string) int {
	fs := newFlags(e, "login", "leadscope login [--account ACCOUNT] [--no-browser | --paste | --with-token] [--pkce] [--timeout 3m]")
	account := fs.String("account", "", "the Kommo account, e.g. acme.kommo.com (default: KOMMO_BASE_URL, the config file, else the one picked in the browser)")
	clientID := fs.String("client-id", "", "the integration ID (default: KOMMO_CLIENT_ID or the config file; the secret comes only from KOMMO_CLIENT_SECRET or the config file)")
	redirectURI := fs.String("redirect-uri", "", "the redirect URI registered on the integration (default: KOMMO_REDIRECT_URI, the config file, else "+auth.DefaultRedirectURI+")")
	paste := fs.Bool("paste", false, "paste the address the browser was sent to, for a redirect URI that is not on this machine")
	withToken := fs.Bool("with-token", false, "read a long-lived token from stdin and store it")
	noBrowser := fs.Bool("no-browser", false, "only print the address to open")
	pkce := fs.Bool("pkce", false, "send a PKCE (S256) challenge; Kommo does not document PKCE")
	timeout := fs.Duration("timeout", auth.DefaultTimeout, "how long to wait for the browser")
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	switch {
	case len(positional) != 0:
		return fail(e, ExitUsage, "login takes no arguments, got %q (see leadscope login --help)", positional[0])
	case *paste && *withToken:
		return fail(e, ExitUsage, "--paste and --with-token do not go together")
	case *timeout <= 0:
		return fail(e, ExitUsage, "--timeout must be positive, e.g. 5m")
	}
	store, err := openStore(e)
	if err != nil {
		return fail(e, ExitFailure, "%v", err)
	}
	overrides := auth.Overrides{Account: *account, ClientID: *clientID, RedirectURI: *redirectURI}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "pkce" {
			overrides.PKCE = pkce
		}
	})
	settings, err := auth.LoadSettings(store.Dir(), e.Getenv, overrides)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	if e.Getenv("KOMMO_TOKEN") != "" {
		fmt.Fprintln(e.Stderr, "leadscope: note: KOMMO_TOKEN is set and wins over the stored login until you unset it")
	}
	if *withToken {
		return loginWithToken(ctx, e, store, settings.Account)
	}
	opts := auth.LoginOptions{
		Settings: settings, Out: e.Stderr, NoBrowser: *noBrowser, Getenv: e.Getenv, Timeout: *timeout,
	}
	if settings.Account != "" {
		u, err := api.NormalizeBaseURL(settings.Account)
		if err != nil {
			return fail(e, ExitUsage, "%v", err)
		}
		opts.Account = u.String()
	}
	if *paste {
		opts.Paste = e.Stdin
	}
	creds, err := auth.Login(ctx, opts)
	switch {
	case errors.Is(err, auth.ErrMissingClient):
		return fail(e, ExitUsage, "%v; the config file is %s. Without an integration: leadscope login --with-token --account acme.kommo.com (a long-lived token on stdin), or try leadscope --demo",
			err, auth.ConfigPath(store.Dir()))
	case err != nil:
		return fail(e, loginExitCode(err), "%s", loginFailure(err))
	}
	return saveLogin(ctx, e, store, creds)
}

// loginFailure words a failed login; whatever was stored before is untouched.
func loginFailure(err error) string {
	if errors.Is(err, context.Canceled) {
		return "login cancelled; stored credentials unchanged"
	}
	return fmt.Sprintf("login failed: %v", err)
}

func loginExitCode(err error) int {
	switch {
	case errors.Is(err, auth.ErrNotLoopback):
		return ExitUsage
	case errors.Is(err, auth.ErrDeclined), errors.Is(err, auth.ErrBadState),
		errors.Is(err, auth.ErrAccountMismatch), errors.Is(err, auth.ErrUntrustedHost):
		return ExitAuth
	}
	return ExitFailure
}

// saveLogin stores new credentials, then greets the account by name when
// Kommo tells it (a failure there does not undo the login).
func saveLogin(ctx context.Context, e *Env, store *auth.Store, creds *auth.Credentials) int {
	if err := store.Save(ctx, creds); err != nil {
		return fail(e, ExitFailure, "logged in, but the credentials could not be saved: %v", err)
	}
	host := creds.Account
	name := ""
	if client, err := newClient(connection{baseURL: creds.Account, credentials: store.TokenSource(creds, nil)}); err == nil {
		host = client.BaseURL().Host
		if acct, err := client.Account(ctx); err == nil {
			name = acct.Name
		} else {
			fmt.Fprintf(e.Stderr, "leadscope: warning: logged in, but reading the account failed: %s\n", oneLine(describe(err)))
		}
	}
	if name != "" {
		fmt.Fprintf(e.Stdout, "Logged in to %s (%s). Credentials saved in %s\n", oneLine(name), oneLine(host), oneLine(store.Path()))
	} else {
		fmt.Fprintf(e.Stdout, "Logged in to %s. Credentials saved in %s\n", oneLine(host), oneLine(store.Path()))
	}
	return ExitOK
}
