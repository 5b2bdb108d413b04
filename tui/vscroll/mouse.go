package vscroll

import tea "github.com/charmbracelet/bubbletea"

// HandleMouse scrolls WheelLines lines for a wheel notch and reports whether
// msg was one; other mouse events are left to the caller.
func (m *Model) HandleMouse(msg tea.MouseMsg) bool {
	if msg.Action != tea.MouseActionPress {
		return false
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.Scroll(-m.WheelLines)
	case tea.MouseButtonWheelDown:
		m.Scroll(m.WheelLines)
	default:
		return false
	}
	return true
}
