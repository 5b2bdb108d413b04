package api_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// directoryServer serves the start-up endpoints from testdata, with
// per-path overrides.
func directoryServer(t *testing.T, override map[string]func(http.ResponseWriter)) *recorder {
	files := map[string]string{
		"/api/v4/account":         "testdata/account.json",
		"/api/v4/leads/pipelines": "testdata/pipelines.json",
		"/api/v4/users":           "testdata/users.json",
		"/api/v4/catalogs":        "testdata/catalogs.json",
	}
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		if f, ok := override[r.URL.Path]; ok {
			f(w)
			return
		}
		body, err := os.ReadFile(files[r.URL.Path])
		if err != nil {
			writeJSON(w, 404, "application/problem+json", `{"title":"Not Found"}`)
			return
		}
		writeJSON(w, 200, hal, string(body))
	})
}

func TestLoadDirectory(t *testing.T) {
	srv := directoryServer(t, nil)
	d, err := newClient(t, srv.URL).LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if d.Account == nil || d.Account.Subdomain != "acme" || d.Account.CurrentUserID != 504141 {
		t.Errorf("account %+v", d.Account)
	}
	p, s, ok := d.Status(3177727, 142)
	if !ok || p.Name != "Sales" || s.Name != "Closed - won" || s.Color != "#CCFF66" {
		t.Errorf("Status(3177727, 142) = %+v %+v %v", p, s, ok)
	}
	if _, s, ok := d.Status(5000, 142); !ok || s.Name != "Won (partners)" {
		t.Errorf("the second pipeline's 142 = %+v %v", s, ok)
	}
	if _, _, ok := d.Status(1, 142); ok {
		t.Error("unknown pipeline found")
	}
	if name, ok := d.UserName(504141); !ok || name != "Ann Admin" {
		t.Errorf("UserName = %q %v", name, ok)
	}
	if _, ok := d.UserName(1); ok {
		t.Error("unknown user found")
	}
	if name, ok := d.CatalogName(4521); !ok || name != "Products" {
		t.Errorf("CatalogName = %q %v", name, ok)
	}
	if srv.count() != 4 {
		t.Errorf("%d requests, want 4", srv.count())
	}
}

func TestLoadDirectoryToleratesUsersAndCatalogsFailing(t *testing.T) {
	srv := directoryServer(t, map[string]func(http.ResponseWriter){
		"/api/v4/users": func(w http.ResponseWriter) {
			writeJSON(w, 403, "application/problem+json", `{"title":"Forbidden","detail":"Access denied"}`)
		},
		"/api/v4/catalogs": func(w http.ResponseWriter) {
			writeJSON(w, 402, "application/problem+json", `{"title":"Payment Required"}`)
		},
	})
	d, err := newClient(t, srv.URL).LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(d.UsersErr, api.ErrForbidden) || d.Users != nil {
		t.Errorf("UsersErr = %v, Users = %v", d.UsersErr, d.Users)
	}
	if d.CatalogsErr == nil {
		t.Error("CatalogsErr not set")
	}
	if _, ok := d.UserName(504141); ok {
		t.Error("a name without users")
	}
}

func TestLoadDirectoryFailsWithoutAccountOrPipelines(t *testing.T) {
	for _, path := range []string{"/api/v4/account", "/api/v4/leads/pipelines"} {
		srv := directoryServer(t, map[string]func(http.ResponseWriter){
			path: func(w http.ResponseWriter) { writeJSON(w, 401, "application/problem+json", `{"title":"Unauthorized"}`) },
		})
		d, err := newClient(t, srv.URL).LoadDirectory(context.Background())
		if !errors.Is(err, api.ErrUnauthorized) || d != nil {
			t.Errorf("%s failing: %v, %v", path, d, err)
		}
	}
}

func TestNilDirectoryLookups(t *testing.T) {
	var d *api.Directory
	if _, _, ok := d.Status(1, 2); ok {
		t.Error("nil directory found a status")
	}
	if _, ok := d.UserName(1); ok {
		t.Error("nil directory found a user")
	}
}

