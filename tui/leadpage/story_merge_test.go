package leadpage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/leadscope/leadscope/tui/story"
)

// stream is a paged source in a test: its entries in the order the server
// sends them, cut into pages.
type stream struct {
	pages [][]story.Entry
}

// pagedStream makes n entries of src with times in [0, span) seconds,
// newest first unless oldestFirst, cut into pages of at most size; a
// stream of one page of one entry first (when size is 1) cannot show its
// order before its second page.
func pagedStream(r *rand.Rand, src story.Source, n, span, size int, oldestFirst bool) stream {
	base := time.Unix(1_700_000_000, 0)
	entries := make([]story.Entry, n)
	for i := range entries {
		e := story.Entry{Source: src, At: base.Add(time.Duration(r.IntN(span)) * time.Second)}
		if src == story.SourceNote {
			e.NoteID = int64(i + 1)
		} else {
			e.EventID = "e" + strconv.Itoa(i)
		}
		entries[i] = e
	}
	slices.SortStableFunc(entries, func(a, b story.Entry) int { return b.At.Compare(a.At) })
	if oldestFirst {
		slices.Reverse(entries)
	}
	var s stream
	for len(entries) > 0 {
		k := min(len(entries), 1+r.IntN(size))
		s.pages = append(s.pages, entries[:k])
		entries = entries[k:]
	}
	return s
}

func entryKey(e story.Entry) string {
	if e.Source == story.SourceNote {
		return "n" + strconv.FormatInt(e.NoteID, 10)
	}
	return e.EventID
}

func keys(entries []story.Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = entryKey(e)
	}
	return out
}

// TestFeedMergeShowsOnlyWhatTheWholeFeedStartsWith loads two paged streams
// page by page, in the order the feed asks for them, and checks at every
// step that what is shown is exactly the beginning of the whole merged
// feed: no entry ever shows above one it precedes, and nothing shown moves.
func TestFeedMergeShowsOnlyWhatTheWholeFeedStartsWith(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 7))
		notesOldestFirst, eventsOldestFirst := false, seed%5 == 4
		if seed%11 == 10 {
			notesOldestFirst = true
		}
		size := 1 + r.IntN(20)
		if seed%7 == 0 {
			size = 1
		}
		streams := []stream{
			pagedStream(r, story.SourceNote, r.IntN(60), 1+r.IntN(500), 1+r.IntN(20), notesOldestFirst),
			pagedStream(r, story.SourceEvent, r.IntN(60), 1+r.IntN(500), size, eventsOldestFirst),
		}
		var all []story.Entry
		for _, s := range streams {
			for _, p := range s.pages {
				all = append(all, p...)
			}
		}
		whole := keys(story.Merge(all, story.FilterAll))
		t.Run(fmt.Sprint(seed), func(t *testing.T) { checkPagedMerge(t, streams, whole) })
	}
}

func checkPagedMerge(t *testing.T, streams []stream, whole []string) {
	sources := []*feedSource{new(feedSource), new(feedSource)}
	for _, s := range sources {
		*s = newFeedSource()
	}
	// The page keeps notes before events, as storyData.entries does: the
	// order of entries of the same second.
	loadedOf := make([][]story.Entry, len(streams))
	var shownBefore []string
	for step := 0; ; step++ {
		loaded := slices.Concat(loadedOf...)
		shown, held := showable(loaded, story.FilterAll, cutFor(sources...))
		got := keys(shown)
		if len(got) > len(whole) || !slices.Equal(got, whole[:len(got)]) {
			t.Fatalf("step %d shows %v, the whole feed begins %v", step, got, whole[:min(len(whole), len(got))])
		}
		if len(got) < len(shownBefore) {
			t.Fatalf("step %d shows %d entries, %d before", step, len(got), len(shownBefore))
		}
		shownBefore = got
		if len(got)+held != len(loaded) {
			t.Fatalf("step %d: %d shown and %d held of %d loaded", step, len(got), held, len(loaded))
		}
		i := nextSource(sources...)
		if i < 0 {
			if len(got) != len(whole) {
				t.Fatalf("nothing left to load, but %d of %d entries shown", len(got), len(whole))
			}
			return
		}
		src := sources[i]
		page := streams[i].pages[src.pages:]
		if len(page) == 0 {
			src.more = false // the server answers 204 past the last page
			continue
		}
		times := make([]time.Time, len(page[0]))
		for k, e := range page[0] {
			times[k] = e.At
		}
		loadedOf[i] = append(loadedOf[i], page[0]...)
		src.observe(times)
		src.pages++
		src.more = src.pages < len(streams[i].pages)
	}
}

func TestFeedCutWaitsForStreamsWithoutFrontier(t *testing.T) {
	at := time.Unix(1_700_000_000, 0)
	fresh, done, failed, capped := newFeedSource(), newFeedSource(), newFeedSource(), newFeedSource()
	done.more = false
	failed.state = sourceFailed
	capped.cut = "stopped"
	if c := cutFor(&fresh); !c.none {
		t.Errorf("nothing delivered yet must show nothing, got %+v", c)
	}
	if c := cutFor(&done, &failed, &capped); !c.all {
		t.Errorf("streams that hold nothing back must show everything, got %+v", c)
	}
	ordered := newFeedSource()
	ordered.observe([]time.Time{at, at})
	if c := cutFor(&ordered); !c.none {
		t.Errorf("a stream that has not gone back in time yet must show nothing, got %+v", c)
	}
	ordered.observe([]time.Time{at.Add(-time.Hour)})
	at = at.Add(-time.Hour)
	if c := cutFor(&ordered, &done); c.all || c.none || !c.after.Equal(at) || c.keeps(at) || !c.keeps(at.Add(time.Second)) {
		t.Errorf("an ordered stream cuts strictly after its oldest entry, got %+v", c)
	}
	ordered.observe([]time.Time{at.Add(time.Minute)})
	if c := cutFor(&ordered); !c.none || nextSource(&done, &ordered) != 1 {
		t.Errorf("a stream that went back in time must hold everything and load first, got %+v", c)
	}
}

// TestFeedMergeWaitsForAStreamThatHasNotShownItsOrder: events sent oldest
// first, one per page, look newest first until their second page; until
// then they must hold the notes back.
func TestFeedMergeWaitsForAStreamThatHasNotShownItsOrder(t *testing.T) {
	at := func(s int) time.Time { return time.Unix(1_700_000_000+int64(s), 0) }
	note := func(id int64, s int) story.Entry { return story.Entry{Source: story.SourceNote, NoteID: id, At: at(s)} }
	event := func(id string, s int) story.Entry {
		return story.Entry{Source: story.SourceEvent, EventID: id, At: at(s)}
	}
	streams := []stream{
		{pages: [][]story.Entry{{note(2, 100), note(1, 90)}, {note(0, 5)}}},
		{pages: [][]story.Entry{{event("old", 10)}, {event("new", 200)}}},
	}
	checkPagedMerge(t, streams, []string{"new", "n2", "n1", "old", "n0"})
}
