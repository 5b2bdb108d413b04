// Package common is what the lead browser's pages and components share:
// the context (client, account names, styles, clock, time zone), the page
// contract and navigation messages, and the text, colour and formatting
// helpers every page draws with. It knows no page.
package common

import (
	"context"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
)

// Context is held once by the root model and shared by pointer with every
// page, in the spirit of gh-dash's program context: pages read it, only the
// root changes it.
type Context struct {
	Client *api.Client
	Styles theme.Styles
	Now    func() time.Time
	Demo   bool
	Mouse  bool

	// Names resolves IDs into names; it is replaced (never mutated) when
	// account data arrives, and NamesVersion counts the replacements so
	// pages know when what they drew is stale.
	Names        *Names
	NamesVersion int

	Zone Zone

	// Lifetime ends when the program does; every fetch derives from it.
	Lifetime context.Context

	// Fade is how long info messages stay; 0 keeps them until replaced.
	Fade time.Duration
	// Debounce is how long the find box's text must rest before a page
	// searches for it; 0 searches on every change (tests).
	Debounce time.Duration

	seq uint64
}

// Zone is how times are shown.
type Zone struct {
	// Times are timestamps (created, updated, tasks): the account's zone by
	// default, or the one the user chose.
	Times *time.Location
	// Dates are calendar dates (date and birthday fields), which Kommo
	// stores as midnight in the account's zone: always shown there.
	Dates *time.Location
	// Label names Times when it differs from the machine's zone, "" otherwise.
	Label string
}

// Loc is the zone timestamps are shown in (never nil).
func (c *Context) Loc() *time.Location {
	if c.Zone.Times == nil {
		return time.Local
	}
	return c.Zone.Times
}

// DateLoc is the zone calendar dates are shown in (never nil).
func (c *Context) DateLoc() *time.Location {
	if c.Zone.Dates == nil {
		return c.Loc()
	}
	return c.Zone.Dates
}

// Currency is the account's currency, "" until known.
func (c *Context) Currency() string { return c.Names.Currency() }

// NextSeq numbers status messages (and anything else that must be ordered
// across pages); it is only called from Update.
func (c *Context) NextSeq() uint64 {
	c.seq++
	return c.seq
}
