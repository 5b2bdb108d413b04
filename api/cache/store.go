package cache

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/leadscope/leadscope/api"
)

const (
	fileName = "directory.json"
	// format and Version identify the file; any other value is ignored.
	format = "leadscope-directory"
	// Version is the file format's version. A new directory part does not
	// need a new version: a file without it reads as incomplete.
	Version = 1
	// maxFileBytes bounds what Load reads: a big account's directory is a
	// few megabytes.
	maxFileBytes = 64 << 20
	// futureSlack: a part fetched later than this from now comes from a
	// clock that was set back, and its age means nothing.
	futureSlack = time.Minute
)

// Store is one account's directory on disk. Its methods are safe for
// concurrent use, across processes too: writes are atomic renames.
type Store struct {
	dir, path, host string
	now             func() time.Time
}

// Open prepares root/<account host> (0700) and checks that it can be
// written. An error means "work without the cache": show it once.
func Open(root, accountHost string) (*Store, error) {
	if !filepath.IsAbs(root) {
		return nil, fmt.Errorf("cache: %q is not an absolute directory", root)
	}
	dir, err := AccountDir(root, accountHost)
	if err != nil {
		return nil, err
	}
	if err := ensureDir(dir); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	if err := checkWritable(dir); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	s := &Store{dir: dir, path: filepath.Join(dir, fileName), host: accountHost, now: time.Now}
	removeStaleTemps(dir, s.now())
	return s, nil
}

// Dir is the account's cache directory; the shared rate limit lives there too.
func (s *Store) Dir() string { return s.dir }

// wireSnapshot is directory.json.
type wireSnapshot struct {
	Format    string              `json:"format"`
	Version   int                 `json:"version"`
	Account   string              `json:"account"`
	Parts     map[string]wirePart `json:"parts"`
	Directory *api.Directory      `json:"directory"`
}

// wirePart says when a part was fetched, and whether Kommo refused it.
type wirePart struct {
	FetchedAt time.Time `json:"fetched_at"`
	Forbidden bool      `json:"forbidden,omitempty"`
}

// Load reads the stored snapshot; ok is false when there is none, or the
// file is unreadable, of another version or of another account.
func (s *Store) Load() (Snapshot, bool) {
	data, err := s.read()
	if err != nil {
		return Snapshot{}, false
	}
	var w wireSnapshot
	if json.Unmarshal(data, &w) != nil || w.Format != format || w.Version != Version || w.Account != s.host || w.Directory == nil {
		return Snapshot{}, false
	}
	return s.restore(w)
}

func (s *Store) read() ([]byte, error) {
	if info, err := os.Lstat(s.path); err != nil || !info.Mode().IsRegular() {
		return nil, errors.New("no regular file")
	}
	f, err := os.OpenFile(s.path, os.O_RDONLY|openNoFollow, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil || len(data) > maxFileBytes {
		return nil, errors.New("unreadable")
	}
	return data, nil
}

// restore turns the file's parts back into fetch times and part errors. A
// required part that is missing makes the file useless.
func (s *Store) restore(w wireSnapshot) (Snapshot, bool) {
	snap := Snapshot{Dir: w.Directory, Fetched: map[api.DirectoryPart]time.Time{}}
	latest := s.now().Add(futureSlack)
	for _, p := range api.Parts() {
		wp, ok := w.Parts[p.String()]
		switch {
		case ok && !wp.FetchedAt.IsZero() && wp.FetchedAt.Before(latest):
			snap.Fetched[p] = wp.FetchedAt
			if wp.Forbidden {
				snap.Dir.SetPartErr(p, forbidden(p, wp.FetchedAt))
			}
		default:
			snap.Dir.SetPartErr(p, fmt.Errorf("load %s: not in the cache", p))
		}
	}
	if snap.Dir.Account == nil || len(snap.Dir.Pipelines) == 0 {
		return Snapshot{}, false
	}
	return snap, true
}

// forbidden is the remembered 403 of an optional part.
func forbidden(p api.DirectoryPart, at time.Time) error {
	return &api.Error{Kind: api.ErrForbidden, Op: "load " + p.String(),
		Detail: "remembered from " + at.Format(time.RFC3339)}
}

// Save writes snap atomically (0600). A snapshot without the account or
// pipelines is refused: it would be useless to read back.
func (s *Store) Save(snap Snapshot) error {
	if snap.Dir == nil || snap.Dir.Account == nil || len(snap.Dir.Pipelines) == 0 {
		return errors.New("cache: refusing to save a directory without its account or pipelines")
	}
	w := wireSnapshot{Format: format, Version: Version, Account: s.host, Parts: map[string]wirePart{}, Directory: snap.Dir}
	for _, p := range api.Parts() {
		at, ok := snap.Fetched[p]
		if !ok {
			continue
		}
		err := snap.Dir.PartErr(p)
		switch {
		case err == nil:
			w.Parts[p.String()] = wirePart{FetchedAt: at}
		case errors.Is(err, api.ErrForbidden):
			w.Parts[p.String()] = wirePart{FetchedAt: at, Forbidden: true}
		}
	}
	data, err := json.Marshal(w)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err := writeFileAtomic(s.path, data); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
