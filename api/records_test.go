package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// Opening a contact with 50 leads costs two requests: the contact, then its leads in one batch.
func TestContactAndItsLeadsInTwoRequests(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	contact, err := c.GetContact(ctx, sandbox.ContactManyLeads)
	if err != nil {
		t.Fatal(err)
	}
	want := rawFromSandbox(t, srv, fmt.Sprintf("/api/v4/contacts/%d?with=leads", sandbox.ContactManyLeads))
	if contact.Name != sandbox.ContactManyLeadsName || string(contact.Raw) != string(want) || contact.CreatedAt == 0 ||
		contact.ResponsibleUserID == 0 || len(contact.Phones()) == 0 || len(contact.Embedded.Leads) != sandbox.ContactManyLeadsCount {
		t.Fatalf("contact %+v", contact)
	}
	var ids []int64
	for _, ref := range contact.Embedded.Leads {
		ids = append(ids, ref.ID)
	}
	// Reversed, with a duplicate and a lead that does not exist: order kept, extras dropped.
	asked := append([]int64{sandbox.LeadMissing}, ids...)
	for i, j := 1, len(asked)-1; i < j; i, j = i+1, j-1 {
		asked[i], asked[j] = asked[j], asked[i]
	}
	asked = append(asked, ids[0])
	srv.ResetCounts()
	leads, err := c.LeadsByID(ctx, asked)
	if err != nil {
		t.Fatal(err)
	}
	if len(leads) != sandbox.ContactManyLeadsCount || srv.TotalRequests() != 1 {
		t.Fatalf("%d leads in %d requests", len(leads), srv.TotalRequests())
	}
	for i, l := range leads {
		if l.ID != asked[i+1] || len(l.Raw) == 0 {
			t.Fatalf("lead %d at %d, want %d", l.ID, i, asked[i+1])
		}
	}
	if got := srv.Requests(sandbox.EndpointContacts); got != 0 {
		t.Errorf("%d contact requests", got)
	}
}

func TestLeadsByIDBatchesOf250(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	c := sandboxClient(t, srv, func(o *api.Options) { o.RatePerSecond = fastRate })
	ids := sandbox.BulkLeadIDs()[:600]
	leads, err := c.LeadsByID(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(leads) != 600 || srv.Requests(sandbox.EndpointLeads) != 3 {
		t.Errorf("%d leads in %d requests", len(leads), srv.Requests(sandbox.EndpointLeads))
	}
	if none, err := c.LeadsByID(context.Background(), []int64{0, -1}); err != nil || len(none) != 0 || srv.Requests(sandbox.EndpointLeads) != 3 {
		t.Errorf("no valid IDs: %v %v", none, err)
	}
}

func TestCompanyWithLeadsAndContacts(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	company, err := c.GetCompany(context.Background(), sandbox.CompanyManyLeads)
	if err != nil {
		t.Fatal(err)
	}
	if company.Name != sandbox.CompanyManyLeadsName || len(company.Embedded.Leads) != sandbox.CompanyManyLeadsCount ||
		len(company.Embedded.Contacts) != sandbox.CompanyManyLeadsContacts || len(company.Raw) == 0 || len(company.Phones()) == 0 {
		t.Errorf("company %+v", company)
	}
	contact, err := c.GetContact(context.Background(), sandbox.LeadBasicContact)
	if err != nil || len(contact.Embedded.Companies) != 1 || contact.Embedded.Companies[0].ID != sandbox.LeadBasicCompany {
		t.Errorf("contact's companies: %+v %v", contact, err)
	}
}

func TestCatalogElementAlone(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	e, err := sandboxClient(t, srv).GetCatalogElement(context.Background(), sandbox.CatalogProducts, sandbox.LeadBasicProduct)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, f := range e.CustomFields {
		codes[f.FieldCode] = true
	}
	if e.Name != sandbox.LeadBasicProductName || e.CatalogID != sandbox.CatalogProducts || !codes["SKU"] || !codes["PRICE"] || !codes["UNIT"] {
		t.Errorf("element %+v", e)
	}
}

func TestMissingRecordsAreNotFound(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	get := map[string]func() error{
		"contact": func() error { _, err := c.GetContact(ctx, sandbox.ContactMissing); return err },
		"company": func() error { _, err := c.GetCompany(ctx, sandbox.CompanyMissing); return err },
		"element": func() error { _, err := c.GetCatalogElement(ctx, sandbox.CatalogProducts, 1); return err },
	}
	for _, as404 := range []bool{false, true} {
		srv.SetFaults(sandbox.Faults{MissingLead404: as404})
		for what, f := range get {
			e := mustKind(t, f(), api.ErrNotFound)
			if want := map[bool]int{false: http.StatusNoContent, true: http.StatusNotFound}[as404]; e.Status != want {
				t.Errorf("%s: status %d, want %d", what, e.Status, want)
			}
		}
	}
	srv.ResetCounts()
	for _, err := range []error{
		func() error { _, err := c.GetContact(ctx, 0); return err }(),
		func() error { _, err := c.GetCompany(ctx, -4); return err }(),
		func() error { _, err := c.GetCatalogElement(ctx, 0, 5); return err }(),
		func() error { _, err := c.GetCatalogElement(ctx, 5, 0); return err }(),
	} {
		mustKind(t, err, api.ErrBadRequest)
	}
	if srv.TotalRequests() != 0 {
		t.Errorf("bad IDs cost %d requests", srv.TotalRequests())
	}
}
