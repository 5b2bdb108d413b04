package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// tmux 3.3 puts the cursor 27 columns on after printing the Devanagari
// name below; lipgloss counts 18. Lines measured by Width never run over.
func TestWidthCountsWhatTerminalsDraw(t *testing.T) {
	devanagari := "कार्यालय फर्नीचर — शर्मा ट्रेडर्स"
	for _, tc := range []struct {
		text string
		want int
	}{
		{"plain", 5}, {"東京🎉", 6}, {"Ольга", 5}, {"e\u0301", 1}, {devanagari, 27},
		{lipgloss.NewStyle().Bold(true).Render("bold"), 4},
	} {
		if got := Width(tc.text); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
	for width := 1; width <= 30; width++ {
		cut := Truncate(devanagari, width)
		if Width(cut) > width {
			t.Errorf("Truncate to %d gave %q, %d wide", width, cut, Width(cut))
		}
		if width >= 20 && !strings.HasPrefix(cut, "कार्यालय") {
			t.Errorf("Truncate to %d lost the start: %q", width, cut)
		}
		if got := Width(Fit(devanagari, width)); got != width {
			t.Errorf("Fit to %d is %d wide", width, got)
		}
	}
}
