package recordpage

import (
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
)

// tabKind names a contact's or company's tabs in the order tab visits them.
type tabKind int

const (
	tabLeads tabKind = iota
	tabFields
	tabLinked // a contact's companies, a company's contacts
	tabTags
	tabJSON
	tabCount
)

func tabTitles(kind common.TargetKind) [tabCount]string {
	linked := "Companies"
	if kind == common.TargetCompany {
		linked = "Contacts"
	}
	return [tabCount]string{"Leads", "Fields", linked, "Tags", "JSON"}
}

// tabShortTitles keep the bar on one line in narrow terminals.
func tabShortTitles(kind common.TargetKind) [tabCount]string {
	linked := "Comp"
	if kind == common.TargetCompany {
		linked = "Cont"
	}
	return [tabCount]string{"Leads", "Fld", linked, "Tags", "JSON"}
}

// tabItems counts what a tab holds, from the record's own references so
// the number is right before anything is resolved; -1 means no count.
func tabItems(d *Data, t tabKind) int {
	r := d.rec
	switch t {
	case tabLeads:
		return len(r.leadIDs)
	case tabFields:
		return len(r.fields)
	case tabLinked:
		return len(r.linkedIDs)
	case tabTags:
		return len(r.tags)
	}
	return -1
}

func tabLoading(d *Data, t tabKind) bool {
	switch t {
	case tabLeads:
		return d.leads.state == partPending
	case tabLinked:
		return d.linked.state == partPending
	}
	return false
}

// renderTabBar draws the tabs with their counts as the lead page does: the
// active one highlighted, bracketed without colour, short titles (then
// truncation) when the width is short.
func renderTabBar(c *common.Context, d *Data, active tabKind, width int) string {
	for _, titles := range [][tabCount]string{tabTitles(d.rec.kind), tabShortTitles(d.rec.kind)} {
		if bar := tabBar(c, d, active, titles); lipgloss.Width(bar) <= width {
			return bar
		}
	}
	return common.Truncate(tabBar(c, d, active, tabShortTitles(d.rec.kind)), width)
}

func tabBar(c *common.Context, d *Data, active tabKind, titles [tabCount]string) string {
	labels := make([]string, 0, tabCount)
	for t := range tabCount {
		label := titles[t]
		if n := tabItems(d, t); n >= 0 {
			label += " " + strconv.Itoa(n)
		}
		if tabLoading(d, t) {
			label += "…"
		}
		labels = append(labels, label)
	}
	return common.TabBar(c.Styles, labels, int(active))
}

// partStatus is what a tab whose data is loading or failed says above its
// content.
func partStatus(c *common.Context, state partState, err error, what string, width int) []string {
	switch state {
	case partPending:
		return common.LoadingLines(c, what, width)
	case partFailed:
		return common.LoadFailedLines(c, what, err, width)
	}
	return nil
}

// count writes n with its thousands grouped: "3,000".
func count(n int) string { return common.Money(float64(n), "") }
