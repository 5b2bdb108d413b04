package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// StatusKind says how a status message looks and how long it stays.
type StatusKind int

const (
	StatusNone  StatusKind = iota
	StatusInfo             // fades after a while
	StatusWarn             // stays until something else happens
	StatusError            // stays until something else happens
)

// Status is one message for the status line. Seq orders messages across
// the root and every page, so the newest one wins the line.
type Status struct {
	Kind StatusKind
	Text string
	Seq  uint64
}

// StatusLine is a page's (or the root's) current status message.
type StatusLine struct {
	Status
}

// FadeMsg ends an info message after its time, unless a newer one replaced it.
type FadeMsg struct {
	Page PageID
	Seq  uint64
}

// ForPage routes the fade to the page that said the message.
func (m FadeMsg) ForPage() PageID { return m.Page }

// Set replaces the message; an info message fades after c.Fade (never
// when Fade is 0), through the returned command.
func (s *StatusLine) Set(c *Context, page PageID, kind StatusKind, text string) tea.Cmd {
	s.Status = Status{Kind: kind, Text: text, Seq: c.NextSeq()}
	if kind != StatusInfo || c.Fade <= 0 {
		return nil
	}
	msg := FadeMsg{Page: page, Seq: s.Seq}
	return tea.Tick(c.Fade, func(time.Time) tea.Msg { return msg })
}

// Clear empties the line (a newer message from elsewhere may show instead).
func (s *StatusLine) Clear(c *Context) {
	s.Status = Status{Seq: c.NextSeq()}
}

// Faded clears the line if msg is for the message it still holds.
func (s *StatusLine) Faded(msg FadeMsg) {
	if msg.Seq == s.Seq {
		s.Kind, s.Text = StatusNone, ""
	}
}
