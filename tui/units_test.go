package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
	"github.com/muesli/termenv"
)

func TestRelativeTime(t *testing.T) {
	now := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		t           time.Time
		long, short string
	}{
		{now.Add(-30 * time.Second), "just now", "just now"},
		{now.Add(-time.Minute), "1 minute ago", "1m ago"},
		{now.Add(-3 * 24 * time.Hour), "3 days ago", "3d ago"},
		{now.Add(14 * time.Hour), "in 14 hours", "in 14h"},
		{now.Add(-65 * 24 * time.Hour), "2 months ago", "2mo ago"},
		{now.Add(-800 * 24 * time.Hour), "2 years ago", "2y ago"},
	}
	for _, c := range cases {
		if got := relative(c.t, now, false); got != c.long {
			t.Errorf("relative(%v) = %q, want %q", now.Sub(c.t), got, c.long)
		}
		if got := relative(c.t, now, true); got != c.short {
			t.Errorf("short relative(%v) = %q, want %q", now.Sub(c.t), got, c.short)
		}
	}
}

func TestFormatWhenUsesTheLocationAndFitsTheWidth(t *testing.T) {
	now := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	tokyo := time.FixedZone("JST", 9*3600)
	at := now.Add(-3 * 24 * time.Hour)
	if got := formatWhen(at, now, tokyo, 40); got != "2024-04-29 21:00 (3 days ago)" {
		t.Errorf("wide: %q", got)
	}
	if got := formatWhen(at, now, tokyo, 25); got != "2024-04-29 21:00 (3d ago)" {
		t.Errorf("narrow: %q", got)
	}
	if got := formatWhen(time.Time{}, now, tokyo, 40); got != "" {
		t.Errorf("zero time: %q", got)
	}
}

func TestFormatLaborCostMoneyQuantity(t *testing.T) {
	for sec, want := range map[int64]string{0: "0m", 45: "45s", 3600: "1h", 5400: "1h 30m", 90061: "1d 1h 1m"} {
		if got := formatLaborCost(sec); got != want {
			t.Errorf("formatLaborCost(%d) = %q, want %q", sec, got, want)
		}
	}
	for _, c := range []struct {
		amount   float64
		currency string
		want     string
	}{
		{12500, "USD", "12,500 USD"}, {0, "", "0"}, {999, "EUR", "999 EUR"},
		{1234567.5, "RUB", "1,234,567.50 RUB"}, {-1500, "USD", "-1,500 USD"},
	} {
		if got := formatMoney(c.amount, c.currency); got != c.want {
			t.Errorf("formatMoney(%v, %q) = %q, want %q", c.amount, c.currency, got, c.want)
		}
	}
	if got := formatQuantity(2); got != "2" {
		t.Errorf("quantity 2 = %q", got)
	}
	if got := formatQuantity(1.5); got != "1.5" {
		t.Errorf("quantity 1.5 = %q", got)
	}
}

func TestChipTextIsReadableOnAnyBackground(t *testing.T) {
	backgrounds := []string{"#ffff99", "#99ccff", "#ff8f92", "#1a237e", "#808080", "#f00", "#0f0", "#00f"}
	for r := 0; r < 256; r += 51 {
		for g := 0; g < 256; g += 51 {
			for b := 0; b < 256; b += 51 {
				backgrounds = append(backgrounds, formatHex([3]uint8{uint8(r), uint8(g), uint8(b)}))
			}
		}
	}
	for _, bg := range backgrounds {
		rgb, ok := parseHexColor(bg)
		if !ok {
			t.Fatalf("%s did not parse", bg)
		}
		fg, _ := parseHexColor(string(chipText(rgb)))
		if ratio := contrast(luminance(rgb), luminance(fg)); ratio < 4.5 {
			t.Errorf("text %s on %s has contrast %.2f, below WCAG AA 4.5", chipText(rgb), bg, ratio)
		}
	}
	for _, bad := range []string{"", "red", "#12345", "#gggggg", "\x1b[31m", "12", "#1234567"} {
		if _, ok := parseHexColor(bad); ok {
			t.Errorf("%q parsed as a colour", bad)
		}
	}
}

func TestChipWithoutColourIsBracketed(t *testing.T) {
	st := theme.New(plainRenderer())
	if got := chip(st, "vip", "#ff0000"); got != "[vip]" {
		t.Errorf("plain chip = %q", got)
	}
	if chipWidth("vip") != len("[vip]") {
		t.Error("chipWidth disagrees with the plain chip")
	}
}

func TestHistory(t *testing.T) {
	h := newHistory()
	if h.canBack() || h.canForward() {
		t.Fatal("empty history offers moves")
	}
	h.visit(1)
	h.visit(1) // the same lead again is not a new entry
	h.visit(2)
	h.visit(3)
	if fmt.Sprint(h.ids) != "[1 2 3]" || h.pos != 2 {
		t.Fatalf("history %v at %d", h.ids, h.pos)
	}
	i, id, ok := h.step(-1)
	if !ok || id != 2 {
		t.Fatalf("back = %d %v", id, ok)
	}
	h.moveTo(i)
	h.moveTo(0)
	if !h.canForward() || h.canBack() {
		t.Error("at the start: forward should work, back not")
	}
	h.visit(9)
	if fmt.Sprint(h.ids) != "[1 9]" {
		t.Errorf("a visit from the middle kept the forward branch: %v", h.ids)
	}
}

