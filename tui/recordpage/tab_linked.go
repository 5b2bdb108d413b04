package recordpage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// linkedTab lists a contact's companies or a company's contacts, each
// openable, with their phones and e-mails.
func linkedTab(c *common.Context, d *Data, width int) tabContent {
	r := d.rec
	what := linkedNoun(r.kind)
	if len(r.linkedIDs) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "No "+what+" are linked to this "+noun(r.kind)+".", width)}
	}
	head := partStatus(c, d.linked.state, d.linked.err, what, width)
	if n := len(r.linkedIDs); n > maxLinked {
		note := "Showing the first " + count(maxLinked) + " of " + count(n) + " " + what + "."
		head = append(head, common.CutLines(c, note, width)...)
	}
	entries := d.linked.items
	if d.linked.state != partLoaded {
		// Until the names arrive, the IDs can already be opened.
		ids := d.linkedIDs()
		entries = make([]linkedEntry, len(ids))
		for i, id := range ids {
			entries[i] = linkedEntry{id: id}
		}
	}
	return tabContent{head: head, body: linkedItems{c: c, kind: linkedKind(r.kind), entries: entries, state: d.linked.state}}
}

type linkedItems struct {
	c       *common.Context
	kind    common.TargetKind
	entries []linkedEntry
	state   partState
}

func (l linkedItems) Len() int { return len(l.entries) }

func (l linkedItems) Target(i int) (common.Target, bool) {
	return common.Target{Kind: l.kind, ID: l.entries[i].id}, true
}

// Render draws an entry as its name and ID, then its phones and e-mails on
// a second line when it has any.
func (l linkedItems) Render(i, width int, selected bool) []string {
	st := l.c.Styles
	e := l.entries[i]
	inner := max(1, width-2)
	id := st.LeadID.Render("#" + strconv.FormatInt(e.id, 10))
	name := strings.TrimSpace(sanitize.Line(e.name))
	var head string
	switch {
	case e.missing:
		head = id + "  " + st.Faint.Render("not returned by Kommo (deleted or no access)")
	case name == "" && l.state != partLoaded:
		head = id + "  " + st.Faint.Render(l.pendingNote())
	case name == "":
		head = st.Heading.Render("(unnamed)") + "  " + id
	default:
		head = st.Heading.Render(name) + "  " + id
	}
	out := []string{common.SelectionMark(l.c, selected, true) + common.Truncate(head, inner)}
	if details := contactDetails(e); details != "" {
		out = append(out, common.SelectionMark(l.c, selected, false)+"  "+st.Muted.Render(common.Truncate(details, max(1, inner-2))))
	}
	return out
}

func (l linkedItems) pendingNote() string {
	switch l.state {
	case partPending:
		return "loading…"
	case partFailed:
		return "could not be loaded"
	}
	return ""
}

// contactDetails joins phones and e-mails on one line.
func contactDetails(e linkedEntry) string {
	parts := make([]string, 0, len(e.phones)+len(e.emails))
	for _, list := range [][]string{e.phones, e.emails} {
		for _, s := range list {
			if s = strings.TrimSpace(sanitize.Line(s)); s != "" {
				parts = append(parts, s)
			}
		}
	}
	return strings.Join(parts, " · ")
}
