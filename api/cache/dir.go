package cache

import (
	"errors"
	"path/filepath"
	"strings"
)

// appDir is leadscope's folder inside the user's cache directory.
const appDir = "leadscope"

// DefaultRoot is where leadscope keeps its caches: $XDG_CACHE_HOME/leadscope,
// else $HOME/.cache/leadscope. It reads the environment through getenv so
// tests and callers decide what it sees; relative paths are ignored, as
// the XDG specification asks.
func DefaultRoot(getenv func(string) string) (string, error) {
	if xdg := getenv("XDG_CACHE_HOME"); xdg != "" && filepath.IsAbs(xdg) {
		return filepath.Join(xdg, appDir), nil
	}
	home := getenv("HOME")
	if home == "" || !filepath.IsAbs(home) {
		return "", errors.New("cannot find the cache directory: neither XDG_CACHE_HOME nor HOME is set to an absolute path")
	}
	return filepath.Join(home, ".cache", appDir), nil
}

// AccountDir is the folder of one account under root, e.g.
// root/acme.kommo.com. The host is reduced to letters, digits, dots and
// dashes (a port's colon becomes "_"), so no host can name a path outside root.
func AccountDir(root, accountHost string) (string, error) {
	name := hostDirName(accountHost)
	if name == "" {
		return "", errors.New("cache: no account host")
	}
	return filepath.Join(root, name), nil
}

func hostDirName(host string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(host) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), ".")
	if strings.Trim(name, "_") == "" {
		return ""
	}
	return name
}
