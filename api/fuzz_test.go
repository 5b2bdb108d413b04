package api_test

import (
	"encoding/json"
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leadscope/leadscope/api"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/; `go test` runs them as
// ordinary tests, `go test -fuzz=^FuzzName$` explores from them.

// maxFormatted is FormatField's bound plus the ellipsis it may append.
const maxFormatted = 2000 + len("…")

var fuzzZones = []*time.Location{time.UTC, time.FixedZone("far east", 14*3600), time.FixedZone("far west", -12*3600)}

// FuzzDecodeLead: any bytes decode without panicking; any JSON object
// decodes without error (the decoder is lenient by design); whatever
// decodes formats within bounds.
func FuzzDecodeLead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var lead api.Lead
		err := json.Unmarshal(data, &lead)
		trimmed := strings.TrimSpace(string(data))
		if err != nil && json.Valid(data) && strings.HasPrefix(trimmed, "{") {
			t.Fatalf("a JSON object failed to decode: %v", err)
		}
		for _, cf := range lead.CustomFields {
			checkFormatted(t, api.FormatField(cf, time.UTC))
		}
		var contact api.Contact
		if json.Unmarshal(data, &contact) == nil {
			contact.Phones()
			contact.Emails()
		}
		var p api.Pipeline
		_ = json.Unmarshal(data, &p)
		var a api.Account
		if json.Unmarshal(data, &a) == nil {
			a.Location()
			a.TaskTypeName(1)
		}
	})
}

// FuzzFormatField: any field type and any values render as bounded,
// valid UTF-8 text, in any time zone.
func FuzzFormatField(f *testing.F) {
	f.Fuzz(func(t *testing.T, fieldType string, values []byte) {
		var vals []api.FieldValue
		if err := json.Unmarshal(values, &vals); err != nil {
			// Not a list: use the bytes as one raw value, as odd data would arrive.
			vals = []api.FieldValue{{Value: values, Raw: values}}
		}
		cf := api.CustomField{FieldType: fieldType, Values: vals}
		for _, loc := range fuzzZones {
			checkFormatted(t, api.FormatField(cf, loc))
		}
		checkFormatted(t, fuzzFormatter.Format(cf))
	})
}

// fuzzFormatter has every piece of context, with names as long as Kommo allows.
var fuzzFormatter = api.FieldFormatter{
	Location: fuzzZones[1], DateLocation: fuzzZones[2], Currency: "USD",
	CatalogName: func(int64) (string, bool) { return strings.Repeat("List ", 51), true },
	ElementName: func(int64, int64) (string, bool) { return strings.Repeat("Элемент ", 32), true },
}

func checkFormatted(t *testing.T, s string) {
	t.Helper()
	if len(s) > maxFormatted {
		t.Fatalf("%d bytes formatted", len(s))
	}
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
}

// FuzzParseLeadRef: an accepted reference is a positive ID that matches
// the digits given; a refused one wraps ErrBadID in one line.
func FuzzParseLeadRef(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		id, err := api.ParseLeadRef(s)
		if err != nil {
			if !errors.Is(err, api.ErrBadID) {
				t.Fatalf("%q: error %v does not wrap ErrBadID", s, err)
			}
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("%q: message spans lines: %q", s, err)
			}
			return
		}
		if id <= 0 {
			t.Fatalf("%q accepted as %d", s, id)
		}
		trimmed := strings.TrimSpace(s)
		if n, perr := strconv.ParseInt(trimmed, 10, 64); perr == nil && n != id {
			t.Fatalf("%q parsed as %d, not %d", s, id, n)
		}
		unescaped, _ := url.PathUnescape(trimmed)
		if digits := strconv.FormatInt(id, 10); !strings.Contains(trimmed, digits) && !strings.Contains(unescaped, digits) {
			t.Fatalf("%q gave %d, which it does not contain", s, id)
		}
		checkAccountLeadRef(t, s, id)
	})
}

var fuzzAccount = func() *api.Client {
	c, err := api.New(api.Options{BaseURL: "acme.kommo.com", Credentials: api.StaticToken("t")})
	if err != nil {
		panic(err)
	}
	return c
}()

// checkAccountLeadRef: the account's ParseLeadRef gives the same ID or
// refuses another account's URL in one line, never anything else.
func checkAccountLeadRef(t *testing.T, s string, id int64) {
	got, err := fuzzAccount.ParseLeadRef(s)
	switch {
	case err == nil && got != id:
		t.Fatalf("%q: the account read %d, the package %d", s, got, id)
	case err != nil && !errors.Is(err, api.ErrForeignAccount):
		t.Fatalf("%q: the account refused a valid reference: %v", s, err)
	case err != nil && strings.ContainsAny(err.Error(), "\r\n"):
		t.Fatalf("%q: message spans lines: %q", s, err)
	}
}

// FuzzNormalizeBaseURL: an accepted address is an https origin (http only
// on loopback) without credentials or path, and normalizing it again
// changes nothing.
func FuzzNormalizeBaseURL(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		u, err := api.NormalizeBaseURL(s)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("%q: message spans lines: %q", s, err)
			}
			return
		}
		if u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.Host == "" {
			t.Fatalf("%q normalized to %q", s, u)
		}
		switch u.Scheme {
		case "https":
		case "http":
			if !isLoopbackHost(u.Hostname()) {
				t.Fatalf("%q: plain http to %q", s, u.Hostname())
			}
		default:
			t.Fatalf("%q: scheme %q", s, u.Scheme)
		}
		again, err := api.NormalizeBaseURL(u.String())
		if err != nil || again.String() != u.String() {
			t.Fatalf("%q -> %q -> %v, %v", s, u, again, err)
		}
		if _, err := url.Parse(u.String()); err != nil {
			t.Fatalf("%q -> %q does not parse: %v", s, u, err)
		}
	})
}

func isLoopbackHost(h string) bool {
	ip := net.ParseIP(h)
	return h == "localhost" || (ip != nil && ip.IsLoopback())
}
