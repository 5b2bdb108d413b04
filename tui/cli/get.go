package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
)

func runGet(ctx context.Context, e *Env, args []string) int {
	defer limitGetMemory(e)()
	fs := newFlags(e, "get", "leadscope get ID|URL [--json] [--feed [--limit N]] [--refresh] [--account ACCOUNT] [--tz account|local|ZONE]")
	asJSON := fs.Bool("json", false, "print the lead exactly as Kommo returned it")
	withFeed := fs.Bool("feed", false, "add the stage history, tasks and feed (with --json: the notes, events and tasks)")
	limit := fs.Int("limit", defaultFeedLimit, "with --feed: how many feed entries to print, newest first")
	flags := addGetFlags(fs)
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
	s, code := flags.connect(e, fs)
	if code != ExitOK {
		return code
	}
	// Only now is the account known: another account's lead URL is refused
	// before any request, as its ID means a different lead here.
	id, err := s.client.ParseLeadRef(positional[0])
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	s.warnAtStart(e)
	defer s.warnAtEnd(e)
	switch {
	case *asJSON && *withFeed:
		lead, err := s.client.GetLead(ctx, id)
		if err != nil {
			return fail(e, exitCode(err), "%v", describe(err))
		}
		return writeFeedJSON(ctx, e, s.client, lead)
	case *asJSON:
		return printRaw(ctx, e, s.src, *flags.refresh, func(ctx context.Context) ([]byte, error) {
			return s.client.GetLeadJSON(ctx, id)
		})
	}
	feedLimit := 0
	if *withFeed {
		feedLimit = *limit
	}
	return printLead(ctx, e, s.client, s.src, leadRequest{id: id, refresh: *flags.refresh, zone: s.zone, feedLimit: feedLimit})
}

// printRaw is --json of a lead or a record: one request (fetch), the body
// as Kommo sent it. --refresh refreshes the account's data alongside: the
// command waits for it once the body is out.
func printRaw(ctx context.Context, e *Env, src *cache.Source, refresh bool, fetch func(context.Context) ([]byte, error)) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	defer wg.Wait() // before cancel: a refresh finishes once the body is out
	if refresh {
		wg.Go(func() {
			if _, err := src.Refresh(ctx); err != nil && ctx.Err() == nil {
				warn(e, fmt.Errorf("account data not refreshed: %w", err))
			}
		})
	}
	raw, err := fetch(ctx)
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
