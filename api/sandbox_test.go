package api_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// startSandbox runs the Kommo sandbox on loopback for one test.
func startSandbox(t *testing.T, opts sandbox.Options) *sandbox.Server {
	t.Helper()
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatalf("sandbox: %v", err)
	}
	t.Cleanup(srv.Close)
	return srv
}

func sandboxClient(t *testing.T, srv *sandbox.Server, tweak ...func(*api.Options)) *api.Client {
	t.Helper()
	return newClient(t, srv.URL(), append([]func(*api.Options){func(o *api.Options) {
		o.Credentials = api.StaticToken(sandbox.Token)
		o.RatePerSecond = 0 // the real default: the sandbox enforces Kommo's limit
	}}, tweak...)...)
}

func TestSandboxLeadViewEndToEnd(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	dir, err := c.LoadDirectory(ctx)
	if err != nil {
		t.Fatalf("LoadDirectory: %v", err)
	}
	srv.ResetCounts()
	lead, err := c.GetLead(ctx, sandbox.LeadBasic)
	if err != nil {
		t.Fatalf("GetLead: %v", err)
	}
	if lead.Name != sandbox.LeadBasicName || lead.Price != sandbox.LeadBasicPrice {
		t.Errorf("lead %q %d", lead.Name, lead.Price)
	}
	_, stage, ok := dir.Status(lead.PipelineID, lead.StatusID)
	if !ok || stage.Name != sandbox.LeadBasicStageName || !strings.EqualFold(stage.Color, sandbox.LeadBasicStageColor) {
		t.Errorf("stage %+v %v", stage, ok)
	}
	if name, ok := dir.UserName(sandbox.UserAdmin); !ok || name != sandbox.UserAdminName {
		t.Errorf("user %q %v", name, ok)
	}
	var tagColor string
	for _, tag := range lead.Embedded.Tags {
		if tag.Name == sandbox.LeadBasicTagColored {
			tagColor = tag.Color
		}
	}
	if !strings.EqualFold(tagColor, sandbox.LeadBasicTagColor) {
		t.Errorf("tag colour %q", tagColor)
	}
	rel := c.LoadRelated(ctx, lead)
	if len(rel.Errs) > 0 {
		t.Fatalf("LoadRelated: %v", rel.Errs)
	}
	var main api.Contact
	for _, ct := range rel.Contacts {
		if ct.ID == lead.MainContactID() {
			main = ct
		}
	}
	if main.Name != sandbox.LeadBasicContactName ||
		!slices.ContainsFunc(main.Phones(), func(p string) bool { return strings.HasPrefix(p, sandbox.LeadBasicContactPhone) }) ||
		!slices.ContainsFunc(main.Emails(), func(e string) bool { return strings.HasPrefix(e, sandbox.LeadBasicContactEmail) }) {
		t.Errorf("main contact %q phones %q emails %q", main.Name, main.Phones(), main.Emails())
	}
	if len(rel.Companies) != 1 || rel.Companies[0].Name != sandbox.LeadBasicCompanyName {
		t.Errorf("companies %+v", rel.Companies)
	}
	names := map[string]bool{}
	for _, e := range rel.CatalogElements {
		names[e.Name] = true
	}
	if !names[sandbox.LeadBasicProductName] || !names[sandbox.LeadBasicServiceName] {
		t.Errorf("elements %v", names)
	}
	for endpoint, want := range map[string]int{
		sandbox.EndpointLeads: 1, sandbox.EndpointContacts: 1, sandbox.EndpointCompanies: 1, sandbox.EndpointCatalogElements: 2,
	} {
		if got := srv.Requests(endpoint); got != want {
			t.Errorf("%s: %d requests, want %d", endpoint, got, want)
		}
	}
}