func TestErrorTextByKind(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&api.Error{Kind: api.ErrNotFound, Status: 204}, "not found"},
		{&api.Error{Kind: api.ErrUnauthorized, Status: 401, Hint: "Token has been revoked"}, "not authenticated, run `leadscope login`: Token has been revoked"},
		{&api.Error{Kind: api.ErrRateLimited, Status: 429, RetryAfter: 1500 * time.Millisecond}, "rate limited by Kommo, wait 2s and try again"},
		{&api.Error{Kind: api.ErrRateLimited, Status: 429, RetryAfter: 10 * time.Minute}, "wait 10 min"},
		{&api.Error{Kind: api.ErrServer, Status: 502, RequestID: "abc"}, "Kommo server error, try again later: [request abc]"},
		{&api.Error{Kind: api.ErrForbidden, Status: 403, Detail: "no\x1b[2J rights"}, "not permitted for this user: no␛[2J rights"},
		{errors.New("boom\nline"), "boom line"},
	}
	for _, c := range cases {
		if got := errorText(c.err); !strings.Contains(got, c.want) {
			t.Errorf("errorText(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
	}
}

func TestLeadDataCompleteness(t *testing.T) {
	lead := &api.Lead{ID: 1, Embedded: api.LeadEmbedded{
		Contacts:        []api.ContactRef{{ID: 10, IsMain: true}},
		CatalogElements: []api.CatalogElementRef{{ID: 5, Metadata: api.CatalogMetadata{CatalogID: 7}}, {ID: 6, Metadata: api.CatalogMetadata{CatalogID: 8}}},
	}}
	d := newLeadData(lead)
	if d.complete() {
		t.Fatal("nothing resolved yet, but complete")
	}
	if d.companies.state != partNone {
		t.Error("no companies are linked, yet companies are pending")
	}
	if fmt.Sprint(d.catalogIDs()) != "[7 8]" {
		t.Errorf("catalogs %v", d.catalogIDs())
	}
	d.contacts.settle([]api.Contact{{ID: 10}}, nil)
	d.catalogs[7].settle(nil, nil)
	d.catalogs[8].settle(nil, errors.New("down"))
	if d.complete() {
		t.Error("a failed catalog counts as complete")
	}
	d.catalogs[8].settle(nil, nil)
	if !d.complete() {
		t.Error("everything settled, but not complete")
	}
}

func TestJSONColouringKeepsTheTextAndColoursByRole(t *testing.T) {
	r := plainRenderer()
	r.SetColorProfile(termenv.TrueColor)
	p := newJSONPalette(theme.New(r))
	for _, line := range []string{`  "name": "a \"quoted\": b",`, `  "price": -12.5,`, `  "ok": true`, `  "tags": [`, `  ],`, `{`, `  "x": null,`, `    "weird`} {
		got := p.line(line)
		if plain := ansi.Strip(got); plain != line {
			t.Errorf("colouring changed %q into %q", line, plain)
		}
	}
	key := p.line(`  "name": "value",`)
	if !strings.HasPrefix(key, "  "+p.key.pre+`"name"`) || !strings.Contains(key, p.str.pre+`"value"`) {
		t.Errorf("key and string not coloured by role: %q", key)
	}
	if got := p.line(`  "n": 42`); !strings.Contains(got, p.num.pre+"42") {
		t.Errorf("number not coloured: %q", got)
	}
}

func TestNamesAreCleanAndFallBackToIDs(t *testing.T) {
	n := newNames(directoryParts{
		account:   &api.Account{Name: "Acme\x1b[2J", Currency: "EUR"},
		pipelines: []api.Pipeline{{ID: 1, Name: "Sales", Statuses: []api.Status{{ID: 142, Name: "Won\u202e", Color: "#ccff66"}}}},
		users:     []api.User{{ID: 5, Name: "Ann"}},
		catalogs:  []api.Catalog{{ID: 9, Name: "Products"}},
	})
	if n.account != "Acme␛[2J" || n.currency != "EUR" {
		t.Errorf("account %q %q", n.account, n.currency)
	}
	if s, ok := n.stage(1, 142); !ok || s.name != "Won" || s.color != "#ccff66" {
		t.Errorf("stage = %+v %v", s, ok)
	}
	if s, ok := n.stage(2, 142); ok || s.name != "stage #142" {
		t.Errorf("a stage of another pipeline = %+v %v", s, ok)
	}
	for id, want := range map[int64]string{5: "Ann", 6: "#6", 0: "system"} {
		if got := n.user(id); got != want {
			t.Errorf("user(%d) = %q, want %q", id, got, want)
		}
	}
	var none *names // before the directory arrives
	if none.user(5) != "#5" || none.pipeline(1) != "pipeline #1" || none.catalog(9) != "list #9" {
		t.Error("nil names do not fall back to IDs")
	}
	sh := &shared{st: theme.New(plainRenderer()), loc: time.UTC, now: time.Now}
	lost := &api.Lead{PipelineID: 1, StatusID: api.StatusLost}
	if got := stageValue(sh, lost); got != "pipeline #1 ▸ [stage #143]  lost" {
		t.Errorf("unknown lost stage = %q", got)
	}
	sh.names = n
	won := &api.Lead{PipelineID: 1, StatusID: api.StatusWon}
	if got := stageValue(sh, won); got != "Sales ▸ [Won]" {
		t.Errorf("known won stage = %q", got)
	}
}
