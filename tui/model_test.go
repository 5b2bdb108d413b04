package tui

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/internal/tuitest"
	"github.com/leadscope/leadscope/tui/leadpage"
)

func idText(id int64) string { return strconv.FormatInt(id, 10) }

// collect runs cmd and what it batches without feeding the model, so a test
// can hold answers back and deliver them late.
func collect(cmd tea.Cmd) []tea.Msg { return tuitest.Run(cmd, nil) }

func requireContains(t *testing.T, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Fatalf("view lacks %q:\n%s", w, view)
		}
	}
}

func requireLacks(t *testing.T, view string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(view, w) {
			t.Fatalf("view has %q:\n%s", w, view)
		}
	}
}

// lookUp types id into the input (focusing it first) and presses enter.
func lookUp(t *testing.T, m Model, text string) Model {
	t.Helper()
	if !m.input.focused() {
		m = press(t, m, keyMsg("/"))
	}
	m = typeText(t, m, text)
	return press(t, m, keyMsg("enter"))
}

// Text that is not a lead is a search: from a lead page it opens the
// leads list with it; an empty box explains what it takes and sends nothing.
func TestTextThatIsNotALeadSearchesTheList(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 80, 24))
	srv.ResetCounts()

	m = press(t, m, keyMsg("/"), keyMsg("enter"))
	requireContains(t, m.View(), "type a lead ID, paste a lead URL, or type text to search")
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("an empty box sent %d requests", n)
	}
	if !m.input.focused() {
		t.Error("an empty box left the input")
	}
	m = typeText(t, m, sandbox.SearchPhoneContactName)
	if m.input.invalid != "" {
		t.Error("typing did not clear the validation message")
	}
	if leadOnScreen(m) != sandbox.LeadBasic || srv.Requests(sandbox.EndpointLeads) != 0 {
		t.Fatal("typing on a lead page searched before enter")
	}
	m = press(t, m, keyMsg("enter"))
	if leadOnScreen(m) != 0 || m.input.focused() {
		t.Fatalf("enter did not show the leads list: lead %d on screen", leadOnScreen(m))
	}
	requireContains(t, m.View(), "“"+sandbox.SearchPhoneContactName+"”", "Find ▸ "+sandbox.SearchPhoneContactName)
	// The list moved over the lead: back returns to it, and nothing is before it.
	m = press(t, m, keyMsg("esc"))
	if leadOnScreen(m) != sandbox.LeadBasic || m.hist.canBack() || len(m.hist.pages) != 2 {
		t.Fatalf("back from the search shows %d, %d pages", leadOnScreen(m), len(m.hist.pages))
	}
}

func TestPastedLeadURLBecomesItsID(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 80, 24))
	url := c.LeadWebURL(sandbox.LeadBasic)
	m = press(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(url), Paste: true})
	if got := m.input.value(); got != idText(sandbox.LeadBasic) {
		t.Fatalf("pasted URL left %q in the input", got)
	}
	srv.ResetCounts()
	m = press(t, m, keyMsg("enter"))
	requireContains(t, m.View(), sandbox.LeadBasicName)
	if n := srv.Requests(sandbox.EndpointLeads); n != 1 {
		t.Errorf("lead requests = %d, want 1", n)
	}
}

func TestLookupShowsSummaryAndResolvesEveryTab(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	srv.ResetCounts()
	m = lookUp(t, m, idText(sandbox.LeadBasic))

	requireContains(t, m.View(), sandbox.LeadBasicName, sandbox.LeadBasicStageName, sandbox.PipelineSalesName,
		sandbox.UserSalesName, "12,500 USD", "2 days ago", "[Fields 4]")
	wants := map[int][]string{
		tabTags:      {"[" + sandbox.LeadBasicTagColored + "]", "[" + sandbox.LeadBasicTagPlain + "]"},
		tabContacts:  {"* " + sandbox.LeadBasicContactName, "main contact", sandbox.LeadBasicContactPhone, sandbox.LeadBasicContactEmail},
		tabCompanies: {sandbox.LeadBasicCompanyName},
		tabCatalog:   {sandbox.LeadBasicProductName, sandbox.LeadBasicServiceName, sandbox.CatalogProductsName, "1.5"},
		tabJSON:      {`"id": 10000001`, `"name": "Website redesign for Acme"`},
	}
	for tab, texts := range wants {
		m = press(t, m, tabKey(tab))
		requireContains(t, m.View(), texts...)
	}
	// One request for the lead, then one per kind and per catalog.
	for endpoint, want := range map[string]int{
		sandbox.EndpointLeads: 1, sandbox.EndpointContacts: 1, sandbox.EndpointCompanies: 1, sandbox.EndpointCatalogElements: 2,
	} {
		if got := srv.Requests(endpoint); got != want {
			t.Errorf("%s requests = %d, want %d", endpoint, got, want)
		}
	}
}

