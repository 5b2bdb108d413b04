package recordpage

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/leadscope/leadscope/tui/common"
)

// keyMap is a record page's own keys; the root adds the global ones.
type keyMap struct {
	common.TabKeys
	Open    key.Binding
	Refresh key.Binding
	common.ScrollKeys
}

func newKeyMap(tabs int, refresh string) keyMap {
	return keyMap{
		TabKeys:    common.NewTabKeys(tabs),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Refresh:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", refresh)),
		ScrollKeys: common.NewScrollKeys(),
	}
}

// short is the footer's part: refresh is left to the help screen so that
// back ([) still fits an 80-column footer beside enter and tab.
func (k keyMap) short() []key.Binding {
	tabs, scroll, refresh := k.NextTab, k.Down, k.Refresh
	tabs.SetHelp("tab", "tabs")
	scroll.SetHelp("↑↓", "move")
	if !k.Open.Enabled() {
		scroll.SetHelp("↑↓", "scroll")
		refresh.SetHelp("r", "refresh")
		return []key.Binding{tabs, scroll, refresh}
	}
	return []key.Binding{k.Open, tabs, scroll}
}

func (k keyMap) full() [][]key.Binding {
	return [][]key.Binding{
		{k.Open, k.NextTab, k.PrevTab, k.GotoTab, k.Refresh},
		k.ScrollKeys.All(),
	}
}
