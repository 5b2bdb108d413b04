package common

import (
	"strings"

	"github.com/leadscope/leadscope/theme"
)

// TabLabel draws one tab's title in a tab bar: the active one highlighted;
// without colour it is bracketed and the others padded to match, so the
// highlight is not lost.
func TabLabel(st theme.Styles, label string, active bool) string {
	switch {
	case active && st.Plain:
		return "[" + label + "]"
	case active:
		return st.TabActive.Render(label)
	case st.Plain:
		return " " + label + " "
	}
	return st.TabInactive.Render(label)
}

// TabBar draws the labels in a row, the one at active highlighted.
func TabBar(st theme.Styles, labels []string, active int) string {
	parts := make([]string, len(labels))
	for i, label := range labels {
		parts[i] = TabLabel(st, label, i == active)
	}
	return strings.Join(parts, " ")
}