func TestRevisitCostsNoRequestAndRefreshRefetches(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 80, 24))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	m = lookUp(t, m, idText(sandbox.LeadLost))
	requireContains(t, m.View(), sandbox.LostReasonName)

	srv.ResetCounts()
	m = press(t, m, keyMsg("["))
	requireContains(t, m.View(), sandbox.LeadBasicName)
	m = press(t, m, keyMsg("]"))
	requireContains(t, m.View(), sandbox.LostReasonName)
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, m.View(), sandbox.LeadBasicName)
	if n := srv.TotalRequests(); n != 0 {
		t.Fatalf("revisiting cached leads sent %d requests", n)
	}

	m = press(t, m, keyMsg("r"))
	requireContains(t, m.View(), sandbox.LeadBasicName, "Refreshed")
	for endpoint, want := range map[string]int{
		sandbox.EndpointLeads: 1, sandbox.EndpointContacts: 1, sandbox.EndpointCompanies: 1, sandbox.EndpointCatalogElements: 2,
	} {
		if got := srv.Requests(endpoint); got != want {
			t.Errorf("refresh: %s requests = %d, want %d", endpoint, got, want)
		}
	}
}

func TestHistoryGoesBackAndForthAndForgetsTheForwardBranch(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 80, 24))
	for _, id := range []int64{sandbox.LeadBasic, sandbox.LeadLost, sandbox.LeadWon} {
		m = lookUp(t, m, idText(id))
	}
	m = press(t, m, keyMsg("["), keyMsg("["))
	if leadOnScreen(m) != sandbox.LeadBasic {
		t.Fatalf("two steps back show %d", leadOnScreen(m))
	}
	m = press(t, m, keyMsg("esc"))
	if leadOnScreen(m) != 0 {
		t.Fatal("esc from the first lead did not go back to the leads list")
	}
	if m.keys.Back.Enabled() {
		t.Error("back is offered at the start of history")
	}
	m = press(t, m, keyMsg("["))
	if leadOnScreen(m) != 0 {
		t.Fatal("back at the start of history moved")
	}
	m = press(t, m, keyMsg("]"), keyMsg("]"))
	if leadOnScreen(m) != sandbox.LeadLost {
		t.Fatalf("forward shows %d", leadOnScreen(m))
	}
	// A new lead from the middle drops the forward branch, as a browser does.
	m = lookUp(t, m, idText(sandbox.LeadPartners))
	if m.keys.Forward.Enabled() {
		t.Error("forward is offered after a new visit from the middle of history")
	}
	m = press(t, m, keyMsg("["))
	if leadOnScreen(m) != sandbox.LeadLost {
		t.Fatalf("back after the new visit shows %d", leadOnScreen(m))
	}
}

