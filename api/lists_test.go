package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// contactsServer answers /api/v4/contacts like Kommo: the asked IDs that
// exist, pageSize per page, with _links.next while more remain.
func contactsServer(t *testing.T, pageSize int, exists func(int64) bool) *recorder {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var ids []int64
		for _, s := range q["filter[id][]"] {
			id, _ := strconv.ParseInt(s, 10, 64)
			if exists(id) {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		page, _ := strconv.Atoi(q.Get("page"))
		page = max(page, 1)
		from := min((page-1)*pageSize, len(ids))
		to := min(from+pageSize, len(ids))
		var items []string
		for _, id := range ids[from:to] {
			items = append(items, fmt.Sprintf(`{"id":%d,"name":"Contact %d","custom_fields_values":null}`, id, id))
		}
		links := fmt.Sprintf(`{"self":{"href":"%s"}`, r.URL)
		if to < len(ids) {
			q.Set("page", strconv.Itoa(page+1))
			links += fmt.Sprintf(`,"next":{"href":"http://%s%s?%s"}`, r.Host, r.URL.Path, q.Encode())
		}
		links += "}"
		writeJSON(w, 200, hal, fmt.Sprintf(`{"_page":%d,"_links":%s,"_embedded":{"contacts":[%s]}}`, page, links, strings.Join(items, ",")))
	})
}

func TestContactsAreBatchedAndDeduplicated(t *testing.T) {
	srv := contactsServer(t, 250, func(int64) bool { return true })
	var ids []int64
	for i := range int64(600) {
		ids = append(ids, 600-i)
	}
	ids = append(ids, 5, 5, 0, -3, 17) // duplicates and impossible IDs
	got, err := newClient(t, srv.URL).Contacts(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 600 || got[0].ID != 600 || got[599].ID != 1 || got[0].Name != "Contact 600" {
		t.Fatalf("got %d contacts, first %+v", len(got), got[0])
	}
	reqs := srv.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3 for 600 IDs", len(reqs))
	}
	for _, r := range reqs {
		n := len(r.URL.Query()["filter[id][]"])
		if n > 250 {
			t.Errorf("%d IDs in one request", n)
		}
		if !strings.Contains(r.URL.RawQuery, "filter%5Bid%5D%5B%5D=") {
			t.Errorf("filter not encoded as Kommo's PHP client does: %s", r.URL.RawQuery[:60])
		}
	}
}

func TestContactsFollowNextLinks(t *testing.T) {
	srv := contactsServer(t, 2, func(int64) bool { return true })
	got, err := newClient(t, srv.URL).Contacts(context.Background(), []int64{1, 2, 3, 4, 5})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids, []int64{1, 2, 3, 4, 5}) || srv.count() != 3 {
		t.Errorf("ids %v after %d requests, want 1..5 after 3", ids, srv.count())
	}
}

func TestContactsMissingAndEmpty(t *testing.T) {
	srv := contactsServer(t, 250, func(id int64) bool { return id%2 == 0 })
	c := newClient(t, srv.URL)
	got, err := c.Contacts(context.Background(), []int64{1, 2, 3, 4})
	if err != nil || len(got) != 2 {
		t.Errorf("got %v, %v; want contacts 2 and 4", got, err)
	}
	got, err = c.Contacts(context.Background(), []int64{1, 3}) // 204
	if err != nil || len(got) != 0 {
		t.Errorf("204: got %v, %v; want an empty list", got, err)
	}
	before := srv.count()
	if got, err := c.Contacts(context.Background(), nil); err != nil || len(got) != 0 || srv.count() != before {
		t.Errorf("no IDs: %v, %v, %d requests", got, err, srv.count()-before)
	}
}

// A server that ignores the filter and pages forever must not drag the
// client along.
func TestPagingStopsOnEndlessOrForeignLinks(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		writeJSON(w, 200, hal, fmt.Sprintf(`{"_links":{"next":{"href":"https://evil.example/api/v4/contacts?page=%d"}},"_embedded":{"contacts":[{"id":%d}]}}`, page+1, 1000+page))
	})
	got, err := newClient(t, srv.URL).Contacts(context.Background(), []int64{1})
	var cut *api.Cut
	if !errors.As(err, &cut) || !errors.Is(err, api.ErrTruncated) || len(got) != 0 || cut.Kept != 0 || cut.Asked != 1 {
		t.Fatalf("got %v, %v; want no contact and a cut", got, err)
	}
	if want := "contacts: 0 of 1 shown, the rest exceeded the 8-page limit"; err.Error() != want {
		t.Errorf("cut says %q, want %q", err, want)
	}
	if n := srv.count(); n > 10 {
		t.Errorf("%d requests for one contact", n)
	}
	for _, r := range srv.requests() {
		if r.Host != strings.TrimPrefix(srv.URL, "http://") {
			t.Errorf("request went to %s", r.Host)
		}
	}
}

func TestCatalogElementsPerCatalog(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, hal, `{"_embedded":{"elements":[{"id":7,"name":"Widget","custom_fields_values":[{"field_code":"SKU","field_type":"text","values":[{"value":"W-7"}]}]}]}}`)
	})
	got, err := newClient(t, srv.URL).CatalogElements(context.Background(), 4521, []int64{7})
	if err != nil || len(got) != 1 || got[0].Name != "Widget" || got[0].CatalogID != 4521 {
		t.Fatalf("got %+v, %v", got, err)
	}
	if p := srv.requests()[0].URL.Path; p != "/api/v4/catalogs/4521/elements" {
		t.Errorf("path %s", p)
	}
	if _, err := newClient(t, srv.URL).CatalogElements(context.Background(), 0, []int64{7}); err == nil {
		t.Error("catalog 0 accepted")
	}
}

func TestUsersForbiddenIsNotPermitted(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 403, "application/problem+json", `{"title":"Forbidden","status":403,"detail":"Access denied"}`)
	})
	_, err := newClient(t, srv.URL).Users(context.Background())
	mustKind(t, err, api.ErrForbidden)
	if !strings.Contains(err.Error(), "not permitted") {
		t.Errorf("message %q", err)
	}
}
