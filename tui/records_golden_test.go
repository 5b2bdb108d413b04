package tui

import (
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
)

// goldenSandbox dates the generated data from the tests' clock, so pages
// showing generated leads draw the same every run.
func goldenSandbox(t *testing.T) (*sandbox.Server, *api.Client) {
	t.Helper()
	return startSandbox(t, sandbox.Options{Now: func() time.Time { return testNow }})
}

// goldenRecord is a fresh model at w x h showing target with its data
// loaded: requireGolden ends a model's run for good.
func goldenRecord(t *testing.T, c *api.Client, target common.Target, w, h int) Model {
	t.Helper()
	opts := testOptions(c)
	opts.Demo = true
	return navigate(t, start(t, newTestModel(t, opts, w, h)), target)
}

func TestGoldenContactPage(t *testing.T) {
	srv, c := goldenSandbox(t)
	contact := common.Target{Kind: common.TargetContact, ID: sandbox.LeadBasicContact}
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		for tab, name := range map[int]string{recordTabLeads: "leads", recordTabFields: "fields", recordTabLinked: "companies"} {
			t.Run(size.name+"/"+name, func(t *testing.T) {
				m := press(t, goldenRecord(t, c, contact, size.w, size.h), tabKey(tab))
				requireGolden(t, m, srv.URL(), size.w, size.h)
			})
		}
	}
}

func TestGoldenCompanyPage(t *testing.T) {
	srv, c := goldenSandbox(t)
	company := common.Target{Kind: common.TargetCompany, ID: sandbox.CompanyManyLeads}
	t.Run("80x24/leads", func(t *testing.T) {
		m := press(t, goldenRecord(t, c, company, 80, 24), keyMsg("down"), keyMsg("down"))
		requireGolden(t, m, srv.URL(), 80, 24)
	})
	t.Run("120x40/contacts", func(t *testing.T) {
		m := press(t, goldenRecord(t, c, company, 120, 40), tabKey(recordTabLinked), keyMsg("down"))
		requireGolden(t, m, srv.URL(), 120, 40)
	})
}

func TestGoldenElementPage(t *testing.T) {
	srv, c := goldenSandbox(t)
	element := common.Target{Kind: common.TargetCatalogElement, ID: sandbox.LeadBasicProduct, CatalogID: sandbox.CatalogProducts}
	requireGolden(t, goldenRecord(t, c, element, 80, 24), srv.URL(), 80, 24)
}
