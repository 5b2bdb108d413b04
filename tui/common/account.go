package common

import tea "github.com/charmbracelet/bubbletea"

// AccountMsg tells the page on screen that the account data answered: Err
// is nil when Names was replaced, else why it could not be loaded. Pages
// that cannot work without names (the leads list resolves "me" and "open"
// with them) wait for it.
type AccountMsg struct{ Err error }

// NeedAccountMsg asks the root for the account data: it loads it again
// after a failure, and does nothing while it is known or loading.
type NeedAccountMsg struct{}

// NeedAccount is a command that sends NeedAccountMsg.
func NeedAccount() tea.Cmd {
	return func() tea.Msg { return NeedAccountMsg{} }
}
