package tui

import (
	"io"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/views"
	"github.com/muesli/termenv"
)

// TestNoLineWiderThanTheTerminal renders every tab of the leads with the
// longest and oddest content, with and without colour, at sizes from the
// minimum to very large, and measures every line.
func TestNoLineWiderThanTheTerminal(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	sizes := layoutSizes
	leads := []int64{sandbox.LeadBasic, sandbox.LeadHuge, sandbox.LeadAllFieldTypes, sandbox.LeadEscapes,
		sandbox.LeadManyLinks, sandbox.LeadLost, sandbox.LeadNoContacts, sandbox.LeadUnknownUser}
	colour := lipgloss.NewRenderer(io.Discard)
	colour.SetColorProfile(termenv.TrueColor)
	for _, r := range []*lipgloss.Renderer{plainRenderer(), colour} {
		opts := testOptions(c)
		opts.Renderer, opts.Demo = r, true
		m := start(t, newTestModel(t, opts, 120, 40))
		for _, id := range leads {
			m = lookUp(t, m, strconv.FormatInt(id, 10))
		}
		checkSize(t, m, "empty input", 0, 0)
		for _, id := range leads {
			m = lookUp(t, m, strconv.FormatInt(id, 10))
			for _, size := range sizes {
				next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = next.(Model)
				for tab := 0; tab < tabCount; tab++ {
					m = press(t, m, tabKey(tab))
					checkSize(t, m, "lead "+strconv.FormatInt(id, 10)+" "+tabTitles[tab], size[0], size[1])
				}
				m = press(t, m, keyMsg("?"))
				checkSize(t, m, "full help", size[0], size[1])
				m = press(t, m, keyMsg("?"), keyMsg("/"))
				m = typeText(t, m, "not a lead at all, clearly not")
				m = press(t, m, keyMsg("enter"))
				checkSize(t, m, "validation message", size[0], size[1])
				m.input.setValue("")
				m = press(t, m, keyMsg("esc"))
			}
		}
	}
}

// layoutSizes are the terminal sizes every screen is measured at.
var layoutSizes = [][2]int{{60, 20}, {61, 21}, {72, 22}, {80, 24}, {99, 30}, {120, 40}, {160, 50}, {250, 80}}

// TestTheLeadsListFitsEverySize measures the leads list's every state at
// every size, with and without colour: each view (more tabs than fit,
// with long names in several scripts), the filter picker, a search for
// odd text, nothing found, and rows in scripts terminals draw wider.
func TestTheLeadsListFitsEverySize(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	colour := lipgloss.NewRenderer(io.Discard)
	colour.SetColorProfile(termenv.TrueColor)
	long := strings.Repeat("東京の大きな取引🎉 ", 4)
	for _, r := range []*lipgloss.Renderer{plainRenderer(), colour} {
		opts := testOptions(c)
		opts.Renderer, opts.Demo = r, true
		opts.Views = []views.View{{Name: long, Query: "Oliver"}, {Name: "कार्यालय फर्नीचर", State: views.Won}, {Name: "Typo", Pipeline: long}}
		m := start(t, newTestModel(t, opts, 120, 40))
		for _, size := range layoutSizes {
			next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = next.(Model)
			for view := 1; view <= 7; view++ {
				m = press(t, m, keyMsg("alt+"+strconv.Itoa(view)))
				checkSize(t, m, "view "+strconv.Itoa(view), size[0], size[1])
				m = press(t, m, keyMsg("end"))
				checkSize(t, m, "view "+strconv.Itoa(view)+" at its end", size[0], size[1])
			}
			m = press(t, m, keyMsg("alt+1"), keyMsg("f"), keyMsg("right"), keyMsg("down"), keyMsg("right"))
			checkSize(t, m, "filter picker", size[0], size[1])
			m = press(t, m, keyMsg("esc"), keyMsg("s"), keyMsg("s"))
			checkSize(t, m, "sorted by price", size[0], size[1])
			m = press(t, m, keyMsg("s"))
			m = lookUp(t, m, long)
			checkSize(t, m, "nothing found", size[0], size[1])
			m = press(t, m, keyMsg("?"))
			checkSize(t, m, "full help on the list", size[0], size[1])
			m = press(t, m, keyMsg("?"))
			m = lookUp(t, m, "")
		}
	}
}

func checkSize(t *testing.T, m Model, what string, w, h int) {
	t.Helper()
	if w == 0 {
		w, h = m.width, m.height
	}
	lines := strings.Split(m.View(), "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		// common.Width counts as terminals draw: wider than lipgloss for
		// some scripts.
		if lw := common.Width(l); lw > w {
			t.Errorf("%s at %dx%d: line %d is %d wide: %q", what, w, h, i, lw, l)
		}
	}
}

// TestWideAndOddTextNeverOverflows feeds hand-made data the sandbox does not
// have: double-width scripts, emoji, empty names, very long unbroken words.
func TestWideAndOddTextNeverOverflows(t *testing.T) {
	c, err := api.New(api.Options{BaseURL: "http://127.0.0.1:9", Credentials: api.StaticToken("unused")})
	if err != nil {
		t.Fatal(err)
	}
	wide := strings.Repeat("東京の大きな取引🎉", 12)
	word := strings.Repeat("x", 400)
	lead := &api.Lead{
		ID: 42, Name: wide, Price: 1 << 40, StatusID: 1, PipelineID: 2,
		CustomFields: []api.CustomField{
			{FieldID: 1, FieldName: wide, FieldType: "text", Values: []api.FieldValue{{Value: []byte(`"` + wide + `"`)}}},
			{FieldID: 2, FieldName: "", FieldType: "textarea", Values: []api.FieldValue{{Value: []byte(`"` + word + `\n` + wide + `"`)}}},
			{FieldID: 3, FieldName: "empty", FieldType: "text"},
		},
		Embedded: api.LeadEmbedded{
			Tags:       []api.Tag{{Name: wide, Color: "#ff0000"}, {Name: ""}, {Name: word, Color: "nonsense"}},
			LossReason: &api.LossReason{Name: wide},
			Source:     &api.Source{Name: word},
		},
		Raw: []byte(`{"id":42,"name":"` + wide + `","note":"` + word + `"}`),
	}
	for _, r := range []*lipgloss.Renderer{plainRenderer(), func() *lipgloss.Renderer {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.TrueColor)
		return r
	}()} {
		opts := testOptions(c)
		opts.Renderer = r
		opts.Account = wide
		m := newTestModel(t, opts, 80, 24)
		m.leads.Put(lead)
		m = press(t, m, keyMsg("4"), keyMsg("2"), keyMsg("enter"))
		requireContains(t, m.View(), "東京の大きな取引🎉", "Fields 3")
		for _, size := range [][2]int{{60, 20}, {80, 24}, {121, 41}, {250, 80}} {
			next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = next.(Model)
			for tab := 0; tab < tabCount; tab++ {
				m = press(t, m, tabKey(tab))
				checkSize(t, m, "odd lead "+tabTitles[tab], size[0], size[1])
			}
		}
	}
}
