package tui

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/recordpage"
	"github.com/muesli/termenv"
)

// The record pages' tabs, in order.
const (
	recordTabLeads = iota
	recordTabFields
	recordTabLinked
	recordTabTags
	recordTabJSON
	recordTabCount
)

// navigate opens t as a page's enter would, and runs what it starts.
func navigate(t testing.TB, m Model, target common.Target) Model {
	t.Helper()
	m.setFocus(focusContent) // a page's enter comes while the page has the keys
	next, cmd := m.Update(common.NavigateMsg{Target: target})
	m, _ = drive(t, next.(Model), cmd)
	return m
}

// recordOnScreen is the contact, company or element on screen.
func recordOnScreen(m Model) common.Target {
	switch p := m.hist.current().(type) {
	case *recordpage.Page:
		return p.Target()
	case *recordpage.ElementPage:
		return p.Target()
	}
	return common.Target{}
}

func footerLine(m Model) string {
	lines := strings.Split(m.View(), "\n")
	return lines[len(lines)-1]
}

// contactLead is one of ContactManyLeads's leads, asked of the sandbox.
func contactLeads(t *testing.T, c *api.Client) []int64 {
	t.Helper()
	ct, err := c.GetContact(context.Background(), sandbox.ContactManyLeads)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, 0, len(ct.Embedded.Leads))
	for _, l := range ct.Embedded.Leads {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestLeadTabsOpenTheEntryUnderTheCursor(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 100, 30))
	requireLacks(t, footerLine(m), "enter open")

	m = press(t, m, tabKey(tabContacts))
	requireContains(t, footerLine(m), "enter open", "1 of 2")
	requireContains(t, m.View(), "> * "+sandbox.LeadBasicContactName)
	m = press(t, m, keyMsg("down"))
	requireContains(t, footerLine(m), "2 of 2")
	requireContains(t, m.View(), ">   Carlos Mendes")
	m = press(t, m, keyMsg("up"), keyMsg("enter"))
	if got := recordOnScreen(m); got.Kind != common.TargetContact || got.ID != sandbox.LeadBasicContact {
		t.Fatalf("enter opened %+v, want contact %d:\n%s", got, sandbox.LeadBasicContact, m.View())
	}
	requireContains(t, m.View(), sandbox.LeadBasicContactName, "contact", "> Website redesign for")

	m = press(t, m, keyMsg("["), tabKey(tabCompanies), keyMsg("enter"))
	if got := recordOnScreen(m); got.Kind != common.TargetCompany || got.ID != sandbox.LeadBasicCompany {
		t.Fatalf("enter on Companies opened %+v", got)
	}
	requireContains(t, m.View(), sandbox.LeadBasicCompanyName, "company")

	m = press(t, m, keyMsg("["), tabKey(tabCatalog), keyMsg("down"), keyMsg("enter"))
	if got := recordOnScreen(m); got.Kind != common.TargetCatalogElement || got.ID != sandbox.LeadBasicService || got.CatalogID != sandbox.CatalogServices {
		t.Fatalf("enter on Catalog opened %+v", got)
	}
	requireContains(t, m.View(), sandbox.LeadBasicServiceName, "List         "+sandbox.CatalogServicesName, "Price", "150 USD", "Unit")

	// The lead page kept its tab and cursor.
	m = press(t, m, keyMsg("["))
	if leadOnScreen(m) != sandbox.LeadBasic {
		t.Fatalf("back did not return to the lead")
	}
	requireContains(t, m.View(), "[Catalog 2]", "> Installation", "2 of 2")
	requireContains(t, footerLine(m), "enter open")
	m = press(t, m, tabKey(tabFields))
	requireLacks(t, footerLine(m), "enter open")
	m = press(t, m, keyMsg("enter")) // nothing to open on Fields
	if leadOnScreen(m) != sandbox.LeadBasic {
		t.Fatal("enter on Fields left the lead")
	}
}

