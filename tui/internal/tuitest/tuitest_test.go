package tuitest

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestKeyReadsNamesAltAndRunes(t *testing.T) {
	cases := map[string]tea.KeyMsg{
		"enter":  {Type: tea.KeyEnter},
		"right":  {Type: tea.KeyRight},
		"pgdown": {Type: tea.KeyPgDown},
		"alt+3":  {Type: tea.KeyRunes, Runes: []rune("3"), Alt: true},
		"q":      {Type: tea.KeyRunes, Runes: []rune("q")},
		"Oliver": {Type: tea.KeyRunes, Runes: []rune("Oliver")},
	}
	for in, want := range cases {
		if got := Key(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Key(%q) = %#v, want %#v", in, got, want)
		}
	}
}

// TestRunDeliversInOrderAndFollowsAnswers checks that batches are taken
// apart in order and that what deliver returns runs after what was queued.
func TestRunDeliversInOrderAndFollowsAnswers(t *testing.T) {
	say := func(s string) tea.Cmd { return func() tea.Msg { return s } }
	var delivered []tea.Msg
	seen := Run(tea.Batch(say("a"), nil, say("b")), func(msg tea.Msg) tea.Cmd {
		delivered = append(delivered, msg)
		if msg == "a" {
			return say("a's answer")
		}
		return nil
	})
	want := []tea.Msg{"a", "b", "a's answer"}
	if !reflect.DeepEqual(seen, want) || !reflect.DeepEqual(delivered, want) {
		t.Errorf("seen %v, delivered %v, want %v both", seen, delivered, want)
	}
	if got := Run(tea.Batch(say("x"), say("y")), nil); !reflect.DeepEqual(got, []tea.Msg{"x", "y"}) {
		t.Errorf("kept back: %v", got)
	}
}
