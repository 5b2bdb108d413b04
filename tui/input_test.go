package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
)

// bubbles v1.0.0's own delete-word-forward panics on "12", left, alt+d
// (bubbles#1056); the box's replacement deletes the word instead.
func TestDeleteWordForwardNeverPanics(t *testing.T) {
	cases := []struct {
		text string
		left int
		key  tea.KeyMsg
		want string
	}{
		{"12", 1, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, "1"},
		{"12", 2, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, ""},
		{"12", 0, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, "12"},
		{"ab  cd ef", 7, tea.KeyMsg{Type: tea.KeyDelete, Alt: true}, "ab ef"},
		{"", 0, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, ""},
		{"東京 大阪", 3, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, "東京"},
	}
	for _, c := range cases {
		in := newFindInput(theme.New(plainRenderer()))
		in.focus()
		in.setValue(c.text)
		for range c.left {
			in.update(tea.KeyMsg{Type: tea.KeyLeft}, api.ParseLeadRef)
		}
		in.update(c.key, api.ParseLeadRef)
		if got := in.value(); got != c.want {
			t.Errorf("%q, %d left, %s: %q, want %q", c.text, c.left, c.key, got, c.want)
		}
	}
}
