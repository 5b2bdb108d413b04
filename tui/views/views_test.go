package views_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/views"
)

func stages(pid int64, ids ...int64) []api.Status {
	names := map[int64]string{1: "Incoming leads", 2: "Qualified", 3: "Proposal sent", 21: "Incoming leads", 22: "First call",
		api.StatusWon: "Closed - won", api.StatusLost: "Closed - lost"}
	out := []api.Status{}
	for _, id := range append(ids, api.StatusWon, api.StatusLost) {
		out = append(out, api.Status{ID: id, Name: names[id], PipelineID: pid})
	}
	return out
}

var account = views.Account{
	Pipelines: []api.Pipeline{
		{ID: 100, Name: "Sales", Statuses: stages(100, 1, 2, 3)},
		{ID: 200, Name: "Partnerships", Statuses: stages(200, 21, 22)},
	},
	Users:         []api.User{{ID: 7, Name: "Alice Admin"}, {ID: 8, Name: "Boris Petrov"}, {ID: 9, Name: "Boris Ivanov"}},
	CurrentUserID: 7,
}

var (
	berlin = time.FixedZone("UTC+2", 2*3600)
	now    = time.Date(2026, 3, 10, 0, 30, 0, 0, time.UTC) // 02:30 in berlin
)

func resolve(t *testing.T, v views.View) api.LeadQuery {
	t.Helper()
	q, err := v.Resolve(account, now, berlin)
	if err != nil {
		t.Fatalf("%+v: %v", v, err)
	}
	return q
}

func pairs(q api.LeadQuery) []api.StatusRef { return q.Statuses }

func TestBuiltInViews(t *testing.T) {
	all := views.BuiltIn()
	if len(all) != 4 {
		t.Fatalf("%d built-in views", len(all))
	}
	mine := resolve(t, all[0])
	if all[0].Name != views.MyOpenLeads || !slices.Equal(mine.ResponsibleUserIDs, []int64{7}) || len(mine.Statuses) != 5 ||
		slices.ContainsFunc(mine.Statuses, func(s api.StatusRef) bool { return s.StatusID == api.StatusWon || s.StatusID == api.StatusLost }) {
		t.Errorf("my open leads: %+v", mine)
	}
	if open := resolve(t, all[1]); open.ResponsibleUserIDs != nil || len(open.Statuses) != 5 {
		t.Errorf("all open: %+v", open)
	}
	today := resolve(t, all[2])
	if want := time.Date(2026, 3, 10, 0, 0, 0, 0, berlin); !today.UpdatedAt.From.Equal(want) || !today.UpdatedAt.To.IsZero() || today.Statuses != nil {
		t.Errorf("updated today from %v, want %v", today.UpdatedAt.From, want)
	}
	overdue := resolve(t, all[3])
	if !overdue.ClosestTaskAt.To.Equal(now) || !overdue.ClosestTaskAt.From.IsZero() || len(overdue.Statuses) != 5 {
		t.Errorf("overdue: %+v", overdue)
	}
}

func TestResolveNamesAndIDs(t *testing.T) {
	for _, c := range []struct {
		view views.View
		want func(api.LeadQuery) bool
	}{
		{views.View{Pipeline: "sales"}, func(q api.LeadQuery) bool { return slices.Equal(q.PipelineIDs, []int64{100}) && q.Statuses == nil }},
		{views.View{Pipeline: "200", State: views.Open}, func(q api.LeadQuery) bool { return len(q.Statuses) == 2 && q.PipelineIDs == nil }},
		{views.View{Stage: "incoming LEADS"}, func(q api.LeadQuery) bool {
			return slices.Equal(pairs(q), []api.StatusRef{{PipelineID: 100, StatusID: 1}, {PipelineID: 200, StatusID: 21}})
		}},
		{views.View{Pipeline: "Partnerships", Stage: "Incoming leads"}, func(q api.LeadQuery) bool {
			return slices.Equal(pairs(q), []api.StatusRef{{PipelineID: 200, StatusID: 21}})
		}},
		{views.View{Stage: "won"}, func(q api.LeadQuery) bool { return len(q.Statuses) == 2 && q.Statuses[1].StatusID == api.StatusWon }},
		{views.View{State: views.Lost, Pipeline: "Sales"}, func(q api.LeadQuery) bool {
			return slices.Equal(pairs(q), []api.StatusRef{{PipelineID: 100, StatusID: api.StatusLost}})
		}},
		{views.View{Stage: "3", State: views.Open}, func(q api.LeadQuery) bool { return len(q.Statuses) == 1 }},
		{views.View{Responsible: "boris petrov"}, func(q api.LeadQuery) bool { return slices.Equal(q.ResponsibleUserIDs, []int64{8}) }},
		{views.View{Responsible: "Ivanov"}, func(q api.LeadQuery) bool { return slices.Equal(q.ResponsibleUserIDs, []int64{9}) }},
		{views.View{Responsible: "12345"}, func(q api.LeadQuery) bool { return slices.Equal(q.ResponsibleUserIDs, []int64{12345}) }},
		{views.View{Responsible: "anyone"}, func(q api.LeadQuery) bool { return q.ResponsibleUserIDs == nil }},
		{views.View{Query: "  acme ", Tags: []string{" vip ", ""}}, func(q api.LeadQuery) bool { return q.Text == "acme" && slices.Equal(q.Tags, []string{"vip"}) }},
	} {
		if q := resolve(t, c.view); !c.want(q) {
			t.Errorf("%+v resolved to %+v", c.view, q)
		}
	}
}

