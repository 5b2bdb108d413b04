package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Permissions: the cache names the account's users and pipelines; only the
// user may read them.
const (
	dirMode  os.FileMode = 0o700
	fileMode os.FileMode = 0o600
)

// tempPrefix marks the temporary files of atomic writes, so a crash's
// leftovers can be recognised and removed.
const tempPrefix = ".tmp-"

// staleTempAge: a temporary file this old is a crash's leftover, not
// another process's write in progress.
const staleTempAge = time.Minute

// ensureDir creates dir (0700) or tightens an existing one to 0700.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("creating %s: %w", dir, pathless(err))
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("checking %s: %w", dir, pathless(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if info.Mode().Perm() != dirMode {
		if err := os.Chmod(dir, dirMode); err != nil {
			return fmt.Errorf("restricting %s to its owner: %w", dir, pathless(err))
		}
	}
	return nil
}

// writeFileAtomic replaces path with data so that at every moment, crash
// included, path holds either the whole old content or the whole new one:
// write a temporary file in the same directory, fsync it, rename it over
// path. (The same pattern as auth's credential store; the cache is only a
// cache, so the directory is not fsynced.)
func writeFileAtomic(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	tmp, err := os.CreateTemp(dir, tempPrefix+base+"-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(fileMode); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, pathless(err))
	}
	return nil
}

// checkWritable creates and removes a file in dir: a read-only cache shows
// when it is opened, not on the first save.
func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, tempPrefix+"probe-*")
	if err != nil {
		return fmt.Errorf("%s is not writable: %w", dir, pathless(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// removeStaleTemps deletes what interrupted writes left in dir.
func removeStaleTemps(dir string, now time.Time) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, m := range matches {
		if info, err := os.Lstat(m); err == nil && now.Sub(info.ModTime()) > staleTempAge {
			os.Remove(m)
		}
	}
}

// pathless keeps the cause of a *PathError but drops its path and operation,
// which the caller already names: messages stay one short line.
func pathless(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}