func TestSandboxHugeLeadCostsOneRequestPerKind(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	lead, err := c.GetLead(context.Background(), sandbox.LeadHuge)
	if err != nil {
		t.Fatal(err)
	}
	if len(lead.CustomFields) != sandbox.HugeCustomFields || len(lead.Embedded.Contacts) != sandbox.HugeContacts ||
		len(lead.Embedded.CatalogElements) != sandbox.HugeCatalogElements || len(lead.Embedded.Tags) != sandbox.HugeTags {
		t.Errorf("fields %d contacts %d elements %d tags %d", len(lead.CustomFields), len(lead.Embedded.Contacts),
			len(lead.Embedded.CatalogElements), len(lead.Embedded.Tags))
	}
	rel := c.LoadRelated(context.Background(), lead)
	if len(rel.Errs) > 0 || len(rel.Contacts) != sandbox.HugeContacts || len(rel.CatalogElements) != sandbox.HugeCatalogElements ||
		len(rel.Companies) != sandbox.HugeCompanies {
		t.Errorf("related: %d contacts, %d elements, %d companies, errs %v", len(rel.Contacts), len(rel.CatalogElements), len(rel.Companies), rel.Errs)
	}
	for _, endpoint := range []string{sandbox.EndpointContacts, sandbox.EndpointCompanies, sandbox.EndpointCatalogElements} {
		if got := srv.Requests(endpoint); got != 1 {
			t.Errorf("%s: %d requests, want 1", endpoint, got)
		}
	}
}

