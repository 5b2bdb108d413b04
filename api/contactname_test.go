package api_test

import (
	"testing"

	"github.com/leadscope/leadscope/api"
)

func TestContactDisplayNameFallsBackToFirstAndLast(t *testing.T) {
	cases := []struct {
		contact api.Contact
		want    string
	}{
		{api.Contact{Name: "Ann Lee", FirstName: "A", LastName: "L"}, "Ann Lee"},
		{api.Contact{Name: "  ", FirstName: "Ann", LastName: "Lee"}, "Ann Lee"},
		{api.Contact{FirstName: "Ann"}, "Ann"},
		{api.Contact{LastName: " Lee "}, "Lee"},
		{api.Contact{}, ""},
	}
	for _, c := range cases {
		if got := c.contact.DisplayName(); got != c.want {
			t.Errorf("%+v: DisplayName() = %q, want %q", c.contact, got, c.want)
		}
	}
}
