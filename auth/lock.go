package auth

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// lockRetry is how often a waiting process tries the lock again; a refresh
// holds it for one HTTP round trip.
const lockRetry = 20 * time.Millisecond

// lock takes the store's exclusive lock file (never through a symbolic
// link: opening one would create or truncate a file wherever it points), waiting (until ctx ends) while
// another process or Store holds it. flock(2) locks belong to an open file,
// so two Stores in one process exclude each other too.
func (s *Store) lock(ctx context.Context) (unlock func(), err error) {
	if err := ensureDir(s.dir); err != nil {
		return nil, err
	}
	path := filepath.Join(s.dir, lockFile)
	if err := refuseLink(path); err != nil {
		return nil, err
	}
	fl := flock.New(path, flock.SetPermissions(fileMode), flock.SetFlag(os.O_CREATE|os.O_RDWR|openNoFollow))
	ok, err := fl.TryLockContext(ctx, lockRetry)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("locking %s: %w", fl.Path(), pathless(err))
	}
	if !ok {
		return nil, fmt.Errorf("could not lock %s", fl.Path())
	}
	return func() { fl.Unlock() }, nil
}

// refuseLink reports a lock path that exists but is not a plain file: a
// symbolic link there would redirect the lock file's creation elsewhere.
func refuseLink(path string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("checking %s: %w", path, pathless(err))
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; leadscope does not follow it: remove it and try again", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file: remove it and try again", path)
	}
	return nil
}
