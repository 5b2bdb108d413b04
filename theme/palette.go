// Package theme names leadscope's colours by the role they play and builds
// every style from a *lipgloss.Renderer, so tests and NO_COLOR can force plain
// output. It holds no behaviour: the tui decides what to draw, theme how.
package theme

import "github.com/charmbracelet/lipgloss"

// Palette is the set of colours by role. Each one adapts to the terminal's
// background; the values are calm on purpose: the data is the point.
type Palette struct {
	Text          lipgloss.AdaptiveColor // body text
	Muted         lipgloss.AdaptiveColor // labels, hints, secondary facts
	Faint         lipgloss.AdaptiveColor // placeholders, separators in help
	Accent        lipgloss.AdaptiveColor // the lead's name, the active tab, keys in help
	Success       lipgloss.AdaptiveColor // won, copied, loaded
	Warning       lipgloss.AdaptiveColor // rate limits, partial data
	Error         lipgloss.AdaptiveColor // failures
	Border        lipgloss.AdaptiveColor // rules and frames
	Selection     lipgloss.AdaptiveColor // background of the active tab
	SelectionText lipgloss.AdaptiveColor // text on Selection
	Badge         lipgloss.AdaptiveColor // background of the demo badge
	BadgeText     lipgloss.AdaptiveColor // text on Badge
	Link          lipgloss.AdaptiveColor // URLs
}

// Default is leadscope's palette: GitHub-like neutrals with an indigo accent.
var Default = Palette{
	Text:          lipgloss.AdaptiveColor{Light: "#1f2328", Dark: "#e6edf3"},
	Muted:         lipgloss.AdaptiveColor{Light: "#59636e", Dark: "#9198a1"},
	Faint:         lipgloss.AdaptiveColor{Light: "#8c959f", Dark: "#656c76"},
	Accent:        lipgloss.AdaptiveColor{Light: "#5a4fcf", Dark: "#a5a0ff"},
	Success:       lipgloss.AdaptiveColor{Light: "#1a7f37", Dark: "#56d364"},
	Warning:       lipgloss.AdaptiveColor{Light: "#9a6700", Dark: "#e3b341"},
	Error:         lipgloss.AdaptiveColor{Light: "#cf222e", Dark: "#ff7b72"},
	Border:        lipgloss.AdaptiveColor{Light: "#d0d7de", Dark: "#3d444d"},
	Selection:     lipgloss.AdaptiveColor{Light: "#e8e6ff", Dark: "#35306b"},
	SelectionText: lipgloss.AdaptiveColor{Light: "#3b2fb0", Dark: "#e6e4ff"},
	Badge:         lipgloss.AdaptiveColor{Light: "#f0b72f", Dark: "#e3b341"},
	BadgeText:     lipgloss.AdaptiveColor{Light: "#1f2328", Dark: "#1f2328"},
	Link:          lipgloss.AdaptiveColor{Light: "#0969da", Dark: "#6cb6ff"},
}
