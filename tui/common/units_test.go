package common

import (
	"errors"
	"strings"
	"testing"
	"time"

	"io"

	"github.com/charmbracelet/lipgloss"
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
		if got := Relative(c.t, now, false); got != c.long {
			t.Errorf("Relative(%v) = %q, want %q", now.Sub(c.t), got, c.long)
		}
		if got := Relative(c.t, now, true); got != c.short {
			t.Errorf("short Relative(%v) = %q, want %q", now.Sub(c.t), got, c.short)
		}
	}
}

func TestFormatWhenUsesTheLocationAndFitsTheWidth(t *testing.T) {
	now := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	tokyo := time.FixedZone("JST", 9*3600)
	at := now.Add(-3 * 24 * time.Hour)
	if got := When(at, now, tokyo, 40); got != "2024-04-29 21:00 (3 days ago)" {
		t.Errorf("wide: %q", got)
	}
	if got := When(at, now, tokyo, 25); got != "2024-04-29 21:00 (3d ago)" {
		t.Errorf("narrow: %q", got)
	}
	if got := When(time.Time{}, now, tokyo, 40); got != "" {
		t.Errorf("zero time: %q", got)
	}
}

func TestFormatLaborCostMoneyQuantity(t *testing.T) {
	for sec, want := range map[int64]string{0: "0m", 45: "45s", 3600: "1h", 5400: "1h 30m", 90061: "1d 1h 1m"} {
		if got := LaborCost(sec); got != want {
			t.Errorf("LaborCost(%d) = %q, want %q", sec, got, want)
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
		if got := Money(c.amount, c.currency); got != c.want {
			t.Errorf("Money(%v, %q) = %q, want %q", c.amount, c.currency, got, c.want)
		}
	}
	if got := Quantity(2); got != "2" {
		t.Errorf("quantity 2 = %q", got)
	}
	if got := Quantity(1.5); got != "1.5" {
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
		rgb, ok := ParseHexColor(bg)
		if !ok {
			t.Fatalf("%s did not parse", bg)
		}
		fg, _ := ParseHexColor(string(ChipText(rgb)))
		if ratio := Contrast(Luminance(rgb), Luminance(fg)); ratio < 4.5 {
			t.Errorf("text %s on %s has contrast %.2f, below WCAG AA 4.5", ChipText(rgb), bg, ratio)
		}
	}
	for _, bad := range []string{"", "red", "#12345", "#gggggg", "\x1b[31m", "12", "#1234567"} {
		if _, ok := ParseHexColor(bad); ok {
			t.Errorf("%q parsed as a colour", bad)
		}
	}
}

func TestChipWithoutColourIsBracketed(t *testing.T) {
	st := theme.New(plainRenderer())
	if got := Chip(st, "vip", "#ff0000"); got != "[vip]" {
		t.Errorf("plain chip = %q", got)
	}
	if ChipWidth("vip") != len("[vip]") {
		t.Error("chipWidth disagrees with the plain chip")
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
		if got := ErrorText(c.err); !strings.Contains(got, c.want) {
			t.Errorf("ErrorText(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
	}
}

func TestNamesAreCleanAndFallBackToIDs(t *testing.T) {
	n := NewNames(&api.Directory{
		Account:   &api.Account{Name: "Acme\x1b[2J", Currency: "EUR", CurrentUserID: 5},
		Pipelines: []api.Pipeline{{ID: 1, Name: "Sales", Statuses: []api.Status{{ID: 142, Name: "Won\u202e", Color: "#ccff66"}}}},
		Users:     []api.User{{ID: 5, Name: "Ann"}},
		Catalogs:  []api.Catalog{{ID: 9, Name: "Products"}},
	})
	if n.Account() != "Acme␛[2J" || n.Currency() != "EUR" || n.CurrentUserID() != 5 {
		t.Errorf("account %q %q %d", n.Account(), n.Currency(), n.CurrentUserID())
	}
	if s, ok := n.Stage(1, 142); !ok || s.Name != "Won" || s.Color != "#ccff66" {
		t.Errorf("stage = %+v %v", s, ok)
	}
	if s, ok := n.Stage(2, 142); ok || s.Name != "stage #142" {
		t.Errorf("a stage of another pipeline = %+v %v", s, ok)
	}
	for id, want := range map[int64]string{5: "Ann", 6: "#6", 0: "system"} {
		if got := n.User(id); got != want {
			t.Errorf("User(%d) = %q, want %q", id, got, want)
		}
	}
	var none *Names // before the account data arrives
	if none.User(5) != "#5" || none.Pipeline(1) != "pipeline #1" || none.Catalog(9) != "list #9" || none.Currency() != "" {
		t.Error("nil names do not fall back to IDs")
	}
}

func plainRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

func TestDueSaysOverdueInWords(t *testing.T) {
	now := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	got, late := Due(now.Add(-3*24*time.Hour), now, time.UTC, 40)
	if !late || got != "2024-04-29 12:00 (overdue 3 days)" {
		t.Errorf("past deadline: %q %v", got, late)
	}
	if got, _ := Due(now.Add(-3*24*time.Hour), now, time.UTC, 20); got != "2024-04-29 12:00 (overdue 3d)" {
		t.Errorf("narrow: %q", got)
	}
	if got, late := Due(now.Add(2*time.Hour), now, time.UTC, 40); late || got != "2024-05-02 14:00 (in 2 hours)" {
		t.Errorf("future deadline: %q %v", got, late)
	}
	if got, late := Due(time.Time{}, now, time.UTC, 40); late || got != "" {
		t.Errorf("no deadline: %q %v", got, late)
	}
}
