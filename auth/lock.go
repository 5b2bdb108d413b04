package auth

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// lockRetry is how often a waiting process tries the lock again; a refresh
// holds it for one HTTP round trip.
const lockRetry = 20 * time.Millisecond

// lock takes the store's exclusive lock file, waiting (until ctx ends) while
// another process or Store holds it. flock(2) locks belong to an open file,
// so two Stores in one process exclude each other too.
func (s *Store) lock(ctx context.Context) (unlock func(), err error) {
	if err := ensureDir(s.dir); err != nil {
		return nil, err
	}
	fl := flock.New(filepath.Join(s.dir, lockFile), flock.SetPermissions(fileMode))
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
