package cli_test

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Whatever reaches a one-line message (here a 500 KB account name from the
// environment), the line stays at most 1000 columns: the last defence.
func TestMessagesAreCappedLines(t *testing.T) {
	huge := "https://" + strings.Repeat("a", 500_000) + ".kommo.com"
	for _, args := range [][]string{{"get", "1"}, {"status"}} {
		res := runCLI(t, map[string]string{"KOMMO_BASE_URL": huge, "KOMMO_TOKEN": "t"}, "", args...)
		for _, out := range []string{res.stdout, res.stderr} {
			for _, line := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(line); n > 1000+len("leadscope: ") {
					t.Errorf("leadscope %v printed a line of %d runes", args, n)
				}
			}
		}
		if res.stdout+res.stderr == "" {
			t.Errorf("leadscope %v said nothing", args)
		}
	}
}
