package common

import (
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Width is how many columns s (which may hold styles) takes on screen,
// counted so a line never runs wider than measured: lipgloss counts a
// grapheme cluster by its first code point, which makes Devanagari's
// spacing vowel signs free, while tmux and most terminals give each one a
// column ("कार्यालय फर्नीचर" is 11 columns by the first count, 15 in
// tmux). The larger of the two counts is taken.
func Width(s string) int {
	w := ansi.StringWidth(s)
	if isASCII(s) {
		return w
	}
	return max(w, uniseg.StringWidth(ansi.Strip(s)))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
