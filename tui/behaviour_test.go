package tui

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/leadpage"
	"github.com/leadscope/leadscope/tui/leadspage"
)

func TestDirectoryFailureIsRetriedByTheNextLookup(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointAccount, Fault: sandbox.FaultStatus, Status: 500, Times: 1})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	requireContains(t, m.View(), "Could not load the account: Kommo server error")
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, m.View(), sandbox.AccountName, sandbox.LeadBasicStageName, sandbox.UserSalesName)
	if n := srv.Requests(sandbox.EndpointAccount); n != 2 {
		t.Errorf("account requests = %d, want 2 (start, retry)", n)
	}
}

func TestMouseWheelScrollsOnlyWhenAskedFor(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	wheel := tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}
	for _, mouse := range []bool{false, true} {
		opts := testOptions(c)
		opts.Mouse = mouse
		opts.InitialLead = sandbox.LeadHuge
		m := start(t, newTestModel(t, opts, 120, 40))
		before := firstContentLine(m)
		next, _ := m.Update(wheel)
		moved := firstContentLine(next.(Model)) != before
		if mouse != moved {
			t.Errorf("mouse %v: the wheel moved the content: %v", mouse, moved)
		}
	}
}

func TestSpinnerTicksOnlyWhileLoading(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	m := newTestModel(t, opts, 80, 24)
	if !m.loading() {
		t.Fatal("not loading the directory at start")
	}
	if _, cmd := m.Update(m.spin.Tick()); cmd == nil {
		t.Error("the spinner stopped while loading")
	}
	m = start(t, m)
	if _, cmd := m.Update(m.spin.Tick()); cmd != nil {
		t.Error("the spinner keeps ticking with nothing to load")
	}
	var ticked bool
	m = typeText(t, m, idText(sandbox.LeadBasic))
	_, cmd := m.Update(keyMsg("enter"))
	for _, msg := range collect(cmd) {
		if _, ok := msg.(spinner.TickMsg); ok {
			ticked = true
		}
	}
	if !ticked {
		t.Error("a lookup did not start the spinner")
	}
	// A load a page starts on a key (r refreshes the lead) spins too.
	m = press(t, m, keyMsg("enter"))
	if leadOnScreen(m) != sandbox.LeadBasic {
		t.Fatalf("lead %d on screen", leadOnScreen(m))
	}
	_, cmd = m.Update(keyMsg("r"))
	ticked = false
	for _, msg := range collect(cmd) {
		if _, ok := msg.(spinner.TickMsg); ok {
			ticked = true
		}
	}
	if !ticked {
		t.Error("a refresh did not start the spinner")
	}
}

func TestSummaryShowsBeforeTheNamesArriveAndTabsFillAsTheyLand(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = typeText(t, m, idText(sandbox.LeadBasic))
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	var parts []tea.Cmd
	for _, msg := range collect(cmd) {
		next, more := m.Update(msg)
		m = next.(Model)
		if _, ok := msg.(leadpage.FetchedMsg); ok {
			parts = append(parts, more)
		}
	}
	if len(parts) != 1 {
		t.Fatal("the lead did not arrive")
	}
	m = press(t, m, tabKey(tabContacts))
	requireContains(t, m.View(), sandbox.LeadBasicName, "Contacts 2…", "Companies 1…", "Catalog 2…",
		"Loading contacts…", "#"+idText(sandbox.LeadBasicContact)+"  loading…")
	m = press(t, m, tabKey(tabCatalog))
	requireContains(t, m.View(), "#"+idText(sandbox.LeadBasicProduct)+"  loading…", sandbox.CatalogProductsName)
	m = press(t, m, tabKey(tabContacts))
	// Each kind lands on its own; the tab fills when its answer does.
	pending := collect(parts[0])
	for _, msg := range pending {
		if fmt.Sprintf("%T", msg) == "leadpage.contactsMsg" {
			next, _ := m.Update(msg)
			m = next.(Model)
		}
	}
	view := m.View()
	requireContains(t, view, sandbox.LeadBasicContactName, "[Contacts 2]", "Companies 1…")
	for _, msg := range pending {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	requireLacks(t, m.View(), "…", "Loading")
}

func TestInterruptedPartsDoNotClaimToBeLoading(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = typeText(t, m, idText(sandbox.LeadBasic))
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	for _, msg := range collect(cmd) {
		if _, ok := msg.(leadpage.FetchedMsg); ok {
			next, _ := m.Update(msg) // the parts' commands are never run
			m = next.(Model)
		}
	}
	// A refresh interrupts the parts, then fails itself.
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 500})
	m = press(t, m, tabKey(tabContacts), keyMsg("r"))
	requireContains(t, m.View(), sandbox.LeadBasicName, "Could not load contacts: interrupted", "Kommo server error")
	requireLacks(t, m.View(), "Loading", "loading…")

	srv.ClearFaults()
	m = press(t, m, keyMsg("r"))
	requireContains(t, m.View(), sandbox.LeadBasicContactName)
	requireLacks(t, m.View(), "interrupted")
}

func TestFailedCatalogShowsWhichListAndTheElementIDs(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointCatalogElements, Fault: sandbox.FaultStatus, Status: 503})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	m = press(t, m, tabKey(tabCatalog))
	requireContains(t, m.View(), `Could not load list "Products": Kommo server error`,
		"#"+idText(sandbox.LeadBasicProduct)+"  not loaded", `Could not load list "Services"`)
}

