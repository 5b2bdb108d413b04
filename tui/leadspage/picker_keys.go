package leadspage

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pickerKeys are the keys while the filter picker is open; it takes every
// key, so letters do not reach the find box.
type pickerKeys struct {
	Up, Down, Prev, Next, Apply, Clear, Cancel key.Binding
}

func newPickerKeys() pickerKeys {
	return pickerKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k", "shift+tab"), key.WithHelp("↑", "previous row")),
		Down:   key.NewBinding(key.WithKeys("down", "j", "tab"), key.WithHelp("↓", "next row")),
		Prev:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "previous choice")),
		Next:   key.NewBinding(key.WithKeys("right", "l", " "), key.WithHelp("→", "next choice")),
		Apply:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Clear:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "any")),
		Cancel: key.NewBinding(key.WithKeys("esc", "f", "q"), key.WithHelp("esc", "cancel")),
	}
}

func (k pickerKeys) short() []key.Binding {
	return []key.Binding{k.Apply, k.Cancel, k.Next, k.Down, k.Clear}
}

func (k pickerKeys) full() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Prev, k.Next, k.Apply, k.Clear, k.Cancel}}
}

// onPickerKey edits the picker; enter applies, esc leaves it as it was.
func (p *Page) onPickerKey(msg tea.KeyMsg) tea.Cmd {
	pk := p.picker
	k := &pk.keys
	switch {
	case key.Matches(msg, k.Up):
		pk.focus = (pk.focus + pickRowCount - 1) % pickRowCount
	case key.Matches(msg, k.Down):
		pk.focus = (pk.focus + 1) % pickRowCount
	case key.Matches(msg, k.Prev):
		pk.move(-1)
	case key.Matches(msg, k.Next):
		pk.move(1)
	case key.Matches(msg, k.Clear):
		pk.clear()
	case key.Matches(msg, k.Cancel):
		p.picker = nil
	case key.Matches(msg, k.Apply):
		p.applyPicker()
		return p.ensure()
	}
	return nil
}
