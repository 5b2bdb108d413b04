package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// TabKeys move between a page's tabs: tab (→, l) to the next, shift+tab
// (←, h) to the previous, alt+1… straight to one, as digits alone go to
// the find box. The lead page and the record pages share them.
type TabKeys struct {
	NextTab key.Binding
	PrevTab key.Binding
	GotoTab key.Binding
}

// NewTabKeys returns the keys of count tabs (at most 9); with one tab
// there is nothing to move to and they are off.
func NewTabKeys(count int) TabKeys {
	gotoKeys := make([]string, 0, count)
	for i := range count {
		gotoKeys = append(gotoKeys, "alt+"+string(rune('1'+i)))
	}
	k := TabKeys{
		NextTab: key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next tab")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "prev tab")),
		GotoTab: key.NewBinding(key.WithKeys(gotoKeys...), key.WithHelp("alt+1…"+string(rune('0'+count)), "go to tab")),
	}
	if count <= 1 {
		k.SetEnabled(false)
	}
	return k
}

// SetEnabled turns the tab keys on or off.
func (k *TabKeys) SetEnabled(on bool) {
	k.NextTab.SetEnabled(on)
	k.PrevTab.SetEnabled(on)
	k.GotoTab.SetEnabled(on)
}

// SwitchTab is the tab msg moves to from active, of count tabs, and
// whether msg was a tab key at all.
func (k *TabKeys) SwitchTab(msg tea.KeyMsg, active, count int) (int, bool) {
	switch {
	case key.Matches(msg, k.NextTab):
		return (active + 1) % count, true
	case key.Matches(msg, k.PrevTab):
		return (active + count - 1) % count, true
	case key.Matches(msg, k.GotoTab):
		if t := int(msg.Runes[0] - '1'); t >= 0 && t < count {
			return t, true
		}
		return active, true
	}
	return active, false
}