func TestFailedLookupOffersTheIDAgainButARefreshDoesNot(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	if got := m.input.value(); got != "" {
		t.Fatalf("a successful lookup left %q in the input", got)
	}
	m = lookUp(t, m, idText(sandbox.LeadMissing))
	if got := m.input.value(); got != idText(sandbox.LeadMissing) || !m.input.focused() {
		t.Fatalf("after a failed lookup the input holds %q, focused %v", got, m.input.focused())
	}
	requireContains(t, m.View(), "not found")
	// Correcting it starts at once and clears the stale complaint.
	m = press(t, m, keyMsg("backspace"))
	requireLacks(t, m.View(), "not found")
	m.input.setValue("")
	m = press(t, m, keyMsg("esc"))
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 500})
	m = press(t, m, keyMsg("r"))
	requireContains(t, m.View(), "Kommo server error")
	if got := m.input.value(); got != "" {
		t.Errorf("a failed refresh put %q in the input", got)
	}
}

// TestRandomKeysNeverBreakTheScreen presses a long, seeded random sequence of
// every kind of key and checks the screen after each: no panic, no line too
// wide, never more lines than the terminal has.
func TestRandomKeysNeverBreakTheScreen(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	opts.Mouse = true
	m := start(t, newTestModel(t, opts, 80, 24))
	keys := []tea.Msg{
		keyMsg("tab"), keyMsg("shift+tab"), keyMsg("up"), keyMsg("down"), keyMsg("pgup"), keyMsg("pgdown"),
		keyMsg("home"), keyMsg("end"), keyMsg("enter"), keyMsg("esc"), keyMsg("/"), keyMsg("["), keyMsg("]"),
		keyMsg("r"), keyMsg("o"), keyMsg("y"), keyMsg("?"), keyMsg("q"), keyMsg("backspace"), keyMsg("x"),
		keyMsg("1"), keyMsg("alt+3"), keyMsg("alt+5"), keyMsg("alt+6"), keyMsg("0"), keyMsg("i"), keyMsg("alt+d"),
		keyMsg("left"), keyMsg("right"), keyMsg(idText(sandbox.LeadHuge)),
		keyMsg("f"), keyMsg("s"), keyMsg("j"), keyMsg("G"), keyMsg("alt+4"), keyMsg("alt+9"), keyMsg("Oliver"),
		keyMsg(idText(sandbox.LeadMissing)), keyMsg(idText(sandbox.LeadEscapes)),
		tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.LeadWebURL(sandbox.LeadLost)), Paste: true},
		tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress},
		tea.WindowSizeMsg{Width: 61, Height: 20}, tea.WindowSizeMsg{Width: 130, Height: 45}, tea.WindowSizeMsg{Width: 30, Height: 10},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	onList := 0
	for i := 0; i < 1500; i++ {
		next, cmd := m.Update(keys[rng.IntN(len(keys))])
		m, _ = drive(t, next.(Model), cmd)
		if m.width >= minWidth && m.height >= minHeight {
			checkSize(t, m, "after "+strconv.Itoa(i)+" keys", m.width, m.height)
		}
		if t.Failed() {
			t.FailNow()
		}
		if _, ok := m.hist.current().(*leadspage.Page); ok {
			onList++
		}
	}
	// The walk must spend time on both kinds of page to test them.
	if onList < 100 || onList > 1400 {
		t.Errorf("%d of 1500 keys were pressed on the leads list", onList)
	}
}

// Bubble Tea v1 bundles keys typed faster than it reads them into one
// message; they must act as if typed one by one.
func TestKeysThatArriveTogetherAreHandledOneByOne(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 120, 40))
	srv.ResetCounts()
	// "/10000006" typed fast, then enter.
	m = press(t, m, keyMsg("/"+idText(sandbox.LeadLost)), keyMsg("enter"))
	requireContains(t, m.View(), sandbox.LostReasonName)
	// Digits typed fast while the lead has the focus go to the box.
	m = press(t, m, keyMsg(idText(sandbox.LeadBasic)), keyMsg("enter"))
	if leadOnScreen(m) != sandbox.LeadBasic {
		t.Fatalf("fast digits did not open the lead: %d on screen", leadOnScreen(m))
	}
	// A lead URL pasted while browsing opens that lead.
	m = press(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.LeadWebURL(sandbox.LeadWon)), Paste: true}, keyMsg("enter"))
	if leadOnScreen(m) != sandbox.LeadWon {
		t.Fatalf("a pasted URL did not open the lead: %d on screen", leadOnScreen(m))
	}
	if n := srv.Requests(sandbox.EndpointLeads); n != 2 {
		t.Errorf("lead requests = %d, want 2 (the basic lead was cached)", n)
	}
}

func TestHelpOpensOnTheStartScreenAndClosesOnOtherKeys(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	m = press(t, m, keyMsg("?"))
	requireContains(t, m.View(), "Finding", "ctrl+c")
	if m.input.value() != "" {
		t.Errorf("? typed %q into the empty box", m.input.value())
	}
	m = press(t, m, keyMsg("esc"))
	requireLacks(t, m.View(), "Finding")
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	m = press(t, m, keyMsg("?"), keyMsg("tab"))
	requireLacks(t, m.View(), "Finding")
	requireContains(t, m.View(), "[Tags 2]")
}

// A short terminal cuts the summary's least useful facts; they stay
// reachable: i shows every fact, scrollable, and i again goes back.
func TestShortTerminalsKeepEveryFactReachable(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 80, 20))
	requireContains(t, m.View(), "more lines: i shows all", "/ lookup")
	requireLacks(t, m.View(), "Link ")
	m = press(t, m, keyMsg("i"))
	requireContains(t, m.View(), "Price set", "Link ")
	requireLacks(t, m.View(), "Tags 2")
	m = press(t, m, keyMsg("i"))
	requireContains(t, m.View(), "Tags 2", "more lines")
	// A terminal tall enough for every fact offers no such key.
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	requireLacks(t, next.(Model).View(), "more lines", "i all facts")
}
