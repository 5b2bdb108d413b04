package sandbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServeHTTP feeds arbitrary requests to the handler: whatever arrives, it
// answers with a status and a request ID and never panics.
func FuzzServeHTTP(f *testing.F) {
	for _, seed := range []struct{ method, target, auth, body string }{
		{"GET", "/api/v4/leads/10000001?with=contacts,source", "Bearer " + Token, ""},
		{"GET", "/api/v4/contacts?filter[id][]=1&filter[id]=2,x&limit=999&page=-4", "Bearer " + Token, ""},
		{"GET", "/api/v4/catalogs/5000001/elements?page=99999999999999999999", "Bearer " + Token, ""},
		{"POST", "/oauth2/access_token", "", "grant_type=refresh_token&refresh_token=x&client_id=" + DefaultClientID},
		{"POST", "/oauth", "", "consent=%zz&decision=allow"},
		{"GET", "/oauth?client_id=" + DefaultClientID + "&code_challenge=a&code_challenge_method=S256", "", ""},
		{"DELETE", "/api/v4/leads/-1", "bearer  ", "{"},
		{"GET", "/api/v4/leads/10000010/notes?limit=250&page=2&order[updated_at]=sideways", "Bearer " + Token, ""},
		{"GET", "/api/v4/events?filter[entity]=lead&filter[entity_id][]=10000010&filter[type][]=x&limit=101", "Bearer " + Token, ""},
		{"GET", "/api/v4/tasks?filter[entity_type]=leads&filter[entity_id]=1,x&order[complete_till]=asc", "Bearer " + Token, ""},
		{"GET", "/api/v4/contacts/custom_fields/groups?page=0", "Bearer " + Token, ""},
	} {
		f.Add(seed.method, seed.target, seed.auth, seed.body)
	}
	s := New(Options{RateLimit: -1})
	f.Fuzz(func(t *testing.T, method, target, auth, body string) {
		u, err := url.Parse(target)
		if err != nil || !strings.HasPrefix(u.Path, "/") {
			return
		}
		req := &http.Request{Method: method, URL: u, Header: http.Header{}, Host: "127.0.0.1:1", Body: io.NopCloser(strings.NewReader(body))}
		req.Header.Set("Authorization", auth)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code < 200 || rec.Code > 599 || rec.Header().Get("X-Request-Id") == "" {
			t.Fatalf("%s %s answered %d", method, target, rec.Code)
		}
	})
}
