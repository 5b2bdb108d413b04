package recordpage

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/leadscope/leadscope/tui/common"
)

// keyMap is a record page's own keys; the root adds the global ones.
type keyMap struct {
	NextTab key.Binding
	PrevTab key.Binding
	GotoTab key.Binding
	Open    key.Binding
	Refresh key.Binding
	common.ScrollKeys
}

func newKeyMap(tabs int, refresh string) keyMap {
	gotoKeys := make([]string, 0, tabs)
	for i := range tabs {
		gotoKeys = append(gotoKeys, "alt+"+string(rune('1'+i)))
	}
	k := keyMap{
		NextTab:    key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next tab")),
		PrevTab:    key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "prev tab")),
		GotoTab:    key.NewBinding(key.WithKeys(gotoKeys...), key.WithHelp("alt+1…"+string(rune('0'+tabs)), "go to tab")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Refresh:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", refresh)),
		ScrollKeys: common.NewScrollKeys(),
	}
	if tabs <= 1 {
		k.NextTab.SetEnabled(false)
		k.PrevTab.SetEnabled(false)
		k.GotoTab.SetEnabled(false)
	}
	return k
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
