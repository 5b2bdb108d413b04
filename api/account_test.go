package api_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
)

func TestAccountAsksForEveryExtraInOneRequest(t *testing.T) {
	srv := directoryServer(t, nil)
	a, err := newClient(t, srv.URL).Account(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if srv.count() != 1 {
		t.Fatalf("%d requests, want 1", srv.count())
	}
	with := strings.Split(srv.requests()[0].URL.Query().Get("with"), ",")
	for _, want := range []string{"datetime_settings", "task_types", "users_groups", "is_api_filter_enabled"} {
		if !slices.Contains(with, want) {
			t.Errorf("with=%v lacks %s", with, want)
		}
	}
	ds := a.DatetimeSettings
	if ds == nil || ds.Timezone != "Europe/Moscow" || ds.TimezoneOffset != "+03:00" || ds.DateFormat != "d.m.Y" ||
		ds.DatePattern != "d.m.Y H:i" || ds.ShortDatePattern != "d.m.Y" || ds.ShortTimePattern != "H:i" || ds.TimeFormat != "H:i:s" {
		t.Errorf("datetime settings %+v", ds)
	}
	if len(a.TaskTypes) != 3 || a.TaskTypes[2].ID != 2033866 || a.TaskTypes[2].Name != "Send the quote" || a.TaskTypes[0].Code != "FOLLOW_UP" {
		t.Errorf("task types %+v", a.TaskTypes)
	}
	if len(a.UsersGroups) != 2 || a.UsersGroups[0].ID != 0 || a.UsersGroups[1].Name != "Partners" {
		t.Errorf("user groups %+v", a.UsersGroups)
	}
	if a.IsAPIFilterEnabled == nil || !*a.IsAPIFilterEnabled {
		t.Errorf("is_api_filter_enabled %v", a.IsAPIFilterEnabled)
	}
	if loc, ok := a.Location(); !ok || loc.String() != "Europe/Moscow" {
		t.Errorf("Location() = %v, %v", loc, ok)
	}
}

func decodeAccount(t *testing.T, doc string) api.Account {
	t.Helper()
	var a api.Account
	if err := json.Unmarshal([]byte(doc), &a); err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	return a
}

func TestAccountExtrasDecodeLeniently(t *testing.T) {
	a := decodeAccount(t, `{"id":1,"is_api_filter_enabled":"0","_embedded":{
		"datetime_settings":{"date_formant":"Y-m-d","timezone":null,"timezone_offset":"-03:00"},
		"task_types":{"0":{"id":"1","name":"Call back"},"1":"junk","2":{"id":7,"name":"","code":"SEND_KP"}},
		"users_groups":null}}`)
	if a.DatetimeSettings == nil || a.DatetimeSettings.DateFormat != "Y-m-d" || a.DatetimeSettings.Timezone != "" {
		t.Errorf("settings %+v", a.DatetimeSettings)
	}
	if a.IsAPIFilterEnabled == nil || *a.IsAPIFilterEnabled {
		t.Errorf("is_api_filter_enabled %v", a.IsAPIFilterEnabled)
	}
	if name, ok := a.TaskTypeName(1); !ok || name != "Call back" {
		t.Errorf("TaskTypeName(1) = %q %v", name, ok)
	}
	if name, ok := a.TaskTypeName(7); !ok || name != "send kp" {
		t.Errorf("a nameless type shows its code: %q %v", name, ok)
	}
	if loc, ok := a.Location(); !ok || loc.String() != "UTC-03:00" {
		t.Errorf("offset-only zone = %v %v", loc, ok)
	}
	for _, doc := range []string{
		`{"id":1}`,
		`{"id":1,"_embedded":[]}`,
		`{"id":1,"_embedded":{"datetime_settings":[],"task_types":"x","users_groups":{"id":0,"name":"Only"}}}`,
		`{"id":1,"_embedded":{"datetime_settings":{"timezone":"Local","timezone_offset":"soon"}}}`,
	} {
		a := decodeAccount(t, doc)
		if loc, ok := a.Location(); ok {
			t.Errorf("%s: Location() = %v", doc, loc)
		}
		if a.IsAPIFilterEnabled != nil {
			t.Errorf("%s: is_api_filter_enabled %v", doc, *a.IsAPIFilterEnabled)
		}
	}
	if a := decodeAccount(t, `{"_embedded":{"users_groups":{"id":0,"name":"Only"}}}`); len(a.UsersGroups) != 1 || a.UsersGroups[0].Name != "Only" {
		t.Errorf("a single group object: %+v", a.UsersGroups)
	}
}

func TestAccountTaskTypeNameDefaults(t *testing.T) {
	var none *api.Account
	for id, want := range map[int64]string{1: "Follow-up", 2: "Meeting"} {
		if name, ok := none.TaskTypeName(id); !ok || name != want {
			t.Errorf("nil account: TaskTypeName(%d) = %q %v", id, name, ok)
		}
	}
	renamed := &api.Account{TaskTypes: []api.TaskType{{ID: 1, Name: "Перезвонить"}, {ID: 9, Name: "Demo"}}}
	for id, want := range map[int64]string{1: "Перезвонить", 2: "Meeting", 9: "Demo"} {
		if name, ok := renamed.TaskTypeName(id); !ok || name != want {
			t.Errorf("TaskTypeName(%d) = %q %v, want %q", id, name, ok, want)
		}
	}
	if name, ok := renamed.TaskTypeName(3); ok {
		t.Errorf("unknown type named %q", name)
	}
}

func TestAccountLocationPrefersTheZoneName(t *testing.T) {
	a := &api.Account{DatetimeSettings: &api.DatetimeSettings{Timezone: "America/Sao_Paulo", TimezoneOffset: "+05:00"}}
	loc, ok := a.Location()
	if !ok || loc.String() != "America/Sao_Paulo" {
		t.Fatalf("Location() = %v %v", loc, ok)
	}
	// The lead: 1717642800 is midnight of 2024-06-06 in the account's zone.
	if got := time.Unix(1717642800, 0).In(loc).Format("2006-01-02 15:04"); got != "2024-06-06 00:00" {
		t.Errorf("midnight shows as %s", got)
	}
	a.DatetimeSettings.Timezone = "Mars/Olympus_Mons"
	if loc, ok := a.Location(); !ok || loc.String() != "UTC+05:00" {
		t.Errorf("unknown zone name falls back to the offset: %v %v", loc, ok)
	}
	if loc, ok := (&api.Account{}).Location(); ok {
		t.Errorf("no settings: %v", loc)
	}
}

func TestLoadZone(t *testing.T) {
	for in, want := range map[string]int{
		"+03:00": 3 * 3600, "-03:00": -3 * 3600, "+0530": 5*3600 + 1800, "-0330": -(3*3600 + 1800), "+05": 5 * 3600,
		"+3": 3 * 3600, "UTC+3": 3 * 3600, "GMT-03:00": -3 * 3600, "utc+14:00": 14 * 3600, "+00:00": 0, " -12:00 ": -12 * 3600,
	} {
		loc, ok := api.LoadZone(in)
		if !ok {
			t.Errorf("%q refused", in)
			continue
		}
		if _, off := time.Date(2024, 1, 1, 0, 0, 0, 0, loc).Zone(); off != want {
			t.Errorf("%q: offset %d, want %d", in, off, want)
		}
	}
	for _, name := range []string{"UTC", "Europe/Moscow", "America/Sao_Paulo", "Asia/Kolkata", "Etc/GMT+3"} {
		if loc, ok := api.LoadZone(name); !ok || loc.String() != name {
			t.Errorf("%q: %v %v", name, loc, ok)
		}
	}
	for _, bad := range []string{
		"", " ", "Local", "local", "+15:00", "+03:60", "+14:30", "03:00", "+03:", "+123", "+03:0", "+3:000", "UTC+",
		"Mars/Base", "../../etc/passwd", "/etc/localtime", "Europe/../Moscow", "Europe/Moscow\x00", "Europe\\Moscow",
		strings.Repeat("A", 65),
	} {
		if loc, ok := api.LoadZone(bad); ok {
			t.Errorf("%q accepted as %v", bad, loc)
		}
	}
}
