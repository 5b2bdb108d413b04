package theme

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{"": Auto, "auto": Auto, "dark": Dark, "light": Light} {
		got, err := ParseMode(in)
		if err != nil || got != want {
			t.Errorf("ParseMode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseMode("blue"); err == nil {
		t.Error("ParseMode(blue) accepted an unknown theme")
	}
}

func TestModeForcesBackground(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	Dark.Apply(r)
	dark := New(r).Title.Render("x")
	Light.Apply(r)
	light := New(r).Title.Render("x")
	if r.HasDarkBackground() {
		t.Fatal("Light left the renderer dark")
	}
	if dark == light {
		t.Errorf("dark and light render the same: %q", dark)
	}
	// The colours are the palette's, by role.
	if !strings.Contains(light, ";79;207m") { // #5a4fcf
		t.Errorf("light title %q does not use the light accent", light)
	}
	if !strings.Contains(dark, ";160;255m") { // #a5a0ff
		t.Errorf("dark title %q does not use the dark accent", dark)
	}
}

func TestPlainWithoutColour(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	s := New(r)
	if !s.Plain {
		t.Error("an Ascii renderer did not give plain styles")
	}
	if got := s.TabActive.Render("Fields"); got != " Fields " {
		t.Errorf("plain active tab = %q", got)
	}
	r.SetColorProfile(termenv.ANSI256)
	if New(r).Plain {
		t.Error("a colour renderer gave plain styles")
	}
}
