package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// File names inside the store's directory.
const (
	credentialsFile = "credentials.json"
	lockFile        = "credentials.lock"
	configFile      = "config.json"
	maxFileBytes    = 1 << 20
)

// ErrNotLoggedIn means no credentials are stored.
var ErrNotLoggedIn = errors.New("not logged in")

// Store keeps credentials in one directory. Several Stores (in one process
// or many) may share a directory: writes are atomic and refreshes take the
// directory's lock file.
type Store struct {
	dir string
}

// NewStore returns the store in dir (see DefaultDir). Nothing is created
// until something is saved.
func NewStore(dir string) *Store { return &Store{dir: dir} }

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Path is the credentials file, for telling the user where they live.
func (s *Store) Path() string { return filepath.Join(s.dir, credentialsFile) }

// Load reads the stored credentials; ErrNotLoggedIn when there are none.
func (s *Store) Load() (*Credentials, error) {
	data, err := readSmallFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotLoggedIn
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.Path(), pathless(err))
	}
	var c Credentials
	// The decoder's message could quote the file; the file holds tokens.
	if json.Unmarshal(data, &c) != nil || c.Account == "" || c.AccessToken == "" {
		return nil, fmt.Errorf("%s is damaged: run `leadscope login` again", s.Path())
	}
	if c.Kind != KindOAuth && c.Kind != KindLongLived {
		return nil, fmt.Errorf("%s holds an unknown kind of token %q: run `leadscope login` again", s.Path(), c.Kind)
	}
	return &c, nil
}

// Save replaces the stored credentials atomically, under the store's lock
// so it never interleaves with another process's refresh.
func (s *Store) Save(ctx context.Context, c *Credentials) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	return s.save(c)
}

// save writes c; the caller holds the lock (which created the directory).
func (s *Store) save(c *Credentials) error {
	stamped := *c
	stamped.SavedAt = time.Now().UTC().Truncate(time.Second)
	data, err := json.MarshalIndent(&stamped, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding credentials: %w", err)
	}
	removeStaleTemps(s.dir, credentialsFile)
	return writeFileAtomic(s.Path(), append(data, '\n'))
}

// Delete removes the stored credentials (under the lock, so a refresh in
// another process cannot write them back). It reports whether any existed.
func (s *Store) Delete(ctx context.Context) (bool, error) {
	if _, err := os.Stat(s.Path()); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return false, err
	}
	defer unlock()
	err = os.Remove(s.Path())
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("removing %s: %w", s.Path(), pathless(err))
	}
	removeStaleTemps(s.dir, credentialsFile)
	return true, syncDir(s.dir)
}

// readSmallFile reads a file of at most maxFileBytes: a config or
// credentials file that large is not ours.
func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > maxFileBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxFileBytes)
	}
	buf := make([]byte, info.Size())
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return buf[:n], nil
}