func TestResolveErrorsAreOneClearLine(t *testing.T) {
	for _, c := range []struct {
		view views.View
		acc  views.Account
		want string
	}{
		{views.View{Name: "Hot", Pipeline: "Salez"}, account, `view "Hot": no pipeline "Salez" (pipelines: Sales, Partnerships)`},
		{views.View{Stage: "Negotiation"}, account, `no stage "Negotiation" (stages: Incoming leads, Qualified, Proposal sent, Closed - won, Closed - lost, First call)`},
		{views.View{Pipeline: "Sales", Stage: "First call"}, account, `no stage "First call"`},
		{views.View{Stage: "won", State: views.Open}, account, `stage "won" cannot hold open leads`},
		{views.View{Responsible: "Boris"}, account, `responsible "Boris" matches 2 users`},
		{views.View{Responsible: "Zed"}, account, `no user "Zed" (users: Alice Admin, Boris Petrov, Boris Ivanov)`},
		{views.View{Responsible: "Alice"}, views.Account{Pipelines: account.Pipelines}, "listing users needs administrator rights"},
		{views.View{Responsible: "me"}, views.Account{Pipelines: account.Pipelines}, "did not say who you are"},
		{views.View{State: views.Open}, views.Account{}, "no stage holds open leads"},
	} {
		_, err := c.view.Resolve(c.acc, now, berlin)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%+v: %v, want %q", c.view, err, c.want)
		}
	}
}

func TestFindAndAll(t *testing.T) {
	configured := []views.View{{Name: "all OPEN", Pipeline: "Sales", State: views.Open}, {Name: "Hot", Tags: []string{"vip"}}}
	all := views.All(configured)
	if len(all) != 5 || all[1].Pipeline != "Sales" || all[4].Name != "Hot" {
		t.Fatalf("all: %+v", all)
	}
	if v, err := views.Find(all, " hot "); err != nil || v.Name != "Hot" {
		t.Errorf("find: %+v %v", v, err)
	}
	if _, err := views.Find(all, "cold"); err == nil || !strings.Contains(err.Error(), `no view named "cold" (views: My open leads,`) {
		t.Errorf("find unknown: %v", err)
	}
}

func TestAccountFromDirectory(t *testing.T) {
	dir := &api.Directory{Account: &api.Account{CurrentUserID: 7}, Pipelines: account.Pipelines}
	if a := views.AccountFrom(dir); a.CurrentUserID != 7 || len(a.Pipelines) != 2 || a.Users != nil {
		t.Errorf("%+v", a)
	}
	if a := views.AccountFrom(nil); a.CurrentUserID != 0 {
		t.Errorf("%+v", a)
	}
}

func TestParseConfig(t *testing.T) {
	got, err := views.Parse([]byte(`{"client_id":"x","views":[
		{"name":"Hot","query":"acme","pipeline":7000001,"stage":"Qualified","responsible":"me","tags":"vip","open":true},
		{"name":"Won this year","state":"won","tags":["a","b"],"responsible":8000002},
		{"name":"Overdue renewals","pipeline":"Renewals","task_overdue":true,"updated_today":false}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []views.View{
		{Name: "Hot", Query: "acme", Pipeline: "7000001", Stage: "Qualified", Responsible: "me", Tags: []string{"vip"}, State: views.Open},
		{Name: "Won this year", State: views.Won, Tags: []string{"a", "b"}, Responsible: "8000002"},
		{Name: "Overdue renewals", Pipeline: "Renewals", TaskOverdue: true},
	}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].Pipeline != want[i].Pipeline || got[i].Responsible != want[i].Responsible ||
			got[i].State != want[i].State || !slices.Equal(got[i].Tags, want[i].Tags) || got[i].TaskOverdue != want[i].TaskOverdue {
			t.Errorf("view %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, empty := range []string{``, `{}`, `{"views":null}`, `{"views":[]}`} {
		if v, err := views.Parse([]byte(empty)); err != nil || len(v) != 0 {
			t.Errorf("%q: %v %v", empty, v, err)
		}
	}
}

func TestParseConfigRefusesMistakes(t *testing.T) {
	for config, want := range map[string]string{
		`{"views":[{"name":"a","pipline":"Sales"}]}`:         `unknown field "pipline"`,
		`{"views":[{"query":"x"}]}`:                          "view 1: a view needs a name",
		`{"views":[{"name":"a"},{"name":" A "}]}`:            `two views are named "A"`,
		`{"views":[{"name":"a","state":"closed"}]}`:          "state must be open, won, lost or any",
		`{"views":[{"name":"a","state":"won","open":true}]}`: "open is true but state is won",
		`{"views":[{"name":"a","tags":[1]}]}`:                "tags must be a list",
		`{"views":[{"name":"a","pipeline":{}}]}`:             "expected a name or an ID",
		`{"views":{"name":"a"}}`:                             `"views" must be a list`,
		`{"views":[`:                                         "not a JSON object",
	} {
		_, err := views.Parse([]byte(config))
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want %q", config, err, want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.json")
	if v, err := views.Load(path); err != nil || v != nil {
		t.Errorf("missing file: %v %v", v, err)
	}
	if err := os.WriteFile(path, []byte(`{"views":[{"name":"Hot"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if v, err := views.Load(path); err != nil || len(v) != 1 {
		t.Errorf("%v %v", v, err)
	}
	if err := os.WriteFile(path, []byte(`{"views":[{"nam":"Hot"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := views.Load(path); err == nil || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("error does not name the file: %v", err)
	}
	if err := os.WriteFile(path, make([]byte, 2<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := views.Load(path); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: %v", err)
	}
}
