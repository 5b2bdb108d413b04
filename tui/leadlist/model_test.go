package leadlist

import (
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/muesli/termenv"
)

var now = time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)

func testContext(profile termenv.Profile) *common.Context {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	return &common.Context{
		Styles: theme.New(r),
		Now:    func() time.Time { return now },
		Zone:   common.Zone{Times: time.UTC, Dates: time.UTC},
		Names: common.NewNames(&api.Directory{
			Account:   &api.Account{Currency: "USD"},
			Pipelines: []api.Pipeline{{ID: 1, Name: "Sales", Statuses: []api.Status{{ID: 10, Name: "Proposal", Color: "#ffff99"}}}},
			Users:     []api.User{{ID: 5, Name: "Ann Example"}},
		}),
	}
}

func leads(from, n int) []api.Lead {
	out := make([]api.Lead, n)
	for i := range out {
		id := int64(from + i)
		task := now.Add(-48 * time.Hour).Unix()
		out[i] = api.Lead{ID: id, Name: "Lead number " + strconv.FormatInt(id, 10) + " with a long name that goes on",
			Price: 12500, PipelineID: 1, StatusID: 10, ResponsibleUserID: 5,
			UpdatedAt: now.Add(-3 * time.Hour).Unix(), ClosestTaskAt: &task, Raw: []byte("{}")}
	}
	return out
}

func TestRowsFitEveryWidthAndShowWhatFits(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		m := New(testContext(profile))
		m.SetLeads(leads(1, 30))
		for _, w := range []int{20, 40, 60, 80, 100, 120, 200} {
			m.SetSize(w, 10)
			view := m.View()
			if len(view) != 10 {
				t.Fatalf("%d wide: %d lines", w, len(view))
			}
			for _, l := range view {
				if lipgloss.Width(l) > w {
					t.Errorf("%d wide: line %q is %d wide", w, l, lipgloss.Width(l))
				}
			}
			all := strings.Join(view, "\n")
			if w >= 120 && !strings.Contains(all, "overdue 2d") {
				t.Errorf("%d wide: the overdue task is not shown:\n%s", w, all)
			}
			if w >= 80 && !strings.Contains(all, "12,500 USD") {
				t.Errorf("%d wide: no price:\n%s", w, all)
			}
		}
	}
}

func TestCursorPagingAndRepeats(t *testing.T) {
	m := New(testContext(termenv.Ascii))
	m.SetSize(100, 12)
	m.SetLeads(leads(1, 20))
	keys := common.NewScrollKeys()
	if sel, _ := m.Selected(); sel.ID != 1 {
		t.Fatalf("the cursor starts on %d", sel.ID)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyDown}, &keys)
	if sel, _ := m.Selected(); sel.ID != 2 {
		t.Fatalf("down selects %d", sel.ID)
	}
	if !strings.Contains(strings.Join(m.View(), "\n"), "> Lead number 2 ") {
		t.Errorf("the selected row is not marked:\n%s", strings.Join(m.View(), "\n"))
	}
	if m.NearEnd() {
		t.Error("near the end at the second of 20 rows")
	}
	m.Update(tea.KeyMsg{Type: tea.KeyEnd}, &keys)
	if !m.NearEnd() {
		t.Error("not near the end at the last row")
	}
	// The next page repeats two leads of the first.
	if n := m.Append(leads(19, 12)); n != 10 || m.Len() != 30 {
		t.Errorf("append kept %d new of 12, %d rows", n, m.Len())
	}
	if m.Position() != "20 of 30" {
		t.Errorf("position after paging: %q", m.Position())
	}
	m.SetContactNames(map[int64]string{20: "Jane Doe"})
	m.SetSize(160, 12)
	if !strings.Contains(strings.Join(m.View(), "\n"), "Jane Doe") {
		t.Error("the main contact's name is not shown")
	}
	m.SetLeads(nil)
	if _, ok := m.Selected(); ok || m.Len() != 0 {
		t.Error("an empty list still selects a lead")
	}
}