func TestLoadRelatedOneRequestPerKind(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/v4/contacts":
			writeJSON(w, 200, hal, `{"_embedded":{"contacts":[{"id":2,"name":"Bob"},{"id":1,"name":"Ann","custom_fields_values":[{"field_code":"PHONE","field_type":"multitext","values":[{"value":"+1 555 0100","enum_code":"WORK"}]}]}]}}`)
		case strings.HasPrefix(r.URL.Path, "/api/v4/catalogs/"):
			id := strings.Split(r.URL.Path, "/")[4]
			writeJSON(w, 200, hal, `{"_embedded":{"elements":[{"id":1`+id+`,"name":"Element of `+id+`"},{"id":2`+id+`,"name":"Second of `+id+`"}]}}`)
		default:
			writeJSON(w, 500, "text/plain", "unexpected "+r.URL.Path)
		}
	})
	lead := &api.Lead{ID: 1}
	lead.Embedded.Contacts = []api.ContactRef{{ID: 1, IsMain: true}, {ID: 2}, {ID: 1}}
	lead.Embedded.CatalogElements = []api.CatalogElementRef{
		{ID: 29, Metadata: api.CatalogMetadata{CatalogID: 9, Quantity: 1}},
		{ID: 18, Metadata: api.CatalogMetadata{CatalogID: 8, Quantity: 2.5}},
		{ID: 19, Metadata: api.CatalogMetadata{CatalogID: 9}},
		{ID: 5, Metadata: api.CatalogMetadata{}}, // no list: cannot be asked for
	}
	rel := newClient(t, srv.URL, func(o *api.Options) { o.MaxRetries = -1 }).LoadRelated(context.Background(), lead)
	if len(rel.Errs) != 0 {
		t.Fatalf("errors: %v", rel.Errs)
	}
	if len(rel.Contacts) != 2 || rel.Contacts[0].Name != "Ann" || rel.Contacts[1].Name != "Bob" {
		t.Errorf("contacts %+v", rel.Contacts)
	}
	if phones := rel.Contacts[0].Phones(); len(phones) != 1 || phones[0] != "+1 555 0100 (WORK)" {
		t.Errorf("phones %q", phones)
	}
	var names []string
	for _, e := range rel.CatalogElements {
		names = append(names, e.Name)
	}
	if strings.Join(names, "|") != "Second of 9|Element of 8|Element of 9" {
		t.Errorf("elements in order %q", names)
	}
	paths := map[string]int{}
	for _, r := range srv.requests() {
		paths[r.URL.Path]++
	}
	want := map[string]int{"/api/v4/contacts": 1, "/api/v4/catalogs/9/elements": 1, "/api/v4/catalogs/8/elements": 1}
	if len(paths) != len(want) {
		t.Errorf("requests %v, want %v", paths, want)
	}
	for p, n := range want {
		if paths[p] != n {
			t.Errorf("%s: %d requests, want %d", p, paths[p], n)
		}
	}
}

func TestLoadRelatedReportsFailuresPerKind(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v4/companies" {
			writeJSON(w, 200, hal, `{"_embedded":{"companies":[{"id":3,"name":"Acme"}]}}`)
			return
		}
		writeJSON(w, 403, "application/problem+json", `{"title":"Forbidden"}`)
	})
	lead := &api.Lead{ID: 1}
	lead.Embedded.Contacts = []api.ContactRef{{ID: 1}}
	lead.Embedded.Companies = []api.CompanyRef{{ID: 3}}
	rel := newClient(t, srv.URL).LoadRelated(context.Background(), lead)
	if len(rel.Errs) != 1 || !errors.Is(rel.Errs[0], api.ErrForbidden) {
		t.Errorf("Errs = %v", rel.Errs)
	}
	if len(rel.Companies) != 1 || rel.Companies[0].Name != "Acme" {
		t.Errorf("companies %+v", rel.Companies)
	}
	if got := newClient(t, srv.URL).LoadRelated(context.Background(), &api.Lead{ID: 2}); len(got.Errs) != 0 || srv.count() != 2 {
		t.Errorf("a lead without links sent requests: %d", srv.count())
	}
	if got := newClient(t, srv.URL).LoadRelated(context.Background(), nil); got == nil {
		t.Error("nil Related for a nil lead")
	}
}
