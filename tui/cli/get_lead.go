package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
)

// revalidationGrace bounds how long `get` stays, its output written, to
// finish revalidating a stale cache so that the next run finds it fresh.
const revalidationGrace = 5 * time.Second

// directoryResult is the account's directory as far as get could have it.
type directoryResult struct {
	snap cache.Snapshot
	err  error
}

// leadRequest is what `get` asked for, beside the lead's ID.
type leadRequest struct {
	id        int64
	refresh   bool // the account data is fetched again, not taken from the cache
	zone      zoneChoice
	feedLimit int // > 0: the story follows the summary
}

// printLead shows a lead with names. Everything that can run at once does:
// the directory comes from the cache (or, when there is none or --refresh
// asks, is fetched while the lead is), the related entities and the story
// are asked for as soon as the lead arrives, and a stale cache is
// revalidated in the background without holding the output back.
func printLead(ctx context.Context, e *Env, client *api.Client, src *cache.Source, req leadRequest) int {
	var background sync.WaitGroup
	defer background.Wait()
	// Runs before the Wait: whatever is still in flight stops.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	directory, revalidated := startDirectory(ctx, src, req.refresh, &background)
	lead, err := client.GetLead(ctx, req.id)
	if err != nil {
		cancel()
		return fail(e, exitCode(err), "%v", describe(err))
	}
	related := make(chan *api.Related, 1)
	background.Go(func() { related <- client.LoadRelated(ctx, lead) })
	var storyLoaded chan *leadStory
	if req.feedLimit > 0 {
		storyLoaded = make(chan *leadStory, 1)
		background.Go(func() { storyLoaded <- loadStory(ctx, client, lead.ID) })
	}

	dir := resolveDirectory(ctx, e, src, <-directory, lead)
	if _, known := dir.Account.Location(); !known && req.zone.account && dir.Account != nil {
		warn(e, errors.New("Kommo did not name the account's time zone; dates and times are in this machine's"))
	}
	rel := <-related
	for _, err := range rel.Errs {
		warn(e, err)
	}
	warnCuts(e, dir, slices.Concat(dir.Cuts, rel.Cuts))
	view := leadView{
		lead: lead, dir: dir, related: rel,
		webURL: client.LeadWebURL(lead.ID), now: time.Now(),
		zones: zonesFor(req.zone, dir.Account, leadTimes(lead)),
	}
	out := view.render()
	if storyLoaded != nil {
		out += renderFeed(ctx, e, client, view, <-storyLoaded, req.feedLimit)
	}
	if _, err := e.Stdout.Write([]byte(out)); err != nil {
		return fail(e, ExitFailure, "writing output: %v", err)
	}
	awaitRevalidation(ctx, revalidated)
	return ExitOK
}

// startDirectory hands over the cached directory at once, or starts
// fetching it. A stale cache is handed over too, and revalidated in the
// background; revalidated is closed when that is over (nil when none runs).
func startDirectory(ctx context.Context, src *cache.Source, refresh bool, background *sync.WaitGroup) (<-chan directoryResult, <-chan struct{}) {
	directory := make(chan directoryResult, 1)
	snap, cached := cache.Snapshot{}, false
	if !refresh {
		snap, cached = src.Cached()
	}
	if !cached {
		background.Go(func() {
			snap, err := src.Refresh(ctx)
			directory <- directoryResult{snap, err}
		})
		return directory, nil
	}
	directory <- directoryResult{snap: snap}
	if !src.Stale(snap) {
		return directory, nil
	}
	revalidated := make(chan struct{})
	background.Go(func() {
		defer close(revalidated)
		_, _ = src.Revalidate(ctx) // a failure leaves the cache stale for the next run
	})
	return directory, revalidated
}

// resolveDirectory completes the directory with what the lead names and
// it lacks (a new stage, a new list); without one, names show as IDs.
func resolveDirectory(ctx context.Context, e *Env, src *cache.Source, got directoryResult, lead *api.Lead) *api.Directory {
	if got.err != nil {
		// The lead itself arrived: show it with bare IDs rather than nothing.
		warn(e, fmt.Errorf("names not resolved: %w", got.err))
		return &api.Directory{}
	}
	done, err := src.Complete(ctx, got.snap, lead)
	if err != nil {
		warn(e, fmt.Errorf("some names not resolved: %w", err))
	}
	return done.Dir
}

// awaitRevalidation lets a background revalidation finish, its output
// already written, for at most revalidationGrace.
func awaitRevalidation(ctx context.Context, revalidated <-chan struct{}) {
	if revalidated == nil {
		return
	}
	t := time.NewTimer(revalidationGrace)
	defer t.Stop()
	select {
	case <-revalidated:
	case <-t.C:
	case <-ctx.Done():
	}
}
