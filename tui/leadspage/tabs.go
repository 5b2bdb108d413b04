package leadspage

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// tabLabel is a view's tab: its name and, once rows are in, how many
// ("120+" while more exist).
func tabLabel(v *view, withCount bool) string {
	label := strings.TrimSpace(sanitize.Line(v.def.Name))
	if !withCount || v.list.loaded == 0 {
		return label
	}
	n := common.Money(float64(v.table.Len()), "")
	if v.list.hasNext {
		n += "+"
	}
	return label + " " + n
}

// renderTabs draws the views as tabs, the active one highlighted (and
// bracketed without colour). When they do not fit, counts go first, then
// the tabs far from the active one, which ‹ and › stand for.
func renderTabs(c *common.Context, vs []*view, active, width int) string {
	for _, counts := range []bool{true, false} {
		parts := tabParts(c, vs, active, counts)
		if bar := strings.Join(parts, " "); lipgloss.Width(bar) <= width {
			return bar
		}
	}
	parts := tabParts(c, vs, active, false)
	lo, hi := active, active
	used := lipgloss.Width(parts[active])
	const markers = 4 // "‹ " and " ›"
	for grew := true; grew; {
		grew = false
		if hi+1 < len(parts) && used+1+lipgloss.Width(parts[hi+1])+markers <= width {
			hi++
			used += 1 + lipgloss.Width(parts[hi])
			grew = true
		}
		if lo > 0 && used+1+lipgloss.Width(parts[lo-1])+markers <= width {
			lo--
			used += 1 + lipgloss.Width(parts[lo])
			grew = true
		}
	}
	bar := strings.Join(parts[lo:hi+1], " ")
	st := c.Styles
	if lo > 0 {
		bar = st.Muted.Render("‹ ") + bar
	}
	if hi < len(parts)-1 {
		bar += st.Muted.Render(" ›")
	}
	return common.Truncate(bar, width)
}

func tabParts(c *common.Context, vs []*view, active int, counts bool) []string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = common.TabLabel(c.Styles, tabLabel(v, counts), i == active)
	}
	return parts
}
