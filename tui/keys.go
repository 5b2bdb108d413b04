package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap holds the root's bindings: those that work on every page. Pages
// add their own. Bindings that do nothing in the current state are
// disabled, so help never offers a key that does not work.
type keyMap struct {
	Submit  key.Binding
	Leave   key.Binding
	Find    key.Binding
	Back    key.Binding
	Forward key.Binding
	Open    key.Binding
	Copy    key.Binding
	// RefreshAccount fetches the account data (pipelines, users, lists) again.
	RefreshAccount key.Binding
	Help           key.Binding
	Quit           key.Binding
	ForceQuit      key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Submit:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "look up")),
		Leave:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave the box")),
		Find:           key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "lookup")),
		Back:           key.NewBinding(key.WithKeys("[", "esc"), key.WithHelp("[/esc", "back")),
		Forward:        key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "forward")),
		Open:           key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in Kommo")),
		Copy:           key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy link")),
		RefreshAccount: refreshAccountKey,
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:           key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// keyState is what decides which keys work.
type keyState struct {
	inputFocused bool
	inputEmpty   bool
	canBack      bool
	canForward   bool
	hasURL       bool
	loggedOut    bool
	helpOpen     bool
}

// setEnabled turns bindings on and off for s. Keys that type into the box
// (q, o, y, [, ]...) are off while it has focus.
func (k *keyMap) setEnabled(s keyState) {
	content := !s.inputFocused && !s.loggedOut
	k.Submit.SetEnabled(s.inputFocused && !s.loggedOut)
	k.Leave.SetEnabled(s.inputFocused && !s.loggedOut)
	k.Find.SetEnabled(content)
	k.Back.SetEnabled(content && s.canBack)
	k.Forward.SetEnabled(content && s.canForward)
	k.Open.SetEnabled(content && s.hasURL)
	k.Copy.SetEnabled(content && s.hasURL)
	k.RefreshAccount.SetEnabled(content)
	// In an empty box ? asks for help; with text in it, it types.
	k.Help.SetEnabled(!s.loggedOut && (!s.inputFocused || s.inputEmpty))
	if s.helpOpen {
		k.Help.SetHelp("?", "close help")
	} else {
		k.Help.SetHelp("?", "help")
	}
	k.Quit.SetEnabled(!s.inputFocused || s.loggedOut)
	k.ForceQuit.SetEnabled(true)
}

// quitKey is the quit binding the footer names: q, or ctrl+c while q types.
func (k *keyMap) quitKey() key.Binding {
	if k.Quit.Enabled() {
		return k.Quit
	}
	return k.ForceQuit
}
