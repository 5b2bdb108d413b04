package theme

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is every style the tui draws with, all bound to one renderer so a
// test or NO_COLOR can switch the whole screen to plain text at once.
type Styles struct {
	Renderer *lipgloss.Renderer
	Palette  Palette

	// Plain is true when the renderer prints no colour and no attributes
	// (NO_COLOR, dumb terminals, tests). The tui then adds markers and
	// brackets so no emphasis is lost.
	Plain bool

	// Header and status line.
	App         lipgloss.Style
	Account     lipgloss.Style
	Badge       lipgloss.Style
	Status      lipgloss.Style
	StatusError lipgloss.Style
	StatusWarn  lipgloss.Style
	StatusOK    lipgloss.Style
	Spinner     lipgloss.Style

	// ID input.
	InputPrompt      lipgloss.Style
	InputText        lipgloss.Style
	InputPlaceholder lipgloss.Style
	InputCursor      lipgloss.Style
	InputInvalid     lipgloss.Style

	// Summary and tab contents.
	Title   lipgloss.Style // the lead's name
	LeadID  lipgloss.Style
	Label   lipgloss.Style
	Value   lipgloss.Style
	Muted   lipgloss.Style
	Faint   lipgloss.Style
	Link    lipgloss.Style
	Heading lipgloss.Style // a contact's or company's name
	Marker  lipgloss.Style // "★ main", "▸"
	Success lipgloss.Style
	Warning lipgloss.Style
	Error   lipgloss.Style
	Rule    lipgloss.Style // horizontal separators
	Chip    lipgloss.Style // padding of a coloured tag or stage; colours come from Kommo

	// Tab bar.
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	TabCount    lipgloss.Style

	// JSON tab.
	JSONKey     lipgloss.Style
	JSONString  lipgloss.Style
	JSONNumber  lipgloss.Style
	JSONLiteral lipgloss.Style // true, false, null
	JSONPunct   lipgloss.Style

	// Footer.
	HelpKey  lipgloss.Style
	HelpDesc lipgloss.Style
	HelpSep  lipgloss.Style
	Position lipgloss.Style
}

// New builds the styles for r with the default palette.
func New(r *lipgloss.Renderer) Styles {
	return NewWithPalette(r, Default)
}

// NewWithPalette builds the styles for r with p.
func NewWithPalette(r *lipgloss.Renderer, p Palette) Styles {
	fg := func(c lipgloss.AdaptiveColor) lipgloss.Style { return r.NewStyle().Foreground(c) }
	return Styles{
		Renderer: r,
		Palette:  p,
		Plain:    r.ColorProfile() == termenv.Ascii,

		App:         fg(p.Accent).Bold(true),
		Account:     fg(p.Text).Bold(true),
		Badge:       r.NewStyle().Foreground(p.BadgeText).Background(p.Badge).Bold(true).Padding(0, 1),
		Status:      fg(p.Muted),
		StatusError: fg(p.Error).Bold(true),
		StatusWarn:  fg(p.Warning),
		StatusOK:    fg(p.Success),
		Spinner:     fg(p.Accent),

		InputPrompt:      fg(p.Accent).Bold(true),
		InputText:        fg(p.Text),
		InputPlaceholder: fg(p.Faint),
		InputCursor:      fg(p.Accent),
		InputInvalid:     fg(p.Error),

		Title:   fg(p.Accent).Bold(true),
		LeadID:  fg(p.Muted),
		Label:   fg(p.Muted),
		Value:   fg(p.Text),
		Muted:   fg(p.Muted),
		Faint:   fg(p.Faint),
		Link:    fg(p.Link),
		Heading: fg(p.Text).Bold(true),
		Marker:  fg(p.Warning).Bold(true),
		Success: fg(p.Success),
		Warning: fg(p.Warning),
		Error:   fg(p.Error),
		Rule:    fg(p.Border),
		Chip:    r.NewStyle().Padding(0, 1),

		TabActive:   r.NewStyle().Foreground(p.SelectionText).Background(p.Selection).Bold(true).Padding(0, 1),
		TabInactive: fg(p.Muted).Padding(0, 1),
		TabCount:    fg(p.Faint),

		JSONKey:     fg(p.Accent),
		JSONString:  fg(p.Success),
		JSONNumber:  fg(p.Warning),
		JSONLiteral: fg(p.Link),
		JSONPunct:   fg(p.Faint),

		HelpKey:  fg(p.Accent),
		HelpDesc: fg(p.Muted),
		HelpSep:  fg(p.Faint),
		Position: fg(p.Faint),
	}
}
