//go:build !unix

package cache

// openNoFollow: elsewhere the Lstat check before opening has to do.
const openNoFollow = 0