func TestOpeningAContactCostsTwoRequestsAndBackNone(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	leads := contactLeads(t, c)
	opts := testOptions(c)
	opts.InitialLead = leads[0]
	m := start(t, newTestModel(t, opts, 120, 40))
	m = press(t, m, tabKey(tabContacts))
	srv.ResetCounts()
	m = press(t, m, keyMsg("enter"))
	if got := recordOnScreen(m); got.ID != sandbox.ContactManyLeads {
		t.Fatalf("opened %+v:\n%s", got, m.View())
	}
	// The contact with its leads' IDs, then its 50 leads in one batch.
	if got := srv.RequestCounts(); got[sandbox.EndpointContacts] != 1 || got[sandbox.EndpointLeads] != 1 || srv.TotalRequests() != 2 {
		t.Errorf("opening a contact with %d leads cost %v", sandbox.ContactManyLeadsCount, got)
	}
	requireContains(t, m.View(), sandbox.ContactManyLeadsName, "[Leads 50]", "Leads        50: ")
	requireContains(t, footerLine(m), "1 of 50")

	// Down to the fourth lead, open it, come back: the cursor is still there.
	m = press(t, m, keyMsg("down"), keyMsg("down"), keyMsg("down"))
	requireContains(t, footerLine(m), "4 of 50")
	selected := selectedLeadRow(t, m)
	m = press(t, m, keyMsg("enter"))
	opened := leadOnScreen(m)
	if opened == 0 || !strings.Contains(m.View(), "#"+idText(opened)) {
		t.Fatalf("enter on a lead row did not open it:\n%s", m.View())
	}
	requireContains(t, selected, leadNameOf(t, m))
	srv.ResetCounts()
	m = press(t, m, keyMsg("["))
	if got := recordOnScreen(m); got.ID != sandbox.ContactManyLeads {
		t.Fatalf("back showed %+v", got)
	}
	requireContains(t, footerLine(m), "4 of 50")
	if selectedLeadRow(t, m) != selected {
		t.Errorf("the selected row changed:\n%s", m.View())
	}
	m = press(t, m, keyMsg("]"), keyMsg("["))
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("back and forward cost %d requests (%v)", n, srv.RequestCounts())
	}
	// The same contact opened again from the lead: the run's cache answers.
	m = press(t, m, keyMsg("]"), tabKey(tabContacts), keyMsg("enter"))
	if got := recordOnScreen(m); got.ID != sandbox.ContactManyLeads || srv.TotalRequests() != 0 {
		t.Errorf("reopening the contact: %+v, %v requests", got, srv.RequestCounts())
	}
	requireContains(t, footerLine(m), "1 of 50") // a new page starts at the top
}

// selectedLeadRow is the leads table's marked row.
func selectedLeadRow(t *testing.T, m Model) string {
	t.Helper()
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.HasPrefix(l, "> ") {
			return l
		}
	}
	t.Fatalf("no selected row:\n%s", m.View())
	return ""
}

// leadNameOf is the lead page's title, cut as the table cuts names.
func leadNameOf(t *testing.T, m Model) string {
	t.Helper()
	title := m.hist.current().Title()
	r := []rune(title)
	return string(r[:min(len(r), 12)])
}

