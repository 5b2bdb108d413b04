package leadspage

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/leadscope/leadscope/tui/common"
)

// keyMap is the leads page's own keys; the root adds the global ones
// (digits, / and pastes go to the find box, which searches this page).
type keyMap struct {
	Open     key.Binding
	NextView key.Binding
	PrevView key.Binding
	GotoView key.Binding
	Filters  key.Binding
	Sort     key.Binding
	Reload   key.Binding
	common.ScrollKeys
}

func newKeyMap() keyMap {
	return keyMap{
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open lead")),
		NextView: key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next view")),
		PrevView: key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "prev view")),
		GotoView: key.NewBinding(key.WithKeys("alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9"),
			key.WithHelp("alt+1…9", "go to view")),
		Filters:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filters")),
		Sort:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Reload:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		ScrollKeys: common.NewScrollKeys(),
	}
}

// sync enables what works now: opening needs a row, switching needs views.
func (k *keyMap) sync(hasRow bool, views int) {
	k.Open.SetEnabled(hasRow)
	k.NextView.SetEnabled(views > 1)
	k.PrevView.SetEnabled(views > 1)
	k.GotoView.SetEnabled(views > 1)
	k.ScrollKeys.SetEnabled(hasRow)
}

// short leaves the moving keys and r to the help screen: the footer has
// room for the root's back and forward too.
func (k keyMap) short() []key.Binding {
	views := k.NextView
	views.SetHelp("tab", "views")
	return []key.Binding{k.Open, views, k.Filters, k.Sort}
}

func (k keyMap) full() [][]key.Binding {
	return [][]key.Binding{
		{k.Open, k.NextView, k.PrevView, k.GotoView, k.Filters, k.Sort, k.Reload},
		k.ScrollKeys.All(),
	}
}
