//go:build unix

package auth

import "syscall"

// openNoFollow makes opening a path that is a symbolic link fail, so a
// link planted between a check and the open cannot redirect a write.
const openNoFollow = syscall.O_NOFOLLOW
