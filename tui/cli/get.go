package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
)

// getMemoryLimit is get's soft memory limit (unless GOMEMLIMIT is set).
// The bounds of package api keep what a hostile server can make get hold
// to a few tens of MiB; without a limit the collector lets the heap grow
// to twice that before it runs, and freed 8 MiB pages linger in the
// resident set.
const getMemoryLimit = 64 << 20

func runGet(ctx context.Context, e *Env, args []string) int {
	if e.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(getMemoryLimit))
	}
	fs := newFlags(e, "get", "leadscope get ID|URL [--json] [--feed [--limit N]] [--account ACCOUNT] [--tz account|local|ZONE]")
	asJSON := fs.Bool("json", false, "print the lead exactly as Kommo returned it")
	withFeed := fs.Bool("feed", false, "add the stage history, tasks and feed (with --json: the notes, events and tasks)")
	limit := fs.Int("limit", defaultFeedLimit, "with --feed: how many feed entries to print, newest first")
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
	if *asJSON && !*withFeed {
		raw, err := client.GetLeadJSON(ctx, id)
		if err != nil {
			return fail(e, exitCode(err), "%v", describe(err))
		}
		return writeJSON(e, raw)
	}
	lead, err := client.GetLead(ctx, id)
	if err != nil {
		return fail(e, exitCode(err), "%v", describe(err))
	}
	switch {
	case *asJSON:
		return writeFeedJSON(ctx, e, client, lead)
	case *withFeed:
		return printLead(ctx, e, client, lead, zone, *limit)
	}
	return printLead(ctx, e, client, lead, zone, 0)
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

// printLead prints the summary and, when feedLimit > 0, the story after it
// (loaded while the summary's names are).
func printLead(ctx context.Context, e *Env, client *api.Client, lead *api.Lead, zone zoneChoice, feedLimit int) int {
	var storyLoaded chan *leadStory
	if feedLimit > 0 {
		storyLoaded = make(chan *leadStory, 1)
		go func() { storyLoaded <- loadStory(ctx, client, lead.ID) }()
	}
	dir, err := client.LoadDirectory(ctx)
	if err != nil {
		// The lead itself arrived: show it with bare IDs rather than nothing.
		fmt.Fprintf(e.Stderr, "leadscope: warning: names not resolved: %s\n", oneLine(describe(err)))
		dir = &api.Directory{}
	} else if _, known := dir.Account.Location(); !known && zone.account {
		fmt.Fprintln(e.Stderr, "leadscope: warning: Kommo did not name the account's time zone; dates and times are in this machine's")
	}
	related := client.LoadRelated(ctx, lead)
	for _, err := range related.Errs {
		fmt.Fprintf(e.Stderr, "leadscope: warning: %s\n", oneLine(describe(err)))
	}
	warnCuts(e, dir, slices.Concat(dir.Cuts, related.Cuts))
	view := leadView{
		lead: lead, dir: dir, related: related,
		webURL: client.LeadWebURL(lead.ID), now: time.Now(),
		zones: zonesFor(zone, dir.Account, leadTimes(lead)),
	}
	out := view.render()
	if storyLoaded != nil {
		out += renderFeed(ctx, e, client, view, <-storyLoaded, feedLimit)
	}
	if _, err := e.Stdout.Write([]byte(out)); err != nil {
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
