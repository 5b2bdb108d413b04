package cli

import (
	"fmt"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
)

// openAccountCache opens the cache directory of the account baseURL names,
// under $XDG_CACHE_HOME/leadscope (else ~/.cache/leadscope). On failure the
// command works without it: no stored directory, and a rate limit counted
// by this process alone; warn says why, once. An invalid baseURL gives
// neither: building the client reports it.
func openAccountCache(e *Env, baseURL string) (store *cache.Store, warn error) {
	base, err := api.NormalizeBaseURL(baseURL)
	if err != nil {
		return nil, nil
	}
	root, err := cache.DefaultRoot(e.Getenv)
	if err == nil {
		store, err = cache.Open(root, base.Host)
	}
	if err != nil {
		return nil, fmt.Errorf("%w (working without the account cache)", err)
	}
	return store, nil
}

// warn prints one warning line; the command goes on.
func warn(e *Env, err error) {
	fmt.Fprintf(e.Stderr, "leadscope: warning: %s\n", oneLine(describe(err)))
}
