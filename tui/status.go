package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// statusKind says how a status message should look and how long it stays.
type statusKind int

const (
	statusNone statusKind = iota
	statusLoading
	statusInfo // fades after a few seconds
	statusWarn
	statusError // stays until something else happens
)

type status struct {
	kind statusKind
	text string
	seq  int // identifies the message so a fade timer cannot clear a newer one
}

type statusFadeMsg struct{ seq int }

const statusFadeAfter = 4 * time.Second

// set replaces the status; info messages get a timer that clears them
// after fade (none when fade is 0).
func (s *status) set(kind statusKind, text string, fade time.Duration) tea.Cmd {
	s.seq++
	s.kind, s.text = kind, text
	if kind != statusInfo || fade <= 0 {
		return nil
	}
	seq := s.seq
	return tea.Tick(fade, func(time.Time) tea.Msg { return statusFadeMsg{seq: seq} })
}

func (s *status) clear() {
	s.seq++
	s.kind, s.text = statusNone, ""
}

// say sets the status line.
func (m *Model) say(kind statusKind, text string) tea.Cmd {
	return m.status.set(kind, text, m.fade)
}
