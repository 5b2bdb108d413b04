package cli

import (
	"github.com/leadscope/leadscope/auth"
	"github.com/leadscope/leadscope/tui/views"
)

// configuredViews are config.json's "views", for `list --view` and the
// browser's tabs; none when there is no config directory or file.
func configuredViews(e *Env) ([]views.View, error) {
	dir, err := auth.DefaultDir(e.Getenv)
	if err != nil {
		return nil, nil
	}
	return views.Load(auth.ConfigPath(dir))
}
