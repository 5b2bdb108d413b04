package cli

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
)

func TestNextTaskSaysOverdue(t *testing.T) {
	now := time.Date(2024, 5, 3, 10, 0, 0, 0, time.UTC)
	view := func(due time.Time) leadView {
		sec := due.Unix()
		return leadView{lead: &api.Lead{ClosestTaskAt: &sec}, zones: timeZones{times: time.UTC, dates: time.UTC}, now: now}
	}
	for due, want := range map[time.Time]string{
		now.Add(-49 * time.Hour):      "2024-05-01 09:00 (overdue 2 days)",
		now.Add(-90 * time.Minute):    "2024-05-03 08:30 (overdue 1 hour)",
		now.Add(-10 * time.Second):    "2024-05-03 09:59 (overdue)",
		now.Add(26 * time.Hour):       "2024-05-04 12:00 (in 1 day)",
		now.AddDate(0, 0, -400):       "2023-03-30 10:00 (overdue 1 year)",
		now.Add(30 * time.Second):     "2024-05-03 10:00 (just now)",
		now.Add(-25 * 24 * time.Hour): "2024-04-08 10:00 (overdue 25 days)",
	} {
		if got := view(due).nextTask(); got != want {
			t.Errorf("due %s: %q, want %q", due, got, want)
		}
	}
	if got := (leadView{lead: &api.Lead{}, zones: timeZones{times: time.UTC}, now: now}).nextTask(); got != "—" {
		t.Errorf("no task: %q", got)
	}
}

func TestZonesForTheAccount(t *testing.T) {
	saoPaulo, _ := api.LoadZone("America/Sao_Paulo")
	acct := &api.Account{DatetimeSettings: &api.DatetimeSettings{Timezone: "America/Sao_Paulo"}}
	tokyo, _ := api.LoadZone("Asia/Tokyo")
	cases := []struct {
		name         string
		choice       zoneChoice
		account      *api.Account
		times, dates *time.Location
	}{
		{"account", zoneChoice{account: true}, acct, saoPaulo, saoPaulo},
		{"local", zoneChoice{loc: time.Local}, acct, time.Local, saoPaulo},
		{"zone", zoneChoice{loc: tokyo}, acct, tokyo, saoPaulo},
		{"account without a zone", zoneChoice{account: true}, &api.Account{}, time.Local, time.Local},
		{"no account at all", zoneChoice{account: true}, nil, time.Local, time.Local},
		{"zone, account without one", zoneChoice{loc: tokyo}, nil, tokyo, tokyo},
	}
	for _, c := range cases {
		z := zonesFor(c.choice, c.account, nil)
		if z.times.String() != c.times.String() || z.dates.String() != c.dates.String() {
			t.Errorf("%s: times %v dates %v, want %v %v", c.name, z.times, z.dates, c.times, c.dates)
		}
	}
}

func TestZoneNoteComparesOffsetsNotNames(t *testing.T) {
	utc := time.UTC
	sameAsUTC := time.FixedZone("Local-ish", 0)
	if !sameOffsets(utc, sameAsUTC, nil) {
		t.Error("two zones at UTC+0 differ")
	}
	// Berlin and UTC agree in winter only: a summer timestamp tells them apart.
	berlin, _ := api.LoadZone("Europe/Berlin")
	winter := []time.Time{time.Date(2024, 1, 10, 12, 0, 0, 0, utc)}
	summer := []time.Time{time.Date(2024, 7, 10, 12, 0, 0, 0, utc)}
	if sameOffsets(berlin, utc, winter) {
		t.Error("Berlin is UTC+1 in winter")
	}
	if sameOffsets(berlin, berlin, summer) != true {
		t.Error("a zone differs from itself")
	}
}

func TestParseZoneChoice(t *testing.T) {
	for in, want := range map[string]string{"account": "account", "ACCOUNT": "account", " local ": "Local", "Europe/Berlin": "Europe/Berlin", "+03:00": "UTC+03:00"} {
		c, err := parseZoneChoice(in)
		got := "account"
		if c.loc != nil {
			got = c.loc.String()
		}
		if err != nil || got != want || c.account != (want == "account") {
			t.Errorf("%q: %+v %v, want %s", in, c, err, want)
		}
	}
	for _, bad := range []string{"", "Mars/Base", "Local/../x", "+99"} {
		if _, err := parseZoneChoice(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFlagProblemWording(t *testing.T) {
	for in, want := range map[string]string{
		"flag provided but not defined: -bogus":            "unknown flag --bogus",
		"flag provided but not defined: --bogus":           "unknown flag --bogus",
		"flag needs an argument: -tz":                      "a value is missing after --tz",
		`invalid value "x" for flag -timeout: parse error`: `invalid value "x" for flag --timeout: parse error`,
	} {
		if got := flagProblem(errors.New(in)); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}

// The demo account's host is only known once its sandbox runs, so its check
// comes after the terminal check; with a terminal, it must refuse before the
// browser starts.
func TestDemoRefusesAnotherAccountsLeadURL(t *testing.T) {
	var stdout, stderr strings.Builder
	code := Main(context.Background(), &Env{
		Args:   []string{"--demo", "https://acme.kommo.com/leads/detail/10000001"},
		Getenv: func(string) string { return "" },
		Stdin:  strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		StdinIsTTY: true, OutIsTTY: true,
	})
	if code != ExitUsage || stdout.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	if want := "leadscope: lead URL is for acme.kommo.com, but leadscope is using 127.0.0.1:"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want it to start with %q", stderr.String(), want)
	}
}