func TestStaleAnswerIsDroppedAndSupersededLookupCancelled(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 80, 24))

	m = typeText(t, m, idText(sandbox.LeadLost))
	next, first := m.Update(keyMsg("enter"))
	m = next.(Model)
	m = press(t, m, keyMsg("/"))
	m = typeText(t, m, idText(sandbox.LeadBasic))
	next, second := m.Update(keyMsg("enter"))
	m = next.(Model)

	// The first lookup's answer arrives late: its context was cancelled and
	// whatever it says must not reach the screen.
	late := collect(first)
	var sawLead bool
	for _, msg := range late {
		if lm, ok := msg.(leadpage.FetchedMsg); ok {
			sawLead = true
			if !errors.Is(lm.Err, context.Canceled) {
				t.Errorf("superseded lookup was not cancelled: err = %v", lm.Err)
			}
		}
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	if !sawLead {
		t.Fatal("the first lookup produced no lead answer")
	}
	if leadOnScreen(m) != 0 {
		t.Fatalf("a stale answer reached the screen: lead %d", leadOnScreen(m))
	}
	requireContains(t, m.View(), "Loading lead "+idText(sandbox.LeadBasic))

	m, _ = drive(t, m, second)
	requireContains(t, m.View(), sandbox.LeadBasicName)
	requireLacks(t, m.View(), "Loading")

	// A fresh answer for the first lead, tagged with its old sequence, is
	// dropped too.
	stale := leadpage.FetchedMsg{Seq: 1, ID: sandbox.LeadLost, Lead: &api.Lead{ID: sandbox.LeadLost, Name: "stale"}}
	next, _ = m.Update(stale)
	requireLacks(t, next.(Model).View(), "stale")
}

func TestErrorsShowInStatusAndKeepTheLead(t *testing.T) {
	cases := []struct {
		name   string
		faults sandbox.Faults
		want   string
	}{
		{"missing lead 204", sandbox.Faults{}, "not found"},
		{"missing lead 404", sandbox.Faults{MissingLead404: true}, "not found"},
		{"rate limited", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 90}, "rate limited by Kommo, wait 90s and try again"},
		{"blocked", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultBlockedHTML}, "Kommo blocked this account or IP"},
		{"unpaid", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 402}, "the Kommo account is unpaid"},
		{"server", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 503}, "Kommo server error"},
		{"malformed", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultMalformedJSON}, "Kommo sent a response leadscope cannot read"},
		{"dropped connection", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultDropConnection}, "network error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, c := startSandbox(t, sandbox.Options{})
			m := start(t, newTestModel(t, testOptions(c), 100, 30))
			m = lookUp(t, m, idText(sandbox.LeadBasic))
			srv.SetFaults(tc.faults)
			id := sandbox.LeadLost
			if tc.want == "not found" {
				id = sandbox.LeadMissing
			}
			m = lookUp(t, m, idText(id))
			view := m.View()
			requireContains(t, view, "Lead "+idText(id)+": "+tc.want, sandbox.LeadBasicName)
			if m.loading() {
				t.Error("still loading after the error")
			}
		})
	}
}

func TestNotAuthenticatedSaysHowToLogIn(t *testing.T) {
	srv, _ := startSandbox(t, sandbox.Options{})
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	c, err := api.New(api.Options{BaseURL: srv.URL(), Credentials: api.StaticToken("revoked"), MaxRetries: -1, HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	requireContains(t, m.View(), "Could not load the account: not authenticated, run `leadscope login`")
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, m.View(), "Lead "+idText(sandbox.LeadBasic)+": not authenticated, run `leadscope login`")
}

func TestFailedPartShowsInItsTabAndRefreshRetriesIt(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointContacts, Fault: sandbox.FaultStatus, Status: 500})
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	m = press(t, m, tabKey(tabContacts))
	requireContains(t, m.View(), sandbox.LeadBasicName, "Could not load contacts: Kommo server error",
		"#"+idText(sandbox.LeadBasicContact))
	m = press(t, m, tabKey(tabCompanies))
	requireContains(t, m.View(), sandbox.LeadBasicCompanyName)

	srv.ClearFaults()
	srv.ResetCounts()
	// Revisiting fetches only what failed.
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	m = press(t, m, tabKey(tabContacts))
	requireContains(t, m.View(), sandbox.LeadBasicContactName)
	if got := srv.TotalRequests(); got != 1 || srv.Requests(sandbox.EndpointContacts) != 1 {
		t.Errorf("retrying the failed part sent %d requests, want 1 to contacts: %v, 429s: %d", got, srv.RequestCounts(), srv.RateLimited())
	}
}

func TestUsersNotPermittedShowsIDs(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{UsersForbidden: true})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	view := m.View()
	requireContains(t, view, "#"+idText(sandbox.UserSales), sandbox.LeadBasicStageName)
	requireLacks(t, view, "not permitted", sandbox.UserSalesName)
}