func TestSandboxLostLeadsAndLossReasonShapes(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	for id, reason := range map[int64]string{sandbox.LeadLost: sandbox.LostReasonName, sandbox.LeadLostObject: sandbox.LostObjectReasonName} {
		lead, err := c.GetLead(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if lead.StatusID != api.StatusLost || lead.Embedded.LossReason == nil || lead.Embedded.LossReason.Name != reason {
			t.Errorf("lead %d: status %d loss reason %+v", id, lead.StatusID, lead.Embedded.LossReason)
		}
	}
	lead, _ := c.GetLead(context.Background(), sandbox.LeadLost)
	if lead.Embedded.Source == nil || lead.Embedded.Source.Name != sandbox.LostSourceName {
		t.Errorf("source %+v", lead.Embedded.Source)
	}
}

func TestSandboxEveryFieldTypeFormats(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	lead, err := sandboxClient(t, srv).GetLead(context.Background(), sandbox.LeadAllFieldTypes)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, f := range lead.CustomFields {
		text := api.FormatField(f, time.UTC)
		seen[f.FieldType] = text
		if text == "" {
			t.Errorf("%s field %q formats as nothing: %+v", f.FieldType, f.FieldName, f.Values)
		}
	}
	for _, typ := range append(sandbox.AllFieldTypes(), sandbox.UnknownFieldType) {
		if _, ok := seen[typ]; !ok {
			t.Errorf("no %s field decoded", typ)
		}
	}
	if got := seen["checkbox"]; got != "yes" && got != "no" {
		t.Errorf("checkbox shows %q", got)
	}
	if got := seen["chained_list"]; !strings.Contains(got, "element #") {
		t.Errorf("chained_list shows %q", got)
	}
}

// TestSandboxFieldsInTheAccountsTerms formats every field type the way
// `get` does: calendar dates in the account's zone, timestamps in the
// viewer's, money in the account's currency, lists by name.
func TestSandboxFieldsInTheAccountsTerms(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	dir, err := c.LoadDirectory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	zone, ok := dir.Account.Location()
	if !ok || zone.String() != sandbox.AccountTimezone {
		t.Fatalf("account zone %v %v", zone, ok)
	}
	if name, ok := dir.Account.TaskTypeName(sandbox.TaskTypeQuote); !ok || name != sandbox.TaskTypeQuoteName {
		t.Errorf("task type %q %v", name, ok)
	}
	if f := dir.Account.IsAPIFilterEnabled; f == nil || !*f || len(dir.Account.UsersGroups) != 2 {
		t.Errorf("filter flag %v, groups %+v", f, dir.Account.UsersGroups)
	}
	if got := srv.Requests(sandbox.EndpointAccount); got != 1 {
		t.Errorf("%d account requests, want 1", got)
	}
	lead, err := c.GetLead(ctx, sandbox.LeadAllFieldTypes)
	if err != nil {
		t.Fatal(err)
	}
	rel := c.LoadRelated(ctx, lead)
	losAngeles, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	ff := api.FieldFormatter{
		Location: losAngeles, DateLocation: zone, Currency: dir.Account.Currency,
		CatalogName: dir.CatalogName,
		ElementName: func(catalogID, id int64) (string, bool) {
			for _, e := range rel.CatalogElements {
				if e.ID == id && e.CatalogID == catalogID {
					return e.Name, true
				}
			}
			return "", false
		},
	}
	shown := map[string]string{}
	for _, f := range lead.CustomFields {
		shown[f.FieldName] = ff.Format(f)
	}
	for name, want := range map[string][]string{
		"Contract start":   {sandbox.LeadBasicContractStart},
		"Founder birthday": {"1990-05-17"},
		"Kick-off call":    {"2024-07-01 05:30"},
		"Deal value":       {"12,500 USD"},
		"Deposit":          {"2,500.50 USD"},
		"Legal entity":     {"BIN " + sandbox.LegalEntityBIN, "actual address 25 North Colonnade", "BIC 044525225"},
		"Payer":            {"(companies #", "legal entity", "BIN " + sandbox.PayerBIN, "director Ann Lee", "OKED 62010"},
		"Supplier":         {"account " + sandbox.SupplierBankAccount, "MFO 300001"},
		"Order items":      {"VAT 20%", "total 1,349.97 USD", "1.5 m × 1,249", "discount 20 USD", "VAT 0%", "total 1,853.50 USD"},
		"Warehouse chain":  {"element #50200001 (Warehouses)", sandbox.LeadBasicProductName + " (" + sandbox.CatalogProductsName + ")"},
	} {
		for _, w := range want {
			if !strings.Contains(shown[name], w) {
				t.Errorf("%s = %q, want %q in it", name, shown[name], w)
			}
		}
	}
	// In the viewer's zone the same value is the day before: the test can fail.
	local := api.FieldFormatter{Location: losAngeles}
	for _, f := range lead.CustomFields {
		if f.FieldName == "Contract start" && local.Format(f) == sandbox.LeadBasicContractStart {
			t.Error("midnight in the account's zone shows the same date in Los Angeles")
		}
	}
}

func TestSandboxCatalogPriceFollowsTheLeadsPriceID(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	lead, err := c.GetLead(context.Background(), sandbox.LeadBasic)
	if err != nil {
		t.Fatal(err)
	}
	rel := c.LoadRelated(context.Background(), lead)
	for _, ref := range lead.Embedded.CatalogElements {
		if ref.ID != sandbox.LeadBasicProduct {
			continue
		}
		for _, e := range rel.CatalogElements {
			if e.ID != ref.ID {
				continue
			}
			onLead, ok := e.Price(ref.Metadata.PriceID)
			first, _ := e.Price(nil)
			if !ok || api.FormatField(onLead, time.UTC) != sandbox.LeadBasicProductPriceOnLead || api.FormatField(first, time.UTC) != "49" {
				t.Errorf("price on the lead %q, first price %q", api.FormatField(onLead, time.UTC), api.FormatField(first, time.UTC))
			}
			return
		}
	}
	t.Fatal("LeadBasicProduct not resolved")
}

func TestSandboxEveryLeadDecodes(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	c := sandboxClient(t, srv, func(o *api.Options) { o.RatePerSecond = fastRate })
	for _, id := range sandbox.LeadIDs() {
		lead, err := c.GetLead(context.Background(), id)
		if err != nil {
			t.Errorf("lead %d: %v", id, err)
			continue
		}
		if lead.ID != id || len(lead.Raw) == 0 {
			t.Errorf("lead %d decoded as %d", id, lead.ID)
		}
		for _, f := range lead.CustomFields {
			api.FormatField(f, time.Local)
		}
	}
}

// The fault matrix at the client level: each fault over real HTTP, the
// error kind it must produce and how many lead requests it may cost.
func TestSandboxFaultMatrix(t *testing.T) {
	const retries = 2 // newClient's MaxRetries
	for _, tc := range []struct {
		name     string
		faults   sandbox.Faults
		lead     int64
		kind     error // nil: success
		requests int   // 0: not checked exactly (the transport may resend)
		minReq   int
		text     string
	}{
		{name: "missing lead 204", lead: sandbox.LeadMissing, kind: api.ErrNotFound, requests: 1},
		{name: "missing lead 404", faults: sandbox.Faults{MissingLead404: true}, lead: sandbox.LeadMissing, kind: api.ErrNotFound, requests: 1},
		{name: "402", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 402}, kind: api.ErrPaymentRequired, requests: 1},
		{name: "403 problem+json", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 403}, kind: api.ErrForbidden, requests: 1},
		{name: "403 html block page", faults: sandbox.Faults{Fault: sandbox.FaultBlockedHTML}, kind: api.ErrBlocked, requests: 1, text: "blocked"},
		{name: "429 once then success", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1, Times: 1}, requests: 2},
		{name: "429 body retry_after only", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1, Times: 1, OmitRetryAfterHeader: true}, requests: 2},
		{name: "429 longer than the cap", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 60}, kind: api.ErrRateLimited, requests: 1, text: "retry in 1m0s"},
		{name: "500 once", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 500, Times: 1}, requests: 2},
		{name: "502 once", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 502, Times: 1}, requests: 2},
		{name: "503 once", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 503, Times: 1}, requests: 2},
		{name: "504 once", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 504, Times: 1}, requests: 2},
		{name: "500 forever", faults: sandbox.Faults{Fault: sandbox.FaultStatus, Status: 500}, kind: api.ErrServer, requests: 1 + retries},
		{name: "stall past the timeout", faults: sandbox.Faults{Fault: sandbox.FaultStall}, kind: api.ErrNetwork, requests: 1 + retries, text: "timed out"},
		{name: "dropped connection", faults: sandbox.Faults{Fault: sandbox.FaultDropConnection}, kind: api.ErrNetwork, minReq: 1 + retries},
		{name: "malformed JSON", faults: sandbox.Faults{Fault: sandbox.FaultMalformedJSON}, kind: api.ErrBadResponse, requests: 1, text: "malformed JSON"},
		{name: "truncated body", faults: sandbox.Faults{Fault: sandbox.FaultTruncatedBody}, kind: api.ErrBadResponse, minReq: 1 + retries, text: "truncated"},
		{name: "cut JSON", faults: sandbox.Faults{Fault: sandbox.FaultCutJSON}, kind: api.ErrBadResponse, requests: 1, text: "malformed JSON"},
		{name: "wrong content type", faults: sandbox.Faults{Fault: sandbox.FaultWrongContentType}, kind: api.ErrBadResponse, requests: 1, text: "text/plain"},
		{name: "50 MB body", faults: sandbox.Faults{Fault: sandbox.FaultHugeBody}, kind: api.ErrBadResponse, requests: 1, text: "larger than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := startSandbox(t, sandbox.Options{})
			c := sandboxClient(t, srv, func(o *api.Options) {
				o.Timeout = 300 * time.Millisecond
				o.MaxRetryWait = 5 * time.Second
			})
			srv.SetFaults(tc.faults)
			id := tc.lead
			if id == 0 {
				id = sandbox.LeadBasic
			}
			lead, err := c.GetLead(context.Background(), id)
			got := srv.Requests(sandbox.EndpointLeads)
			switch {
			case tc.kind == nil && err != nil:
				t.Fatalf("GetLead: %v", err)
			case tc.kind == nil && lead.ID != id:
				t.Fatalf("got lead %d", lead.ID)
			case tc.kind != nil:
				mustKind(t, err, tc.kind)
				if !strings.Contains(err.Error(), tc.text) {
					t.Errorf("message %q lacks %q", err, tc.text)
				}
			}
			if tc.requests > 0 && got != tc.requests {
				t.Errorf("%d requests, want %d", got, tc.requests)
			}
			if got < tc.minReq {
				t.Errorf("%d requests, want at least %d", got, tc.minReq)
			}
		})
	}
}

