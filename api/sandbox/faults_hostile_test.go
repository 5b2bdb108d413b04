package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

func TestEndlessPagesNeverEnd(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultEndlessPages, PageBytes: 1 << 20, Count: 50})
	for _, path := range []string{"/api/v4/users", "/api/v4/catalogs", "/api/v4/leads/pipelines", "/api/v4/contacts?filter[id][]=1",
		"/api/v4/catalogs/123/elements?filter[id][]=5", "/api/v4/leads"} {
		seen := map[int64]bool{}
		next := path
		for page := 1; page <= 3; page++ {
			a := get(t, s, strings.TrimPrefix(next, s.URL())).want(t, 200, contentHAL)
			if len(a.body) > 1<<20 || len(a.body) < 1<<20-4096 {
				t.Errorf("%s page %d is %d bytes, want just under 1 MiB", path, page, len(a.body))
			}
			v := a.json(t)
			items := list(t, v, "_embedded", listKind(strings.SplitN(path, "?", 2)[0]))
			if len(items) != 50 {
				t.Fatalf("%s page %d has %d entities, want 50", path, page, len(items))
			}
			for i := range items {
				id := num(t, items, i, "id")
				if seen[id] || id < generatedIDBase {
					t.Errorf("%s page %d: entity %d is not fresh", path, page, id)
				}
				seen[id] = true
			}
			if name, _ := dig(t, items, 0, "name").(string); len(name) < 10<<10 {
				t.Errorf("%s: names are short (%d bytes): nothing pads the page", path, len(name))
			}
			next = dig(t, v, "_links", "next", "href").(string)
			if !strings.Contains(next, fmt.Sprintf("page=%d", page+1)) {
				t.Fatalf("%s page %d: next %q", path, page, next)
			}
		}
	}
	// The fault leaves what is not a list alone, and does not count it.
	get(t, s, basicPath).want(t, 200, contentHAL)
	getWith(t, s, "/api/v4/users", "wrong-token").problem(t, 401)
	get(t, s, "/api/v4/account").want(t, 200, contentHAL)
	if n := s.FaultsInjected(); n != 19 {
		t.Errorf("FaultsInjected %d, want 19 (lists only)", n)
	}
}

func TestEndlessPageIsStreamed(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultEndlessPages})
	before := totalAlloc()
	for range 4 {
		req, _ := http.NewRequest(http.MethodGet, s.URL()+"/api/v4/users?page=7", nil)
		req.Header.Set("Authorization", "Bearer "+Token)
		resp, err := testClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if n != resp.ContentLength || n > DefaultPageBytes || n < DefaultPageBytes-4096 {
			t.Fatalf("page of %d bytes, Content-Length %d, want about %d", n, resp.ContentLength, DefaultPageBytes)
		}
	}
	// Four 8 MiB pages cost the sandbox (and this test's reads) far less than one page.
	if grew := totalAlloc() - before; grew > 4<<20 {
		t.Errorf("serving 4 pages allocated %d MiB: the pages are held, not streamed", grew>>20)
	}
}

func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

func TestDeepJSONLead(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultDeepJSON})
	a := get(t, s, basicPath+"?with=contacts").want(t, 200, contentHAL)
	if !json.Valid(a.body) || len(a.body) < 16000 || len(a.body) > 40000 {
		t.Fatalf("deep lead: %d bytes, valid %v", len(a.body), json.Valid(a.body))
	}
	if !strings.Contains(string(a.body), strings.Repeat("[", 8000)+strings.Repeat("]", 8000)) {
		t.Error("no value nested 8000 deep")
	}
	var lead struct {
		ID       int64 `json:"id"`
		Embedded struct {
			Contacts []any `json:"contacts"`
		} `json:"_embedded"`
	}
	if err := json.Unmarshal(a.body, &lead); err != nil || lead.ID != LeadBasic || len(lead.Embedded.Contacts) == 0 {
		t.Errorf("the deep lead is not lead %d with its links: %+v %v", LeadBasic, lead, err)
	}
	s.SetFaults(Faults{Fault: FaultDeepJSON, Count: 464})
	a = get(t, s, basicPath).want(t, 200, contentHAL)
	if n := strings.Count(string(a.body), `{"value":[[[`); n != 464 || len(a.body) < 7<<20 || len(a.body) > 8<<20 {
		t.Errorf("464 deep values: %d found, %d bytes", n, len(a.body))
	}
	get(t, s, "/api/v4/users").want(t, 200, contentHAL)
}

func TestManyFieldValuesLead(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultManyFieldValues})
	a := get(t, s, basicPath).want(t, 200, contentHAL)
	var lead struct {
		ID     int64 `json:"id"`
		Fields []struct {
			Values []json.RawMessage `json:"values"`
		} `json:"custom_fields_values"`
	}
	if err := json.Unmarshal(a.body, &lead); err != nil {
		t.Fatal(err)
	}
	values := 0
	for _, f := range lead.Fields {
		values += len(f.Values)
	}
	if lead.ID != LeadBasic || values < DefaultManyFieldValues || len(a.body) < 6<<20 || len(a.body) > 8<<20 {
		t.Errorf("lead %d with %d values in %d bytes", lead.ID, values, len(a.body))
	}
}

func TestManyCatalogsLead(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultManyCatalogs, PageBytes: 256 << 10})
	v := get(t, s, basicPath+"?with=catalog_elements").want(t, 200, contentHAL).json(t)
	refs := list(t, v, "_embedded", "catalog_elements")
	catalogs := map[int64]bool{}
	for i := range refs {
		catalogs[num(t, refs, i, "metadata", "catalog_id")] = true
	}
	if len(refs) != DefaultManyCatalogs || len(catalogs) != DefaultManyCatalogs {
		t.Fatalf("%d elements in %d lists, want %d in as many", len(refs), len(catalogs), DefaultManyCatalogs)
	}
	path := fmt.Sprintf("/api/v4/catalogs/%d/elements?filter[id][]=%d&page=40", num(t, refs, 7, "metadata", "catalog_id"), num(t, refs, 7, "id"))
	page := get(t, s, path).want(t, 200, contentHAL).json(t)
	elems := list(t, page, "_embedded", "elements")
	if len(elems) != DefaultPageItems || num(t, elems, 0, "id") == num(t, refs, 7, "id") {
		t.Errorf("page 40 of a list: %d elements, first %d", len(elems), num(t, elems, 0, "id"))
	}
	if _, ok := dig(t, page, "_links", "next", "href").(string); !ok {
		t.Error("page 40 has no next page")
	}
	get(t, s, "/api/v4/users").want(t, 200, contentHAL)
}
