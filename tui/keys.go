package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap holds every binding. Bindings that do nothing in the current
// state are disabled, so help never offers a key that does not work.
type keyMap struct {
	Lookup     key.Binding
	Leave      key.Binding
	FocusInput key.Binding
	NextTab    key.Binding
	PrevTab    key.Binding
	GotoTab    key.Binding
	Up         key.Binding
	Down       key.Binding
	PageUp     key.Binding
	PageDown   key.Binding
	Top        key.Binding
	Bottom     key.Binding
	Refresh    key.Binding
	Open       key.Binding
	Copy       key.Binding
	Back       key.Binding
	Forward    key.Binding
	Help       key.Binding
	Quit       key.Binding
	ForceQuit  key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Lookup:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "look up")),
		Leave:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to lead")),
		FocusInput: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "new lead")),
		NextTab:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev tab")),
		GotoTab:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6"), key.WithHelp("1-6", "tab")),
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home", "top")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "bottom")),
		Refresh:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		Open:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser")),
		Copy:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy URL")),
		Back:       key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous lead")),
		Forward:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next lead")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// keyState is what decides which keys work.
type keyState struct {
	inputFocused bool
	hasLead      bool
	canBack      bool
	canForward   bool
	loggedOut    bool
	helpOpen     bool
}

// setEnabled turns bindings on and off for s. Keys that type into the
// input (q, r, 1..6...) are off while it has focus.
func (k *keyMap) setEnabled(s keyState) {
	content := !s.inputFocused && !s.loggedOut
	lead := s.hasLead && !s.loggedOut
	k.Lookup.SetEnabled(s.inputFocused && !s.loggedOut)
	k.Leave.SetEnabled(s.inputFocused && lead)
	k.FocusInput.SetEnabled(content)
	k.NextTab.SetEnabled(lead)
	k.PrevTab.SetEnabled(lead)
	k.GotoTab.SetEnabled(content && s.hasLead)
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(lead)
	}
	// j, k, g, G and space type into the input: scrolling there uses the
	// arrows and page keys only.
	scrollKeys(&k.Up, s.inputFocused, "up", "↑", "k", "up")
	scrollKeys(&k.Down, s.inputFocused, "down", "↓", "j", "down")
	scrollKeys(&k.PageDown, s.inputFocused, "pgdown", "pgdn", " ", "page down")
	scrollKeys(&k.Top, s.inputFocused, "home", "home", "g", "top")
	scrollKeys(&k.Bottom, s.inputFocused, "end", "end", "G", "bottom")
	for _, b := range []*key.Binding{&k.Refresh, &k.Open, &k.Copy} {
		b.SetEnabled(content && s.hasLead)
	}
	k.Back.SetEnabled(content && s.canBack)
	k.Forward.SetEnabled(content && s.canForward)
	k.Help.SetEnabled(!s.inputFocused && !s.loggedOut)
	if s.helpOpen {
		k.Help.SetHelp("?", "fewer keys")
	} else {
		k.Help.SetHelp("?", "more keys")
	}
	k.Quit.SetEnabled(!s.inputFocused || s.loggedOut)
	k.ForceQuit.SetEnabled(true)
}

func scrollKeys(b *key.Binding, inputFocused bool, named, namedHelp, letter, desc string) {
	if inputFocused {
		b.SetKeys(named)
		b.SetHelp(namedHelp, desc)
		return
	}
	b.SetKeys(named, letter)
	if letter == " " {
		b.SetHelp(namedHelp, desc)
		return
	}
	b.SetHelp(namedHelp+"/"+letter, desc)
}

// ShortHelp is the footer: the keys a user needs most in this state, with
// terse descriptions, most important first except help and quit, which
// always close the line.
func (k keyMap) ShortHelp() []key.Binding {
	quit := k.Quit
	if !quit.Enabled() {
		quit = k.ForceQuit
	}
	tabs := k.NextTab
	tabs.SetHelp("tab", "tabs")
	scroll := k.Down
	scroll.SetHelp("↑↓", "scroll")
	lookup := k.FocusInput
	lookup.SetHelp("/", "lookup")
	open, cp, help := k.Open, k.Copy, k.Help
	open.SetHelp("o", "open")
	cp.SetHelp("y", "copy")
	help.SetHelp("?", "help")
	back, fwd := k.Back, k.Forward
	back.SetHelp("[", "back")
	fwd.SetHelp("]", "forward")
	return []key.Binding{k.Lookup, k.Leave, tabs, scroll, lookup, back, fwd, k.Refresh, open, cp, help, quit}
}

// FullHelp is the ? screen, grouped by what the keys act on.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Lookup, k.Leave, k.FocusInput, k.Refresh},
		{k.NextTab, k.PrevTab, k.GotoTab, k.Back, k.Forward},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Copy, k.Help, k.Quit, k.ForceQuit},
	}
}
