//go:build !unix

package api

// openNoFollow: elsewhere refuseSymlink's check before opening has to do.
const openNoFollow = 0
