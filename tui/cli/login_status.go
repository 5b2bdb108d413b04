package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/leadscope/leadscope/auth"
)

// runStatus tells which account and kind of token commands would use,
// without the network and never with the token itself.
func runStatus(ctx context.Context, e *Env, args []string) int {
	fs := newFlags(e, "status", "leadscope status")
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	if len(positional) != 0 {
		return fail(e, ExitUsage, "status takes no arguments")
	}
	store, storeErr := openStore(e)
	if token := e.Getenv("KOMMO_TOKEN"); token != "" {
		return statusFromEnvironment(e, store, token)
	}
	if storeErr != nil {
		return fail(e, ExitAuth, "%v", errNoCredentials)
	}
	creds, err := store.Load()
	switch {
	case errors.Is(err, auth.ErrNotLoggedIn):
		return fail(e, ExitAuth, "%v", errNoCredentials)
	case err != nil:
		return fail(e, ExitFailure, "%v", err)
	}
	kind := "long-lived (from `leadscope login --with-token`)"
	if creds.Kind == auth.KindOAuth {
		kind = "oauth (refreshed automatically)"
	}
	now := time.Now()
	w := e.Stdout
	statusLine(w, "Account", creds.Account)
	statusLine(w, "Token", kind)
	statusLine(w, "Expires", describeExpiry(creds.Kind, creds.Expiry, now))
	statusLine(w, "Stored in", store.Path())
	if base := e.Getenv("KOMMO_BASE_URL"); base != "" {
		if err := checkSameAccount(base, creds.Account); err != nil {
			fmt.Fprintf(e.Stderr, "leadscope: warning: %s\n", oneLine(err.Error()))
		}
	}
	return ExitOK
}

func statusFromEnvironment(e *Env, store *auth.Store, token string) int {
	account := e.Getenv("KOMMO_BASE_URL")
	if account == "" {
		account = "(KOMMO_BASE_URL is not set)"
	}
	expiry := "unknown"
	if exp, ok := auth.TokenExpiry(token); ok {
		expiry = describeExpiry(auth.KindLongLived, exp, time.Now())
	}
	statusLine(e.Stdout, "Account", account)
	statusLine(e.Stdout, "Token", "environment (KOMMO_TOKEN)")
	statusLine(e.Stdout, "Expires", expiry)
	if store != nil {
		if _, err := store.Load(); err == nil {
			statusLine(e.Stdout, "Stored in", store.Path()+" (not used while KOMMO_TOKEN is set)")
		}
	}
	return ExitOK
}

// statusLine prints one "Label: value" line; value may come from a file
// or the environment (the stored account, a path under HOME), so it is
// cleaned like text from the server.
func statusLine(w io.Writer, label, value string) {
	fmt.Fprintf(w, "%-10s %s\n", label+":", oneLine(value))
}

// describeExpiry says when the access token ends and what happens then.
func describeExpiry(kind auth.Kind, exp time.Time, now time.Time) string {
	if exp.IsZero() {
		return "unknown"
	}
	at := exp.Local().Format("2006-01-02 15:04 MST")
	left := exp.Sub(now)
	switch {
	case left > 0:
		return fmt.Sprintf("%s (in %s)", at, roughDuration(left))
	case kind == auth.KindOAuth:
		return fmt.Sprintf("%s (expired %s ago; refreshed on next use)", at, roughDuration(-left))
	}
	return fmt.Sprintf("%s (expired %s ago: create a new token and run leadscope login --with-token)", at, roughDuration(-left))
}

func roughDuration(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return "less than a minute"
}

// runLogout forgets the stored login. Kommo keeps the tokens valid until
// they expire; only disconnecting the integration in Kommo revokes them.
func runLogout(ctx context.Context, e *Env, args []string) int {
	fs := newFlags(e, "logout", "leadscope logout")
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	if len(positional) != 0 {
		return fail(e, ExitUsage, "logout takes no arguments")
	}
	store, err := openStore(e)
	if err != nil {
		return fail(e, ExitFailure, "%v", err)
	}
	existed, err := store.Delete(ctx)
	if err != nil {
		return fail(e, ExitFailure, "logging out: %v", err)
	}
	if existed {
		fmt.Fprintf(e.Stdout, "Logged out: removed %s\n", oneLine(store.Path()))
	} else {
		fmt.Fprintln(e.Stdout, "Not logged in: nothing to remove.")
	}
	if e.Getenv("KOMMO_TOKEN") != "" {
		fmt.Fprintln(e.Stderr, "leadscope: note: KOMMO_TOKEN is still set in the environment and keeps working")
	}
	return ExitOK
}
