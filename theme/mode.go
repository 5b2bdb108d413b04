package theme

import (
	"fmt"

	"github.com/charmbracelet/lipgloss"
)

// Mode chooses which side of every AdaptiveColor is used.
type Mode string

// Auto asks the terminal for its background; Dark and Light skip the question,
// for terminals that do not answer it or answer wrongly.
const (
	Auto  Mode = "auto"
	Dark  Mode = "dark"
	Light Mode = "light"
)

// ParseMode accepts the values of --theme; "" means Auto.
func ParseMode(s string) (Mode, error) {
	switch Mode(s) {
	case "", Auto:
		return Auto, nil
	case Dark, Light:
		return Mode(s), nil
	}
	return "", fmt.Errorf("unknown theme %q: want auto, dark or light", s)
}

// Apply makes r resolve adaptive colours for the mode. Auto leaves r alone.
func (m Mode) Apply(r *lipgloss.Renderer) {
	switch m {
	case Dark:
		r.SetHasDarkBackground(true)
	case Light:
		r.SetHasDarkBackground(false)
	}
}