func TestCompanyPageOpensItsContactsAndLoadsThemOnlyOnTheirTab(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	srv.ResetCounts()
	m = navigate(t, m, common.Target{Kind: common.TargetCompany, ID: sandbox.CompanyManyLeads})
	requireContains(t, m.View(), sandbox.CompanyManyLeadsName, "[Leads 10]", "Contacts 9")
	if got := srv.RequestCounts(); got[sandbox.EndpointCompanies] != 1 || got[sandbox.EndpointLeads] != 1 || got[sandbox.EndpointContacts] != 0 {
		t.Errorf("opening the company cost %v", got)
	}
	m = press(t, m, tabKey(recordTabLinked))
	if got := srv.Requests(sandbox.EndpointContacts); got != 1 {
		t.Errorf("the Contacts tab cost %d contact requests, want 1", got)
	}
	requireContains(t, m.View(), "[Contacts 9]", "> ")
	requireContains(t, footerLine(m), "enter open", "1 of 9")
	m = press(t, m, keyMsg("down"), keyMsg("enter"))
	contact := recordOnScreen(m)
	if contact.Kind != common.TargetContact {
		t.Fatalf("enter on Contacts opened %+v", contact)
	}
	m = press(t, m, tabKey(recordTabLinked))
	requireContains(t, m.View(), sandbox.CompanyManyLeadsName) // the contact's company
	srv.ResetCounts()
	m = press(t, m, keyMsg("["))
	requireContains(t, m.View(), "[Contacts 9]")
	requireContains(t, footerLine(m), "2 of 9")
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("back cost %d requests", n)
	}
	for tab, want := range map[int]string{recordTabFields: "Phone", recordTabTags: "has no tags", recordTabJSON: `"id": ` + idText(sandbox.CompanyManyLeads)} {
		m = press(t, m, tabKey(tab))
		requireContains(t, m.View(), want)
	}
}

func TestRecordFailuresLeaveThePageAndSaySo(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 100, 30))
	for _, tc := range []struct {
		target common.Target
		faults sandbox.Faults
		says   string
	}{
		{common.Target{Kind: common.TargetContact, ID: sandbox.ContactMissing}, sandbox.Faults{}, "Contact 29999999: not found"},
		{common.Target{Kind: common.TargetCompany, ID: sandbox.CompanyMissing}, sandbox.Faults{MissingLead404: true}, "Company 49999999: not found"},
		{common.Target{Kind: common.TargetContact, ID: sandbox.ContactManyLeads},
			sandbox.Faults{Endpoint: sandbox.EndpointContacts, Fault: sandbox.FaultStatus, Status: 500}, "Contact 21000001: Kommo server error"},
		{common.Target{Kind: common.TargetCatalogElement, ID: 1, CatalogID: sandbox.CatalogProducts}, sandbox.Faults{}, "List element 1: not found"},
	} {
		srv.SetFaults(tc.faults)
		m = navigate(t, m, tc.target)
		if leadOnScreen(m) != sandbox.LeadBasic {
			t.Errorf("%+v: the lead left the screen", tc.target)
		}
		requireContains(t, m.View(), tc.says)
		srv.ClearFaults()
	}
	// A contact whose leads fail still shows, and says what is missing.
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 403})
	m = navigate(t, m, common.Target{Kind: common.TargetContact, ID: sandbox.ContactManyLeads})
	requireContains(t, m.View(), sandbox.ContactManyLeadsName, "Could not load leads: not permitted", "(r retries)")
	srv.ClearFaults()
	m = press(t, m, keyMsg("r"))
	requireContains(t, m.View(), "[Leads 50]", "Refreshed")
	requireLacks(t, m.View(), "Could not load")
	requireContains(t, footerLine(m), "1 of 50")
}

func TestOpenAndCopyWorkOnRecordPages(t *testing.T) {
	t.Setenv("TMUX", "")
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	for _, tc := range []struct {
		target common.Target
		url    string
	}{
		{common.Target{Kind: common.TargetContact, ID: sandbox.LeadBasicContact}, c.ContactWebURL(sandbox.LeadBasicContact)},
		{common.Target{Kind: common.TargetCompany, ID: sandbox.LeadBasicCompany}, c.CompanyWebURL(sandbox.LeadBasicCompany)},
	} {
		m = navigate(t, m, tc.target)
		if !strings.HasSuffix(tc.url, "/detail/"+strconv.FormatInt(tc.target.ID, 10)) {
			t.Fatalf("web URL %q", tc.url)
		}
		var opened string
		m.open = func(u string) error { opened = u; return nil }
		m = press(t, m, keyMsg("o"))
		if opened != tc.url {
			t.Errorf("o opened %q, want %q", opened, tc.url)
		}
		var clip bytes.Buffer
		m.clipboard = &clip
		m = press(t, m, keyMsg("y"))
		if want := base64.StdEncoding.EncodeToString([]byte(tc.url)); !strings.Contains(clip.String(), want) {
			t.Errorf("y copied %q, want %q", clip.String(), tc.url)
		}
		requireContains(t, footerLine(m), "o open", "y copy")
	}
	// A list element has no page in Kommo: o and y are off, not offered.
	m = navigate(t, m, common.Target{Kind: common.TargetCatalogElement, ID: sandbox.LeadBasicProduct, CatalogID: sandbox.CatalogProducts})
	requireContains(t, m.View(), sandbox.LeadBasicProductName, "SKU", "SKU-00001", "Price", "49 USD")
	opened := ""
	m.open = func(u string) error { opened = u; return nil }
	m = press(t, m, keyMsg("o"), keyMsg("y"))
	if opened != "" {
		t.Errorf("o on an element opened %q", opened)
	}
	requireLacks(t, footerLine(m), "o open", "y copy")
}

