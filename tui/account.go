package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// The account data (pipelines and stages, users, lists, the account's zone
// and currency) turns IDs into names. It comes from the account cache at
// once when there is one; the cache is revalidated once a session, in the
// background and only when the screen is idle, so it never delays what
// the user waits for.

// directoryReason says why account data was asked for.
type directoryReason int

const (
	dirStart      directoryReason = iota // nothing cached: the names are awaited
	dirRevalidate                        // the cache's copy, checked in the background
	dirComplete                          // a lead named something the copy lacks
	dirRefresh                           // the user asked
)

type directoryMsg struct {
	snap   cache.Snapshot
	err    error
	reason directoryReason
}

func loadDirectory(ctx context.Context, src *cache.Source, reason directoryReason, lead *api.Lead, snap cache.Snapshot) tea.Cmd {
	return func() tea.Msg {
		var (
			got cache.Snapshot
			err error
		)
		switch reason {
		case dirRevalidate:
			got, err = src.Revalidate(ctx)
		case dirComplete:
			got, err = src.Complete(ctx, snap, lead)
		case dirRefresh:
			got, err = src.Refresh(ctx)
		default:
			// A prefetch: the lead and its parts, which the user waits
			// for, go first; the names fill in as the limit allows.
			got, err = src.Load(api.WithPriority(ctx, api.Background))
		}
		return directoryMsg{snap: got, err: err, reason: reason}
	}
}

// startDirectory uses the cached account data when there is some (no
// request) and loads it otherwise.
func (m *Model) startDirectory() tea.Cmd {
	if snap, ok := m.dirSource.Cached(); ok {
		m.useDirectory(snap)
		m.revalidateWhenIdle = true
		return nil
	}
	m.dirLoading = true
	return loadDirectory(m.c.Lifetime, m.dirSource, dirStart, nil, cache.Snapshot{})
}

// maybeRevalidate starts the session's one background check of the cached
// account data once nothing the user waits for is loading.
func (m *Model) maybeRevalidate() tea.Cmd {
	if !m.revalidateWhenIdle || m.loading() {
		return nil
	}
	m.revalidateWhenIdle = false
	return loadDirectory(m.c.Lifetime, m.dirSource, dirRevalidate, nil, cache.Snapshot{})
}

// completeDirectory refreshes the parts of the account data that lead
// names and the data lacks (a new stage, a new list); nothing if it lacks none.
func (m *Model) completeDirectory(lead *api.Lead) tea.Cmd {
	if m.snap.Dir == nil || m.snap.Dir.Knows(lead) || m.dirLoading {
		return nil
	}
	m.dirLoading = true
	return loadDirectory(m.c.Lifetime, m.dirSource, dirComplete, lead, m.snap)
}

// refreshDirectory fetches every part of the account data again.
func (m *Model) refreshDirectory() tea.Cmd {
	m.dirLoading = true
	m.revalidateWhenIdle = false
	return tea.Batch(loadDirectory(m.c.Lifetime, m.dirSource, dirRefresh, nil, cache.Snapshot{}),
		m.say(common.StatusInfo, "Refreshing the account data…"))
}

// retryDirectory loads the account data again after it failed at start;
// a new lookup is a good time to.
func (m *Model) retryDirectory() tea.Cmd {
	if m.c.NamesVersion > 0 || m.dirLoading {
		return nil
	}
	m.dirLoading = true
	return loadDirectory(m.c.Lifetime, m.dirSource, dirStart, nil, cache.Snapshot{})
}

func (m *Model) onDirectory(msg directoryMsg) tea.Cmd {
	m.dirLoading = false
	if msg.err != nil {
		if msg.reason == dirRevalidate {
			return nil // the cached copy stays; the next session tries again
		}
		told := m.tellAccount(msg.err)
		if m.status.Kind == common.StatusError {
			return told // a lead error says more than the directory's
		}
		return tea.Batch(told, m.say(common.StatusError, "Could not load the account: "+common.ErrorText(msg.err)))
	}
	m.useDirectory(msg.snap)
	told := m.tellAccount(nil)
	if cuts := msg.snap.Dir.Cuts; len(cuts) > 0 {
		notes := make([]string, len(cuts))
		for i, cut := range cuts {
			notes[i] = sanitize.Line(cut.Note(""))
		}
		return tea.Batch(told, m.say(common.StatusWarn, "Account data cut short: "+strings.Join(notes, "; ")))
	}
	if msg.reason == dirRefresh {
		return tea.Batch(told, m.say(common.StatusInfo, "Account data refreshed"))
	}
	return told
}

// tellAccount lets the page on screen know the account data answered; a
// page not on screen finds Names filled when it next comes back.
func (m *Model) tellAccount(err error) tea.Cmd {
	p := m.hist.current()
	if p == nil {
		return nil
	}
	return p.Update(common.AccountMsg{Err: err})
}

// useDirectory makes snap the names every page draws with.
func (m *Model) useDirectory(snap cache.Snapshot) {
	if snap.Dir == nil {
		return
	}
	m.snap = snap
	m.c.Names = common.NewNames(snap.Dir)
	m.c.NamesVersion++
	m.c.Zone = zoneFor(m.opts.Location, snap.Dir.Account)
}

// refreshAccountKey refreshes the account data (R): pipelines, users and
// lists changed in Kommo show at once, without waiting for the cache to age.
var refreshAccountKey = key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "refresh account data"))

// zoneFor decides the zones times are shown in: calendar dates always in
// the account's zone (Kommo stores them as midnight there), timestamps in
// fixed when the user chose one, else in the account's zone as Kommo's web
// card does. Until the account is known, the machine's zone stands in.
func zoneFor(fixed *time.Location, account *api.Account) common.Zone {
	accountZone, known := account.Location()
	times := fixed
	if times == nil {
		times = time.Local
		if known {
			times = accountZone
		}
	}
	dates := times
	if known {
		dates = accountZone
	}
	z := common.Zone{Times: times, Dates: dates}
	if !sameZone(times, time.Local) {
		z.Label = times.String()
	}
	return z
}

// sameZone compares zones by what they do to the current time: two names
// for one zone (Local and Europe/Berlin on a Berlin machine) are the same.
func sameZone(a, b *time.Location) bool {
	if a == b || a.String() == b.String() {
		return true
	}
	now := time.Now()
	_, offA := now.In(a).Zone()
	_, offB := now.In(b).Zone()
	_, janA := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, a).Zone()
	_, janB := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, b).Zone()
	return offA == offB && janA == janB
}
