package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/views"
)

// hugeLeadModel is the model showing the huge seeded lead (520 fields, 250
// contacts, 250 list elements, 100 tags) at 120x40, everything resolved.
// With colour on, as in a real terminal: styles cost more than plain text.
func hugeLeadModel(b *testing.B) Model {
	b.Helper()
	_, c := startSandbox(b, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadHuge
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	opts.Renderer = r
	m := start(b, newTestModel(b, opts, 120, 40))
	if leadOnScreen(m) != sandbox.LeadHuge || m.loading() {
		b.Fatal("the huge lead did not load")
	}
	return m
}

// BenchmarkViewHugeLead is one frame of each tab: what every keystroke and
// spinner tick costs once the tab's content is rendered.
func BenchmarkViewHugeLead(b *testing.B) {
	m := hugeLeadModel(b)
	for tab := 0; tab < tabCount; tab++ {
		m = press(b, m, tabKey(tab))
		b.Run(strings.ToLower(tabTitles[tab]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkInputKeystroke types one digit into the ID input and draws the
// frame, with the huge lead on screen behind it.
func BenchmarkInputKeystroke(b *testing.B) {
	m := press(b, hugeLeadModel(b), keyMsg("/"))
	digit := keyMsg("7")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%12 == 0 {
			m.input.setValue("")
		}
		i++
		next, _ := m.Update(digit)
		m = next.(Model)
		_ = m.View()
	}
}

// BenchmarkScrollFields scrolls the huge lead's Fields tab by one line and
// draws the frame.
func BenchmarkScrollFields(b *testing.B) {
	m := hugeLeadModel(b)
	keys := []tea.KeyMsg{keyMsg("down"), keyMsg("up")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		next, _ := m.Update(keys[i%2])
		i++
		m = next.(Model)
		_ = m.View()
	}
}

// leadsListModel is the browser on the leads list at 120x40 in colour,
// its "Every lead" view (config.json) scrolled through all 2,038 leads.
func leadsListModel(b *testing.B) Model {
	b.Helper()
	_, c := startSandbox(b, sandbox.Options{})
	opts := testOptions(c)
	opts.Views = []views.View{{Name: "Every lead"}}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	opts.Renderer = r
	m := start(b, newTestModel(b, opts, 120, 40))
	m = press(b, m, keyMsg("alt+5"))
	for range 20 {
		m = press(b, m, keyMsg("end"))
	}
	if got := m.hist.current().Position(); got != "2038 of 2038" {
		b.Fatalf("the list is at %q", got)
	}
	return m
}

// BenchmarkViewLeadsList is one frame of the leads list with 2,038 rows
// loaded: what every keystroke and spinner tick costs. Target: ≤ 2 ms.
func BenchmarkViewLeadsList(b *testing.B) {
	m := leadsListModel(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkScrollLeadsList moves the cursor a row and draws the frame.
func BenchmarkScrollLeadsList(b *testing.B) {
	m := press(b, leadsListModel(b), keyMsg("home"))
	keys := []tea.KeyMsg{keyMsg("down"), keyMsg("up")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		next, _ := m.Update(keys[i%2])
		i++
		m = next.(Model)
		_ = m.View()
	}
}
