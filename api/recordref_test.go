package api_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func recordClient(t *testing.T, base string) *api.Client {
	t.Helper()
	c, err := api.New(api.Options{BaseURL: base, Credentials: api.StaticToken("t")})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseRecordRefReadsIDsAndTheAccountsOwnURLs(t *testing.T) {
	acme := recordClient(t, "acme.kommo.com")
	for _, tc := range []struct {
		section, in string
		want        int64
	}{
		{api.SectionContacts, "123", 123},
		{api.SectionContacts, " 42 ", 42},
		{api.SectionContacts, "https://acme.kommo.com/contacts/detail/7", 7},
		{api.SectionContacts, "https://ACME.kommo.com./contacts/detail/7?x=1#notes", 7},
		{api.SectionContacts, "acme.kommo.com:443/contacts/detail/7", 7},
		{api.SectionContacts, "/contacts/detail/7", 7},
		{api.SectionCompanies, "https://acme.kommo.com/companies/detail/9", 9},
		{api.SectionCompanies, "//acme.kommo.com/companies/detail/9/", 9},
	} {
		got, err := acme.ParseRecordRef(tc.section, tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s %q: %d, %v; want %d", tc.section, tc.in, got, err, tc.want)
		}
		if got, err := api.ParseRecordRef(tc.section, tc.in); err != nil || got != tc.want {
			t.Errorf("package-level %s %q: %d, %v", tc.section, tc.in, got, err)
		}
	}
}

func TestParseRecordRefRefusesWhatIsNoRecordOfItsKind(t *testing.T) {
	acme := recordClient(t, "acme.kommo.com")
	for _, tc := range []struct{ section, in, says string }{
		{api.SectionContacts, "", "empty"},
		{api.SectionContacts, "abc", `bad contact ID: "abc" is not a number`},
		{api.SectionContacts, "-5", "negative; contact IDs"},
		{api.SectionCompanies, "0", "0 is not a company ID"},
		{api.SectionCompanies, "99999999999999999999", "too large"},
		{api.SectionContacts, "https://acme.kommo.com/companies/detail/9", "not a contact URL"},
		{api.SectionCompanies, "https://acme.kommo.com/contacts/detail/9", "not a company URL"},
		{api.SectionContacts, "https://acme.kommo.com/leads/detail/9", "expected …/contacts/detail/ID"},
		{api.SectionContacts, "https://acme.kommo.com/contacts/detail/x9", `"x9" is not a number in URL`},
		{"leads", "5", "unknown section"},
	} {
		_, err := acme.ParseRecordRef(tc.section, tc.in)
		if !errors.Is(err, api.ErrBadID) || !strings.Contains(err.Error(), tc.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s %q: %v, want ErrBadID saying %q", tc.section, tc.in, err, tc.says)
		}
	}
}

func TestParseRecordRefRefusesAnotherAccountsURL(t *testing.T) {
	acme := recordClient(t, "https://acme.kommo.com")
	for _, in := range []string{
		"https://other.kommo.com/contacts/detail/7",
		"https://acme.amocrm.ru/contacts/detail/7",
		"https://acme.kommo.com.evil.example/contacts/detail/7",
		"https://acme.kommo.com:8443/contacts/detail/7",
	} {
		_, err := acme.ParseRecordRef(api.SectionContacts, in)
		if !errors.Is(err, api.ErrForeignAccount) || !errors.Is(err, api.ErrBadID) {
			t.Errorf("%q: %v, want ErrForeignAccount and ErrBadID", in, err)
		}
	}
	_, err := acme.ParseRecordRef(api.SectionCompanies, "https://other.kommo.com/companies/detail/7")
	if want := "company URL is for other.kommo.com, but leadscope is using acme.kommo.com"; err == nil || err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if id, err := api.ParseRecordRef(api.SectionContacts, "https://other.kommo.com/contacts/detail/7"); err != nil || id != 7 {
		t.Errorf("the package-level parser knows no account: %d %v", id, err)
	}
}

func TestRecordURLSection(t *testing.T) {
	for in, want := range map[string]string{
		"https://acme.kommo.com/contacts/detail/7":  api.SectionContacts,
		"acme.kommo.com/companies/detail/7":         api.SectionCompanies,
		"https://acme.kommo.com/leads/detail/7":     "",
		"7":                                         "",
		"https://acme.kommo.com/contacts/detail/x7": "",
	} {
		if got := api.RecordURLSection(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func FuzzParseRecordRef(f *testing.F) {
	for _, s := range []string{"1", "https://acme.kommo.com/contacts/detail/7", "/companies/detail/0", "-1", "\x00/contacts/detail/1"} {
		f.Add(s)
	}
	acme, err := api.New(api.Options{BaseURL: "acme.kommo.com", Credentials: api.StaticToken("t")})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, section := range []string{api.SectionContacts, api.SectionCompanies} {
			id, err := acme.ParseRecordRef(section, s)
			if err == nil && id <= 0 {
				t.Fatalf("%q: id %d without an error", s, id)
			}
			if err != nil && (!errors.Is(err, api.ErrBadID) || len(err.Error()) > 400) {
				t.Fatalf("%q: %v", s, err)
			}
		}
	})
}
