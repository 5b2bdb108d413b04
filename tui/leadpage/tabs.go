package leadpage

import (
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
)

// tabKind names the lead's tabs in the order the tab key visits them.
type tabKind int

const (
	tabFields tabKind = iota
	tabTags
	tabContacts
	tabCompanies
	tabCatalog
	tabFeed
	tabTasks
	tabJSON
	tabCount
)

var tabTitles = [tabCount]string{"Fields", "Tags", "Contacts", "Companies", "Catalog", "Feed", "Tasks", "JSON"}

// tabShortTitles keep the bar on one line in narrow terminals.
var tabShortTitles = [tabCount]string{"Fld", "Tags", "Cont", "Comp", "Cat", "Feed", "Task", "JSON"}

// tabItems counts what a tab holds, from the lead's own references so the
// number is right before the names arrive; -1 means no count (JSON).
func tabItems(d *Data, t tabKind) int {
	if d == nil || d.Lead == nil {
		return 0
	}
	l := d.Lead
	switch t {
	case tabFields:
		return len(l.CustomFields)
	case tabTags:
		return len(l.Embedded.Tags)
	case tabContacts:
		return len(l.Embedded.Contacts)
	case tabCompanies:
		return len(l.Embedded.Companies)
	case tabCatalog:
		return len(l.Embedded.CatalogElements)
	case tabFeed, tabTasks:
		return storyTabItems(d, t)
	}
	return -1
}

// tabLoading reports whether a tab's names are still on their way.
func tabLoading(d *Data, t tabKind) bool {
	if d == nil {
		return false
	}
	switch t {
	case tabContacts:
		return d.contacts.state == partPending
	case tabCompanies:
		return d.companies.state == partPending
	case tabCatalog:
		for _, p := range d.catalogs {
			if p.state == partPending {
				return true
			}
		}
	case tabFeed, tabTasks:
		return storyTabLoading(d, t)
	}
	return false
}

// renderTabBar draws the tabs with their counts, the active one highlighted
// (and bracketed when there is no colour). It falls back to short titles,
// then to counting only the active tab, then to truncation, so it never
// exceeds width.
func renderTabBar(c *common.Context, d *Data, active tabKind, width int) string {
	for _, titles := range [][tabCount]string{tabTitles, tabShortTitles} {
		bar := tabBar(c, d, active, titles, true)
		if lipgloss.Width(bar) <= width {
			return bar
		}
	}
	return common.Truncate(tabBar(c, d, active, tabShortTitles, false), width)
}

func tabBar(c *common.Context, d *Data, active tabKind, titles [tabCount]string, counts bool) string {
	labels := make([]string, 0, tabCount)
	for t := tabKind(0); t < tabCount; t++ {
		label := titles[t]
		if n := tabItems(d, t); n >= 0 && (counts || t == active) {
			label += " " + strconv.Itoa(n)
			if tabMore(d, t) {
				label += "+"
			}
		}
		if tabLoading(d, t) {
			label += "…"
		}
		labels = append(labels, label)
	}
	return common.TabBar(c.Styles, labels, int(active))
}
