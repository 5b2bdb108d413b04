package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// leadNaming is a lead that refers to a stage, users and a list.
func leadNaming(pipeline, status, user, catalog int64) *api.Lead {
	l := &api.Lead{ID: 1, PipelineID: pipeline, StatusID: status, ResponsibleUserID: user, CreatedBy: user, UpdatedBy: user}
	l.Embedded.CatalogElements = []api.CatalogElementRef{{ID: 9, Metadata: api.CatalogMetadata{CatalogID: catalog, Quantity: 1}}}
	return l
}

func loadTestDirectory(t *testing.T, srv *recorder) *api.Directory {
	t.Helper()
	d, err := newClient(t, srv.URL).LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDirectoryUnknownNamesTheMissingParts(t *testing.T) {
	d := loadTestDirectory(t, directoryServer(t, nil))
	for _, tc := range []struct {
		name string
		lead *api.Lead
		want api.DirectoryPart
	}{
		{"all known", leadNaming(3177727, 142, 504141, 4521), 0},
		{"no stage, no user, no list", &api.Lead{ID: 1}, 0},
		{"new stage", leadNaming(3177727, 777, 504141, 4521), api.PartPipelines},
		{"new pipeline", leadNaming(9, 142, 504141, 4521), api.PartPipelines},
		{"new user", leadNaming(3177727, 142, 1, 4521), api.PartUsers},
		{"new list", leadNaming(3177727, 142, 504141, 77), api.PartCatalogs},
		{"everything new", leadNaming(9, 9, 9, 9), api.PartPipelines | api.PartUsers | api.PartCatalogs},
		{"nil lead", nil, 0},
	} {
		if got := d.Unknown(tc.lead); got != tc.want {
			t.Errorf("%s: Unknown = %v, want %v", tc.name, got, tc.want)
		}
		if d.Knows(tc.lead) != (tc.want == 0) {
			t.Errorf("%s: Knows disagrees with Unknown", tc.name)
		}
	}
	var none *api.Directory
	if got := none.Unknown(leadNaming(1, 1, 1, 1)); got != api.AllParts {
		t.Errorf("a nil directory lacks %v, want everything", got)
	}
	if (&api.Directory{}).Unknown(&api.Lead{ID: 1})&api.PartAccount == 0 {
		t.Error("a directory without the account does not ask for it")
	}
}

// Users a non-administrator may not list, and lists the account does not
// show, cannot become names by refreshing: they count as known.
func TestDirectoryForbiddenPartsAreNotUnknown(t *testing.T) {
	forbidden := func(w http.ResponseWriter) {
		writeJSON(w, 403, "application/problem+json", `{"title":"Forbidden"}`)
	}
	d := loadTestDirectory(t, directoryServer(t, map[string]func(http.ResponseWriter){"/api/v4/users": forbidden, "/api/v4/catalogs": forbidden}))
	if got := d.Unknown(leadNaming(3177727, 142, 1, 77)); got != 0 {
		t.Errorf("Unknown = %v, want nothing", got)
	}
}

func TestRefreshDirectoryReloadsOnlyTheParts(t *testing.T) {
	srv := directoryServer(t, nil)
	c := newClient(t, srv.URL)
	old := loadTestDirectory(t, srv)
	old.Pipelines = old.Pipelines[:1]
	old.Users = nil
	before := srv.count()
	fresh, err := c.RefreshDirectory(context.Background(), old, api.PartPipelines)
	if err != nil {
		t.Fatal(err)
	}
	if n := srv.count() - before; n != 1 {
		t.Errorf("refreshing pipelines sent %d requests", n)
	}
	if len(fresh.Pipelines) != 2 || len(old.Pipelines) != 1 {
		t.Errorf("pipelines: fresh %d, old %d; want 2 and the old one untouched", len(fresh.Pipelines), len(old.Pipelines))
	}
	if fresh.Users != nil || fresh.Account != old.Account {
		t.Error("parts not asked for changed")
	}
}

// A refresh that fails keeps what was loaded, unless the failure says the
// part is now forbidden; a required part's failure fails the refresh.
func TestRefreshDirectoryFailures(t *testing.T) {
	status := 500
	srv := directoryServer(t, map[string]func(http.ResponseWriter){
		"/api/v4/users": func(w http.ResponseWriter) {
			writeJSON(w, status, "application/problem+json", `{"title":"Trouble"}`)
		},
	})
	c := newClient(t, srv.URL, func(o *api.Options) { o.MaxRetries = -1 })
	old := loadTestDirectory(t, directoryServer(t, nil))

	kept, err := c.RefreshDirectory(context.Background(), old, api.PartUsers)
	if err != nil || len(kept.Users) != 2 || kept.UsersErr != nil {
		t.Errorf("a 500 on refresh: %d users, UsersErr %v, err %v; want the old users kept", len(kept.Users), kept.UsersErr, err)
	}
	status = 403
	cleared, err := c.RefreshDirectory(context.Background(), old, api.PartUsers)
	if err != nil || cleared.Users != nil || !errors.Is(cleared.UsersErr, api.ErrForbidden) {
		t.Errorf("a 403 on refresh: users %v, UsersErr %v, err %v", cleared.Users, cleared.UsersErr, err)
	}
	status = 500
	first, err := c.LoadDirectory(context.Background())
	if err != nil || first.UsersErr == nil {
		t.Errorf("a 500 on the first load: UsersErr %v, err %v", first.UsersErr, err)
	}

	broken := directoryServer(t, map[string]func(http.ResponseWriter){
		"/api/v4/leads/pipelines": func(w http.ResponseWriter) { writeJSON(w, 500, "text/plain", "down") },
	})
	if d, err := newClient(t, broken.URL, func(o *api.Options) { o.MaxRetries = -1 }).RefreshDirectory(context.Background(), old, api.PartPipelines); err == nil || d != nil {
		t.Errorf("a failed pipelines refresh returned %v, %v", d, err)
	}
}

// The directory's JSON (the persistent cache's format) reads back into an
// equal directory, stages included.
func TestDirectoryJSONRoundTrip(t *testing.T) {
	d := loadTestDirectory(t, directoryServer(t, nil))
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back api.Directory
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, d) {
		t.Errorf("round trip changed the directory:\n got %+v\nwant %+v", back, *d)
	}
	if _, s, ok := back.Status(3177727, 142); !ok || s.Color != "#CCFF66" {
		t.Errorf("stage lost in the round trip: %+v %v", s, ok)
	}
}

func TestDirectoryPartNames(t *testing.T) {
	if got := (api.PartPipelines | api.PartUsers).String(); got != "pipelines+users" {
		t.Errorf("got %q", got)
	}
	if got := api.DirectoryPart(0).String(); got != "none" {
		t.Errorf("got %q", got)
	}
}

// Every part has its row: loading, Unknown and the cache all go by the rows.
func TestEveryPartHasARow(t *testing.T) {
	var all api.DirectoryPart
	for _, p := range api.Parts() {
		if p.String() == "none" || all&p != 0 {
			t.Errorf("part %b is unnamed or listed twice", p)
		}
		all |= p
	}
	if all != api.AllParts {
		t.Errorf("the rows cover %b, AllParts is %b", all, api.AllParts)
	}
}
