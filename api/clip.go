package api

import (
	"strings"
	"unicode/utf8"
)

// MaxNameBytes bounds the names and other short texts of the entities
// kept in lists and directories (users, lists, pipelines, stages,
// contacts, companies, list elements). Kommo's own names are far shorter;
// a longer one is cut at a character boundary and ends in "…", so a
// server padding its pages with huge names cannot make leadscope keep
// them.
const MaxNameBytes = 1 << 10

// clipName returns s, or a copy of its first MaxNameBytes (whole UTF-8
// sequences) followed by "…". The copy matters: a substring would keep
// the whole original alive.
func clipName(s string) string {
	if len(s) <= MaxNameBytes {
		return s
	}
	cut := MaxNameBytes - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.Clone(s[:cut]) + "…"
}

// clipNames applies clipName to each string a field points to.
func clipNames(fields ...*string) {
	for _, f := range fields {
		*f = clipName(*f)
	}
}
