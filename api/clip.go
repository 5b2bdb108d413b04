package api

import (
	"bytes"
	"reflect"
	"strings"
	"unicode/utf8"
)

// MaxNameBytes bounds the names and other short texts (the fields tagged
// lenient:"short") of the entities kept in lists and directories (users,
// lists, pipelines, stages, contacts, companies, list elements). Kommo's
// own names are far shorter; a longer one is cut at a character boundary
// and ends in "…", so a server padding its pages with huge names cannot
// make leadscope keep them.
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

// setShortString sets v to the text of raw clipped by clipName. A plain
// string literal is copied only as far as it is kept, so a page of huge
// names never holds them all even for a moment.
func setShortString(v reflect.Value, raw []byte) {
	raw = bytes.TrimSpace(raw)
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && len(raw)-2 > MaxNameBytes {
		if inner := raw[1 : len(raw)-1]; plainString(inner) {
			cut := MaxNameBytes - len("…")
			for cut > 0 && !utf8.RuneStart(inner[cut]) {
				cut--
			}
			v.SetString(string(inner[:cut]) + "…")
			return
		}
	}
	if s, ok := looseString(raw); ok {
		v.SetString(clipName(s))
	}
}
