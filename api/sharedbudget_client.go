package api

// shareBudget makes the client's limiter count the requests of every
// process using dir. Rates beyond the shared file's capacity are only used
// to switch the limiter off, and stay local.
func (c *Client) shareBudget(dir string) {
	if dir == "" || c.limiter.limit > sharedBudgetMaxSlots {
		return
	}
	w, err := openSharedWindow(dir, c.limiter.window)
	c.limiter.useShared(w, err)
}

// SharedBudgetErr says why the rate limit is not, or no longer, shared with
// other processes although Options.SharedBudgetDir asked for it (a
// read-only or missing directory, a symbolic link, a lock held for too
// long); the client then counts its own requests only. nil when the budget
// is shared or was not asked to be. Callers show it once as a warning.
func (c *Client) SharedBudgetErr() error {
	return c.limiter.sharedFailure()
}
