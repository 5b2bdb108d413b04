package common

import "testing"

func TestRecencyDropsTheLeastRecentlyUsed(t *testing.T) {
	var r Recency[string]
	for _, k := range []string{"a", "b", "c", "a"} {
		r.Touch(k)
	}
	if r.Len() != 3 {
		t.Fatalf("%d keys, want 3: a touched again is not a new key", r.Len())
	}
	for _, want := range []string{"b", "c", "a"} {
		if got := r.DropOldest(); got != want {
			t.Fatalf("dropped %q, want %q", got, want)
		}
	}
}
