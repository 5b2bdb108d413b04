package tui

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

type directoryMsg struct {
	dir *api.Directory
	err error
}

func loadDirectory(ctx context.Context, c *api.Client) tea.Cmd {
	return func() tea.Msg {
		d, err := c.LoadDirectory(ctx)
		return directoryMsg{dir: d, err: err}
	}
}

// retryDirectory loads the account data again after it failed at start;
// a new lookup is a good time to.
func (m *Model) retryDirectory() tea.Cmd {
	if m.c.NamesVersion > 0 || m.dirLoading {
		return nil
	}
	m.dirLoading = true
	return loadDirectory(m.c.Lifetime, m.c.Client)
}

func (m *Model) onDirectory(msg directoryMsg) tea.Cmd {
	m.dirLoading = false
	if msg.err != nil {
		if m.status.Kind == common.StatusError {
			return nil // a lead error says more than the directory's
		}
		return m.say(common.StatusError, "Could not load the account: "+common.ErrorText(msg.err))
	}
	m.c.Names = common.NewNames(msg.dir)
	m.c.NamesVersion++
	m.c.Zone = zoneFor(m.opts.Location, msg.dir.Account)
	if len(msg.dir.Cuts) > 0 {
		notes := make([]string, len(msg.dir.Cuts))
		for i, cut := range msg.dir.Cuts {
			notes[i] = sanitize.Line(cut.Note(""))
		}
		return m.say(common.StatusWarn, "Account data cut short: "+strings.Join(notes, "; "))
	}
	return nil
}

// zoneFor decides the zones times are shown in: calendar dates always in
// the account's zone (Kommo stores them as midnight there), timestamps in
// fixed when the user chose one, else in the account's zone as Kommo's web
// card does. Until the account is known, the machine's zone stands in.
func zoneFor(fixed *time.Location, account *api.Account) common.Zone {
	accountZone, known := accountLocation(account)
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

// accountLocation is the account's own zone.
func accountLocation(a *api.Account) (*time.Location, bool) { return a.Location() }

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
