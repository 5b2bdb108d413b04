//go:build !unix

package auth

// openNoFollow: without O_NOFOLLOW only the Lstat check refuses links.
const openNoFollow = 0
