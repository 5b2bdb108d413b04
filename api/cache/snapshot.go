package cache

import (
	"maps"
	"time"

	"github.com/leadscope/leadscope/api"
)

// Snapshot is a directory with when each of its parts was fetched from
// Kommo. A part that failed for any reason but "forbidden" has no time.
type Snapshot struct {
	Dir     *api.Directory
	Fetched map[api.DirectoryPart]time.Time
	// FromCache says the snapshot was read from disk rather than fetched
	// in this run.
	FromCache bool
}

// fetchedNow is a snapshot of a directory just fetched in full: every part
// that loaded, or was forbidden, is dated at.
func fetchedNow(d *api.Directory, parts api.DirectoryPart, base Snapshot, at time.Time) Snapshot {
	snap := Snapshot{Dir: d, Fetched: maps.Clone(base.Fetched)}
	if snap.Fetched == nil {
		snap.Fetched = map[api.DirectoryPart]time.Time{}
	}
	for _, p := range api.Parts() {
		if parts&p == 0 {
			continue
		}
		if err := d.PartErr(p); err == nil || isForbidden(err) {
			snap.Fetched[p] = at
		} else {
			delete(snap.Fetched, p)
		}
	}
	return snap
}

// SavedAt is when the oldest part was fetched: the snapshot's age. It is
// zero when some part was never fetched.
func (s Snapshot) SavedAt() time.Time {
	var oldest time.Time
	for _, p := range api.Parts() {
		at, ok := s.Fetched[p]
		if !ok {
			return time.Time{}
		}
		if oldest.IsZero() || at.Before(oldest) {
			oldest = at
		}
	}
	return oldest
}

// Incomplete says some part is missing: it failed when it was fetched, or
// the file predates it.
func (s Snapshot) Incomplete() bool { return s.SavedAt().IsZero() }
