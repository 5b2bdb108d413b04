package auth

import (
	"fmt"
	"os"
	"path/filepath"
)

// Permissions: the folder and files hold secrets, so only the user may read them.
const (
	dirMode  os.FileMode = 0o700
	fileMode os.FileMode = 0o600
)

// tempPrefix marks the temporary files of atomic writes, so a crash's
// leftovers can be recognised and removed.
const tempPrefix = ".tmp-"

// syncFile is (*os.File).Sync; the storage tests replace it to simulate a
// disk that fails half-way through a write.
var syncFile = (*os.File).Sync

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
// path, fsync the directory. On failure nothing but the temporary file was
// touched, and it is removed.
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
	if err = syncFile(tmp); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathless(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, pathless(err))
	}
	// The rename is durable only once the directory entry is on disk.
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing %s: %w", dir, pathless(err))
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", dir, pathless(err))
	}
	return nil
}

// removeStaleTemps deletes what interrupted atomic writes of base left
// behind. Callers hold the store's lock, so no write is in progress.
func removeStaleTemps(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+base+"-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// pathless keeps the cause of a *PathError but drops its path and operation,
// which the caller already names: error messages stay one short line.
func pathless(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}