func TestEscapeSequencesFromTheAPIAreInert(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadEscapes))
	for tab := 0; tab < tabCount; tab++ {
		m = press(t, m, tabKey(tab))
		view := m.View()
		// The renderer prints no colour, so any escape or bell would be the data's.
		if i := strings.IndexAny(view, "\x1b\a\u009b"); i >= 0 {
			t.Fatalf("tab %s: control character in view at %d: %q", tabTitles[tab], i, view[max(0, i-20):min(len(view), i+20)])
		}
	}
	m = press(t, m, tabKey(tabFields))
	requireContains(t, m.View(), "Escaped ␛]52;c;aGk=␇ lead ␛[2J")
}

func TestKeysHelpOffersOnlyWhatWorks(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	footer := func(m Model) string {
		lines := strings.Split(m.View(), "\n")
		return lines[len(lines)-1]
	}
	// The leads list: its keys, and nothing to go back to.
	requireContains(t, footer(m), "enter open lead", "tab views", "f filters", "/ lookup", "q quit")
	requireLacks(t, footer(m), "tab tabs", "r refresh", "[ back", "ctrl+c quit")

	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, footer(m), "tab tabs", "/ lookup", "r refresh", "o open", "[ back", "? help", "q quit")
	requireLacks(t, footer(m), "enter look up", "] forward")

	m = press(t, m, keyMsg("["))
	requireContains(t, footer(m), "] forward", "/ lookup", "o open")
	requireLacks(t, footer(m), "[ back", "tab tabs")
	m = press(t, m, keyMsg("]"))

	m = press(t, m, keyMsg("/"))
	requireContains(t, footer(m), "enter look up", "esc leave the box", "ctrl+c quit")
	requireLacks(t, footer(m), "q quit", "r refresh")

	m = press(t, m, keyMsg("esc"), keyMsg("?"))
	requireContains(t, m.View(), "shift+tab", "pgup", "home", "copy link", "back", "alt+1…8")
	m = press(t, m, keyMsg("?"))
	requireLacks(t, m.View(), "shift+tab")
}

func TestQuitKeys(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 80, 24))
	m = press(t, m, keyMsg("/"))
	next, cmd := m.Update(keyMsg("q"))
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("q quit while the input had focus")
		}
	}
	nm := next.(Model)
	if got := nm.input.value(); got != "q" {
		t.Fatalf("q in the input typed %q", got)
	}
	m = press(t, next.(Model), keyMsg("backspace"))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s did nothing", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s did not quit", k)
		}
	}
}

func TestOpenAndCopyTheLeadURL(t *testing.T) {
	t.Setenv("TMUX", "") // the OSC 52 route, even when the tests run in tmux
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	url := c.LeadWebURL(sandbox.LeadBasic)

	var opened string
	m.open = func(u string) error { opened = u; return nil }
	m = press(t, m, keyMsg("o"))
	if opened != url {
		t.Errorf("opened %q, want %q", opened, url)
	}
	requireContains(t, m.View(), "Opened in the browser")

	m.open = func(string) error { return errNoBrowserInTests }
	m = press(t, m, keyMsg("o"))
	requireContains(t, m.View(), "No browser to open; it is at "+url)

	var clip bytes.Buffer
	m.clipboard = &clip
	m = press(t, m, keyMsg("y"))
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(url)) + "\a"
	if !strings.Contains(clip.String(), want) {
		t.Errorf("clipboard got %q, want OSC 52 %q", clip.String(), want)
	}
	requireContains(t, m.View(), "Sent to the terminal's clipboard: "+url)
}

func TestScrollingMovesTheContentAndShowsThePosition(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadHuge))
	footer := func() string {
		lines := strings.Split(m.View(), "\n")
		return lines[len(lines)-1]
	}
	top := footer()
	if !strings.Contains(top, "1–") || !strings.Contains(top, " of ") {
		t.Fatalf("the huge lead's fields show no position: %q", top)
	}
	firstField := firstContentLine(m)
	m = press(t, m, keyMsg("down"))
	requireContains(t, footer(), "2–")
	if firstContentLine(m) == firstField {
		t.Error("down did not move the content")
	}
	m = press(t, m, keyMsg("end"))
	if pos := footer(); !regexp.MustCompile(`–(\d+) of (\d+)$`).MatchString(pos) || !lastIsTotal(pos) {
		t.Errorf("end does not show the last field: %q", pos)
	}
	m = press(t, m, keyMsg("home"))
	if firstContentLine(m) != firstField {
		t.Error("home did not go back to the top")
	}
	// Each tab keeps its own place.
	m = press(t, m, keyMsg("pgdown"), tabKey(tabTags), tabKey(tabFields))
	if firstContentLine(m) == firstField {
		t.Error("switching tabs lost the scroll position")
	}
}