func TestSandboxUnauthorized(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	t.Run("refresh succeeds", func(t *testing.T) {
		srv.ResetCounts()
		creds := &renewing{token: "expired-token", next: sandbox.Token}
		if _, err := sandboxClient(t, srv, func(o *api.Options) { o.Credentials = creds }).GetLead(context.Background(), sandbox.LeadBasic); err != nil {
			t.Fatal(err)
		}
		if srv.Requests(sandbox.EndpointLeads) != 2 || len(creds.renewCalls()) != 1 {
			t.Errorf("%d requests, %d renewals", srv.Requests(sandbox.EndpointLeads), len(creds.renewCalls()))
		}
	})
	t.Run("refresh fails", func(t *testing.T) {
		srv.ResetCounts()
		creds := &renewing{token: "expired-token", err: errSessionExpired}
		_, err := sandboxClient(t, srv, func(o *api.Options) { o.Credentials = creds }).GetLead(context.Background(), sandbox.LeadBasic)
		mustKind(t, err, api.ErrUnauthorized)
		if !errors.Is(err, errSessionExpired) || srv.Requests(sandbox.EndpointLeads) != 1 {
			t.Errorf("%v after %d requests", err, srv.Requests(sandbox.EndpointLeads))
		}
	})
	t.Run("static token refused", func(t *testing.T) {
		_, err := sandboxClient(t, srv, func(o *api.Options) { o.Credentials = api.StaticToken("nope") }).GetLead(context.Background(), sandbox.LeadBasic)
		mustKind(t, err, api.ErrUnauthorized)
	})
}

