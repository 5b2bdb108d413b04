package tuitest

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// namedKeys are the keys a test names rather than types.
var namedKeys = map[string]tea.KeyType{
	"enter":     tea.KeyEnter,
	"esc":       tea.KeyEsc,
	"tab":       tea.KeyTab,
	"shift+tab": tea.KeyShiftTab,
	"up":        tea.KeyUp,
	"down":      tea.KeyDown,
	"left":      tea.KeyLeft,
	"right":     tea.KeyRight,
	"pgup":      tea.KeyPgUp,
	"pgdown":    tea.KeyPgDown,
	"home":      tea.KeyHome,
	"end":       tea.KeyEnd,
	"backspace": tea.KeyBackspace,
	"ctrl+c":    tea.KeyCtrlC,
}

// Key is the key press s names: a named key ("enter", "pgdown"), alt with
// runes ("alt+3"), or else the runes of s as typed.
func Key(s string) tea.KeyMsg {
	if k, ok := namedKeys[s]; ok {
		return tea.KeyMsg{Type: k}
	}
	if rest, ok := strings.CutPrefix(s, "alt+"); ok {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(rest), Alt: true}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}