// firstContentLine is the first line under the tab bar's rule.
func firstContentLine(m Model) string {
	lines := strings.Split(m.View(), "\n")
	rules := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "───") {
			rules++
			if rules == 2 && i+1 < len(lines) {
				return lines[i+1]
			}
		}
	}
	return ""
}

func TestTooSmallAndResize(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 59, 20))
	requireContains(t, m.View(), "Make the terminal larger", "59×20")
	next, _ := m.Update(tea.WindowSizeMsg{Width: 60, Height: 19})
	requireContains(t, next.(Model).View(), "Make the terminal larger")
	next, _ = next.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	requireLacks(t, next.(Model).View(), "Make the terminal larger")
	for _, size := range [][2]int{{0, 0}, {1, 1}, {5, 100}, {300, 3}} {
		tiny, _ := next.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		view := tiny.(Model).View()
		lines := strings.Split(view, "\n")
		if len(lines) > max(size[1], 1) {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for _, l := range lines {
			if lipgloss.Width(l) > size[0] {
				t.Errorf("%dx%d: line %q too wide", size[0], size[1], l)
			}
		}
	}
}

func TestNotLoggedInScreen(t *testing.T) {
	opts := testOptions(nil)
	opts.LoginHint = "no stored credentials\x1b[2J"
	m := newTestModel(t, opts, 80, 24)
	if cmd := m.Init(); cmd != nil {
		if msgs := collect(cmd); len(msgs) != 0 {
			t.Fatalf("the not-logged-in screen started work: %v", msgs)
		}
	}
	view := m.View()
	requireContains(t, view, "leadscope login", "KOMMO_TOKEN", "leadscope --demo", "no stored credentials␛[2J", "q to quit")
	for _, k := range []string{"/", "r", "enter", "tab"} {
		next, _ := m.Update(keyMsg(k))
		if next.(Model).View() != view {
			t.Errorf("%q changed the not-logged-in screen", k)
		}
	}
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q did not quit")
	}
}

// lastIsTotal reads a position "a–b of n" and says whether b is n.
func lastIsTotal(footer string) bool {
	m := regexp.MustCompile(`–(\d+) of (\d+)$`).FindStringSubmatch(footer)
	return m != nil && m[1] == m[2]
}

// Kommo's web card shows times in the account's zone; so does the browser
// unless told otherwise, and it says which zone when it is not the
// machine's. Calendar dates are midnight there, so they read the same.
func TestTimesAreInTheAccountsZoneAndSaySo(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.Location = nil // the default: the account's zone
	m := start(t, newTestModel(t, opts, 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, m.View(), "times in "+sandbox.AccountTimezone, "Created      2024-04-29 21:00", "Contract start  2024-07-01")

	opts.Location = time.UTC
	m = start(t, newTestModel(t, opts, 120, 40))
	m = lookUp(t, m, idText(sandbox.LeadBasic))
	requireContains(t, m.View(), "Created      2024-04-30 00:00", "Contract start  2024-07-01")
	requireLacks(t, m.View(), "times in")
}

// A lead URL from another account names a different lead here: it is
// refused in the box, before any request.
func TestAnotherAccountsLeadURLIsRefused(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	srv.ResetCounts()
	url := "https://other.kommo.com/leads/detail/" + idText(sandbox.LeadLost)
	m = press(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(url), Paste: true}, keyMsg("enter"))
	requireContains(t, m.View(), "lead URL is for other.kommo.com")
	if m.input.value() != url {
		t.Errorf("the refused URL was not kept for correcting: %q", m.input.value())
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("a foreign lead URL sent %d requests", n)
	}
}