func TestSandboxUsersForbiddenIsQuiet(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{UsersForbidden: true})
	dir, err := sandboxClient(t, srv).LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(dir.UsersErr, api.ErrForbidden) {
		t.Errorf("UsersErr = %v", dir.UsersErr)
	}
	if _, _, ok := dir.Status(sandbox.PipelineSales, api.StatusWon); !ok {
		t.Error("won stage of Sales not found")
	}
	if name, ok := dir.CatalogName(sandbox.CatalogProducts); !ok || name != sandbox.CatalogProductsName {
		t.Errorf("catalog %q %v", name, ok)
	}
}

func TestSandboxConnectionRefusedMidSession(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	if _, err := c.GetLead(context.Background(), sandbox.LeadBasic); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	_, err := c.GetLead(context.Background(), sandbox.LeadBasic)
	mustKind(t, err, api.ErrNetwork)
}

// Fifty lookups fired at once stay under the sandbox's own 7/s limit.
func TestSandboxBurstIsNeverRateLimited(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about eight seconds")
	}
	t.Parallel()
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ids := sandbox.LeadIDs()
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			if _, err := c.GetLead(context.Background(), ids[i%len(ids)]); err != nil {
				t.Errorf("GetLead: %v", err)
			}
		})
	}
	wg.Wait()
	if n := srv.RateLimited(); n != 0 {
		t.Errorf("the sandbox answered 429 %d times", n)
	}
	if n := srv.Requests(sandbox.EndpointLeads); n != 50 {
		t.Errorf("%d requests, want 50", n)
	}
}
