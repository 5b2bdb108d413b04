package leadpage

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/leadscope/leadscope/tui/common"
)

// keyMap is the lead page's own keys; the root adds the global ones.
type keyMap struct {
	common.TabKeys
	Refresh key.Binding
	Summary key.Binding
	Open    key.Binding // the selected contact, company or list element
	common.ScrollKeys
}

func newKeyMap() keyMap {
	return keyMap{
		TabKeys:    common.NewTabKeys(int(tabCount)),
		Refresh:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh lead")),
		Summary:    key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "all facts")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		ScrollKeys: common.NewScrollKeys(),
	}
}

// sync enables what works now: the summary key only when facts are cut
// short or shown whole.
func (k *keyMap) sync(summaryCut, expanded bool) {
	k.Summary.SetEnabled(summaryCut || expanded)
	if expanded {
		k.Summary.SetHelp("i", "back to tabs")
	} else {
		k.Summary.SetHelp("i", "all facts")
	}
	k.TabKeys.SetEnabled(!expanded)
	if expanded {
		k.Open.SetEnabled(false)
	}
}

func (k keyMap) short() []key.Binding {
	tabs, scroll, refresh := k.NextTab, k.Down, k.Refresh
	tabs.SetHelp("tab", "tabs")
	scroll.SetHelp("↑↓", "scroll")
	refresh.SetHelp("r", "refresh")
	if k.Open.Enabled() {
		// Refresh leaves the footer to the help screen, so that back ([)
		// still fits 80 columns beside enter.
		return []key.Binding{k.Open, tabs, scroll, k.Summary}
	}
	return []key.Binding{tabs, scroll, k.Summary, refresh}
}

func (k keyMap) full() [][]key.Binding {
	return [][]key.Binding{
		{k.Open, k.NextTab, k.PrevTab, k.GotoTab, k.Summary, k.Refresh},
		k.ScrollKeys.All(),
	}
}
