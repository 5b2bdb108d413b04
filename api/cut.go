package api

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrTruncated is the kind of a *Cut: a fetch stopped at one of the bounds
// (see LookupMaxBytes) and returned what had arrived.
var ErrTruncated = errors.New("cut short")

// Cut says that a fetch stopped at a bound. It is returned as the error
// together with the entities that arrived, which callers should show:
//
//	elems, err := c.CatalogElements(ctx, id, ids)
//	var cut *api.Cut
//	if errors.As(err, &cut) { show(elems); warn(cut.Note(listName)) }
type Cut struct {
	What      string // what was fetched, plural: "users", "contacts", "elements", "lists" ...
	CatalogID int64  // for elements: the list they belong to
	Kept      int    // how many arrived and are returned
	Asked     int    // how many were asked for by ID; 0 when a whole list was read
	Bound     string // the limit reached: "32 MiB", "40-page", "8-page"
}

// Error is the note without a list name.
func (c *Cut) Error() string { return c.Note("") }

// Unwrap makes errors.Is(err, ErrTruncated) hold.
func (c *Cut) Unwrap() error { return ErrTruncated }

// Note says what was cut in one line, naming the list listName when
// given (callers sanitize it, like every text from the server), e.g.
// `list "Products": 120 of 250 elements shown, the rest exceeded the 32 MiB limit`
// or `users: the first 1000 shown, the rest exceeded the 32 MiB limit`.
func (c *Cut) Note(listName string) string {
	const rest = ", the rest exceeded the %s limit"
	switch {
	case c.CatalogID > 0:
		subject := "list " + strconv.FormatInt(c.CatalogID, 10)
		if listName != "" {
			subject = "list " + strconv.Quote(listName)
		}
		return fmt.Sprintf("%s: %d of %d %s shown"+rest, subject, c.Kept, c.Asked, c.What, c.Bound)
	case c.Asked == 0:
		return fmt.Sprintf("%s: the first %d shown"+rest, c.What, c.Kept, c.Bound)
	case c.What == "lists" && c.Kept == 0:
		return fmt.Sprintf("%d lists not loaded, the lookup reached its %s limit", c.Asked, c.Bound)
	}
	return fmt.Sprintf("%s: %d of %d shown"+rest, c.What, c.Kept, c.Asked, c.Bound)
}
