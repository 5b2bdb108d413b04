package story

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/leadscope/leadscope/tui/sanitize"
)

// Bounds on what one entry may hold, whatever Kommo sends: a pasted
// novel in a note must not become a screenful of the feed.
const (
	MaxLines     = 40  // text lines of one entry (a note's text, a call's result...)
	MaxLineRunes = 500 // runes of one line, names and kinds included
	maxNameRunes = 80  // a user, stage, field or tag name
	maxTagList   = 20  // tags listed in one event
)

// line makes s one inert, bounded line: control characters become visible
// stand-ins (sanitize.Line), invalid UTF-8 becomes U+FFFD, and the end is
// cut at max runes with an ellipsis.
func line(s string, max int) string {
	return clip(strings.TrimSpace(sanitize.Line(s)), max)
}

// clip cuts s to max runes, the last one an ellipsis when something was cut.
func clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// textLines splits free text into clean lines: line breaks kept, tabs
// expanded, blank lines at both ends dropped, runs of blank lines
// collapsed, at most max lines (the last one saying how many were left out).
func textLines(s string, max int) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	// Bound the work before cleaning: far more than max lines can show.
	if limit := max * MaxLineRunes * 4; len(s) > limit {
		s = s[:limit]
	}
	raw := strings.Split(sanitize.Block(s), "\n")
	out := make([]string, 0, min(len(raw), max))
	blank := false
	for _, l := range raw {
		l = strings.TrimRight(l, " ")
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, clip(l, MaxLineRunes))
	}
	if len(out) > max {
		left := len(out) - (max - 1)
		out = append(out[:max-1], "… "+strconv.Itoa(left)+" more lines")
	}
	return out
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// humanize turns a type key into words: "invoice_paid" -> "Invoice paid".
func humanize(key string) string {
	words := strings.Join(strings.Fields(strings.ReplaceAll(key, "_", " ")), " ")
	if words == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(words)
	return strings.ToUpper(string(r)) + words[size:]
}

// plural says "1 day" or "3 days".
func plural(n int64, unit string) string {
	s := strconv.FormatInt(n, 10) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}

// groupDigits writes an amount with thousands separators: 12500 -> "12,500".
func groupDigits(text string) string {
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	whole, frac, hasFrac := strings.Cut(text, ".")
	if len(whole) > 3 && isDigits(whole) {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	if hasFrac {
		whole += "." + frac
	}
	if neg {
		whole = "-" + whole
	}
	return whole
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