func TestRecordPagesFitEverySize(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	targets := []common.Target{
		{Kind: common.TargetContact, ID: sandbox.ContactManyLeads},
		{Kind: common.TargetContact, ID: sandbox.LeadBasicContact},
		{Kind: common.TargetCompany, ID: sandbox.CompanyManyLeads},
		{Kind: common.TargetCatalogElement, ID: sandbox.LeadBasicProduct, CatalogID: sandbox.CatalogProducts},
	}
	sizes := [][2]int{{60, 20}, {61, 21}, {72, 22}, {80, 24}, {99, 30}, {120, 40}, {160, 50}, {250, 80}}
	for _, r := range []struct {
		name  string
		color bool
	}{{"plain", false}, {"colour", true}} {
		opts := testOptions(c)
		if r.color {
			opts.Renderer = colourRenderer()
		}
		m := start(t, newTestModel(t, opts, 120, 40))
		for _, target := range targets {
			m = navigate(t, m, target)
			for _, size := range sizes {
				next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = next.(Model)
				for tab := range recordTabCount {
					m = press(t, m, tabKey(tab), keyMsg("end"))
					checkSize(t, m, r.name+" "+recordpage.Describe(target)+" tab "+strconv.Itoa(tab), size[0], size[1])
				}
				m = press(t, m, keyMsg("?"))
				checkSize(t, m, "help on "+recordpage.Describe(target), size[0], size[1])
				m = press(t, m, keyMsg("?"), tabKey(recordTabLeads), keyMsg("home"))
			}
		}
	}
}

func TestEscapesInARecordAreInert(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadEscapes
	m := start(t, newTestModel(t, opts, 120, 40))
	m = press(t, m, tabKey(tabContacts), keyMsg("enter"))
	if recordOnScreen(m).Kind != common.TargetContact {
		t.Fatalf("no contact page:\n%s", m.View())
	}
	for tab := range recordTabCount {
		m = press(t, m, tabKey(tab))
		if v := m.View(); strings.ContainsAny(v, "\x1b\a") {
			t.Errorf("tab %d carries a control sequence: %q", tab, v)
		}
	}
	requireContains(t, m.hist.current().Title(), "Mallory")
}

func colourRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return r
}

// A contact's or company's web address pasted in the find box opens its
// page; another account's is refused before any request.
func TestPastedContactAndCompanyURLsOpenTheirPages(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	paste := func(m Model, text string) Model {
		return press(t, m, keyMsg("/"), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true}, keyMsg("enter"))
	}
	m = paste(m, c.ContactWebURL(sandbox.LeadBasicContact))
	requireContains(t, m.View(), sandbox.LeadBasicContactName, "contact")
	m = paste(m, c.CompanyWebURL(sandbox.LeadBasicCompany))
	requireContains(t, m.View(), sandbox.LeadBasicCompanyName, "company")
	srv.ResetCounts()
	m = paste(m, "https://other.kommo.com/contacts/detail/"+idText(sandbox.LeadBasicContact))
	requireContains(t, m.View(), "other.kommo.com")
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("another account's contact URL sent %d requests", n)
	}
}
