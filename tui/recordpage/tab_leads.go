package recordpage

import (
	"strings"

	"github.com/leadscope/leadscope/tui/common"
)

// leadsHead is what the Leads tab says above its table: what is loading or
// failed, and how much of a long list is shown.
func leadsHead(c *common.Context, d *Data, width int) []string {
	st := c.Styles
	total := len(d.rec.leadIDs)
	l := &d.leads
	var out []string
	switch {
	case l.state == partPending && l.asked == 0:
		out = append(out, partStatus(c, partPending, nil, count(total)+" leads", width)...)
	case l.state == partPending:
		out = append(out, partStatus(c, partPending, nil, "more leads", width)...)
	case l.state == partFailed:
		out = append(out, partStatus(c, partFailed, l.err, "leads", width)...)
	}
	var note string
	switch {
	case l.asked == 0:
	case l.asked < limit(total):
		note = "Showing the newest " + count(l.asked) + " of " + count(total) + " leads; more load as the cursor nears the end."
	case l.asked < total:
		note = "Showing the newest " + count(l.asked) + " of " + count(total) + " leads, the most a page loads; o opens all in Kommo."
	}
	if missing := d.notReturned(); missing > 0 {
		note += " " + count(missing) + " not returned by Kommo (deleted or no access)."
	}
	if note != "" {
		out = append(out, common.StyleLines(common.Wrap(strings.TrimSpace(note), width), st.Muted)...)
	}
	return out
}

// noLeads is the Leads tab of a record without any.
func noLeads(c *common.Context, d *Data, width int) []string {
	return common.WrappedLines(c.Styles.Muted, "No leads are linked to this "+noun(d.rec.kind)+".", width)
}
