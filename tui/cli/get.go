package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
)

// getMemoryLimit is the soft memory limit `get` runs under unless
// GOMEMLIMIT says otherwise: a lead and its lists fit in far less, and
// with it the collector returns what a hostile body took, instead of
// growing the resident set to twice the live heap.
const getMemoryLimit = 64 << 20

func runGet(ctx context.Context, e *Env, args []string) int {
	if e.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(getMemoryLimit))
	}
	fs := newFlags(e, "get", "leadscope get ID|URL [--json] [--feed [--limit N]] [--refresh] [--account ACCOUNT] [--tz account|local|ZONE]")
	asJSON := fs.Bool("json", false, "print the lead exactly as Kommo returned it")
	withFeed := fs.Bool("feed", false, "add the stage history, tasks and feed (with --json: the notes, events and tasks)")
	limit := fs.Int("limit", defaultFeedLimit, "with --feed: how many feed entries to print, newest first")
	refresh := fs.Bool("refresh", false, "fetch the account's pipelines, users and lists again instead of using the cache")
	account := fs.String("account", "", "the Kommo `ACCOUNT`, e.g. acme.kommo.com (overrides KOMMO_BASE_URL)")
	timeout := fs.Duration("timeout", api.DefaultTimeout, "give up on one request attempt after this long")
	tz := fs.String("tz", "account", tzUsage)
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	if len(positional) != 1 {
		return fail(e, ExitUsage, "get needs exactly one lead ID or lead URL, e.g. leadscope get 123")
	}
	if _, err := api.ParseLeadRef(positional[0]); err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	if err := checkFeedFlags(fs, *withFeed, *limit); err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	if *timeout <= 0 {
		return fail(e, ExitUsage, "--timeout must be positive, e.g. 10s")
	}
	zone, err := resolveZoneChoice(e, fs, *tz)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	conn, err := resolveConnection(e, *account)
	if err != nil {
		return fail(e, exitCode(err), "%v", err)
	}
	conn.timeout = *timeout
	store, cacheWarning := openAccountCache(e, conn.baseURL)
	if store != nil {
		conn.budgetDir = store.Dir()
	}
	client, err := newClient(conn)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	// Only now is the account known: another account's lead URL is refused
	// before any request, as its ID means a different lead here.
	id, err := client.ParseLeadRef(positional[0])
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	if cacheWarning != nil {
		warn(e, cacheWarning)
	}
	budgetErr := client.SharedBudgetErr()
	if budgetErr != nil {
		warn(e, budgetErr)
	}
	src := cache.NewSource(client, store)
	defer func() {
		// What broke during the run, said once.
		if err := src.CacheErr(); err != nil {
			warn(e, err)
		}
		if err := client.SharedBudgetErr(); err != nil && budgetErr == nil {
			warn(e, err)
		}
	}()
	switch {
	case *asJSON && *withFeed:
		lead, err := client.GetLead(ctx, id)
		if err != nil {
			return fail(e, exitCode(err), "%v", describe(err))
		}
		return writeFeedJSON(ctx, e, client, lead)
	case *asJSON:
		return printRaw(ctx, e, client, src, id, *refresh)
	}
	feedLimit := 0
	if *withFeed {
		feedLimit = *limit
	}
	return printLead(ctx, e, client, src, leadRequest{id: id, refresh: *refresh, zone: zone, feedLimit: feedLimit})
}

// printRaw is --json: one request, the body as Kommo sent it, nothing
// decoded beyond its id. --refresh refreshes the account's data alongside.
func printRaw(ctx context.Context, e *Env, client *api.Client, src *cache.Source, id int64, refresh bool) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	defer wg.Wait() // before cancel: a refresh finishes once the lead is out
	if refresh {
		wg.Go(func() {
			if _, err := src.Refresh(ctx); err != nil && ctx.Err() == nil {
				warn(e, fmt.Errorf("account data not refreshed: %w", err))
			}
		})
	}
	raw, err := client.GetLeadJSON(ctx, id)
	if err != nil {
		cancel()
		return fail(e, exitCode(err), "%v", describe(err))
	}
	return writeJSON(e, raw)
}
func writeJSON(e *Env, raw []byte) int {
	out := jsonFor(raw, e.OutIsTTY)
	if len(out) == 0 || out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if _, err := e.Stdout.Write(out); err != nil {
		return fail(e, ExitFailure, "writing output: %v", err)
	}
	return ExitOK
}

// warnCuts says on stderr what a bound left out of the summary, a list by
// its name when the directory knows it.
func warnCuts(e *Env, dir *api.Directory, cuts []*api.Cut) {
	for _, cut := range cuts {
		name, _ := dir.CatalogName(cut.CatalogID)
		fmt.Fprintf(e.Stderr, "leadscope: warning: %s\n", oneLine(cut.Note(name)))
	}
}

// exitCode maps an error to the documented exit codes.
func exitCode(err error) int {
	switch {
	case errors.Is(err, api.ErrBadID), errors.As(err, new(*usageError)):
		return ExitUsage
	case errors.Is(err, api.ErrNotFound):
		return ExitNotFound
	case errors.Is(err, api.ErrUnauthorized), errors.Is(err, errNoCredentials):
		return ExitAuth
	}
	return ExitFailure
}

// describe adds what the user can do next to the errors that have a remedy.
func describe(err error) string {
	switch {
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case strings.Contains(err.Error(), "leadscope login"):
		// The auth package already named the remedy (session expired, token refused).
		return err.Error()
	case errors.Is(err, api.ErrUnauthorized):
		return err.Error() + " (run `leadscope login` or check KOMMO_TOKEN)"
	}
	return err.Error()
}
