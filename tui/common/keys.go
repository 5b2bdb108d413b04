package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// ScrollKeys move through a page's content; every page that scrolls uses
// the same keys.
type ScrollKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// NewScrollKeys returns the scroll bindings, enabled.
func NewScrollKeys() ScrollKeys {
	return ScrollKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "bottom")),
	}
}

// All lists the bindings for help.
func (k *ScrollKeys) All() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// SetEnabled turns every scroll binding on or off.
func (k *ScrollKeys) SetEnabled(on bool) {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(on)
	}
}

// Scroller is what ScrollKeys drive.
type Scroller interface {
	LineUp(n int)
	LineDown(n int)
	PageUp()
	PageDown()
	Top()
	Bottom()
}

// HandleScroll applies a scroll key to s; false when msg is none of them.
func (k *ScrollKeys) HandleScroll(msg tea.KeyMsg, s Scroller) bool {
	switch {
	case key.Matches(msg, k.Up):
		s.LineUp(1)
	case key.Matches(msg, k.Down):
		s.LineDown(1)
	case key.Matches(msg, k.PageUp):
		s.PageUp()
	case key.Matches(msg, k.PageDown):
		s.PageDown()
	case key.Matches(msg, k.Top):
		s.Top()
	case key.Matches(msg, k.Bottom):
		s.Bottom()
	default:
		return false
	}
	return true
}
