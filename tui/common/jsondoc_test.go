package common

import "testing"

// TestJSONDocBuildsOncePerKeyAndDropsStaleBuilds: a page asks again on
// every relayout, so a second Build for the same data must not start
// another; a build for data the page has left must not replace the new one.
func TestJSONDocBuildsOncePerKeyAndDropsStaleBuilds(t *testing.T) {
	var j JSONDoc[string]
	first := j.Build(1, "old", []byte(`{"id":1}`), 0)
	if first == nil || j.Build(1, "old", nil, 0) != nil {
		t.Fatal("Build should start once per key")
	}
	stale := first().(JSONBuiltMsg[string])
	if stale.Page != 1 || stale.ForPage() != 1 || stale.Doc == nil || stale.Doc.Len() == 0 {
		t.Fatalf("built message %+v", stale)
	}
	fresh := j.Build(1, "new", []byte(`[]`), 0)().(JSONBuiltMsg[string])
	j.Built(stale)
	if j.Doc != nil || j.Version != 0 {
		t.Fatalf("a stale build was taken: version %d", j.Version)
	}
	j.Built(fresh)
	if j.Doc != fresh.Doc || j.Version != 1 {
		t.Fatalf("the fresh build was not taken: version %d", j.Version)
	}
}
