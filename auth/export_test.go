package auth

import (
	"os"
	"time"
)

// SetSyncFile swaps the fsync used by atomic writes, so tests can make the
// disk fail (full, I/O error) or the process die half-way through a write.
func SetSyncFile(f func(*os.File) error) (restore func()) {
	old := syncFile
	syncFile = f
	return func() { syncFile = old }
}

// SetClock makes t think it is now.
func (t *TokenSource) SetClock(now func() time.Time) { t.now = now }
