package auth

import (
	"errors"
	"path/filepath"
)

// appDir is leadscope's folder inside the user's config directory.
const appDir = "leadscope"

// DefaultDir is where leadscope keeps its config and credentials:
// $XDG_CONFIG_HOME/leadscope, else $HOME/.config/leadscope. It reads the
// environment through getenv so tests and callers decide what it sees.
func DefaultDir(getenv func(string) string) (string, error) {
	if xdg := getenv("XDG_CONFIG_HOME"); xdg != "" && filepath.IsAbs(xdg) {
		return filepath.Join(xdg, appDir), nil
	}
	home := getenv("HOME")
	if home == "" || !filepath.IsAbs(home) {
		return "", errors.New("cannot find the config directory: neither XDG_CONFIG_HOME nor HOME is set to an absolute path")
	}
	return filepath.Join(home, ".config", appDir), nil
}
