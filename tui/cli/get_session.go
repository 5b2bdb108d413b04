package cli

import (
	"runtime/debug"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
)

// getMemoryLimit is the soft memory limit `get` runs under unless
// GOMEMLIMIT says otherwise: a lead and its lists fit in far less, and
// with it the collector returns what a hostile body took, instead of
// growing the resident set to twice the live heap.
const getMemoryLimit = 64 << 20

// limitGetMemory sets getMemoryLimit unless GOMEMLIMIT is set; the
// returned func puts the previous limit back.
func limitGetMemory(e *Env) (restore func()) {
	if e.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	previous := debug.SetMemoryLimit(getMemoryLimit)
	return func() { debug.SetMemoryLimit(previous) }
}

// getFlags are the flags every `get` (lead, contact, company) shares.
type getFlags struct {
	refresh *bool
	account *string
	timeout *time.Duration
	tz      *string
}

func addGetFlags(fs *flagSet) getFlags {
	return getFlags{
		refresh: fs.Bool("refresh", false, "fetch the account's pipelines, users and lists again instead of using the cache"),
		account: fs.String("account", "", "the Kommo `ACCOUNT`, e.g. acme.kommo.com (overrides KOMMO_BASE_URL)"),
		timeout: fs.Duration("timeout", api.DefaultTimeout, "give up on one request attempt after this long"),
		tz:      fs.String("tz", "account", tzUsage),
	}
}

// getSession is what a `get` talks to Kommo through: the client, the
// account's cached names, the zone to show times in, and the warnings
// that wait until the arguments are known to be good.
type getSession struct {
	client       *api.Client
	src          *cache.Source
	zone         zoneChoice
	cacheWarning error
	budgetErr    error // the shared rate limit's trouble at the start
}

// connect checks the shared flags and opens the account: the zone, the
// credentials, the account's cache (whose directory also shares the rate
// limit with other processes) and the client. When it fails it has said
// why, and its exit code is not ExitOK.
func (f getFlags) connect(e *Env, fs *flagSet) (*getSession, int) {
	if *f.timeout <= 0 {
		return nil, fail(e, ExitUsage, "--timeout must be positive, e.g. 10s")
	}
	zone, err := resolveZoneChoice(e, fs, *f.tz)
	if err != nil {
		return nil, fail(e, ExitUsage, "%v", err)
	}
	conn, err := resolveConnection(e, *f.account)
	if err != nil {
		return nil, fail(e, exitCode(err), "%v", err)
	}
	conn.timeout = *f.timeout
	store, cacheWarning := openAccountCache(e, conn.baseURL)
	if store != nil {
		conn.budgetDir = store.Dir()
	}
	client, err := newClient(conn)
	if err != nil {
		return nil, fail(e, ExitUsage, "%v", err)
	}
	return &getSession{client: client, src: cache.NewSource(client, store), zone: zone, cacheWarning: cacheWarning}, ExitOK
}

// warnAtStart says, before any request, what is wrong with the cache and
// the shared rate limit: the command goes on without them.
func (s *getSession) warnAtStart(e *Env) {
	if s.cacheWarning != nil {
		warn(e, s.cacheWarning)
	}
	s.budgetErr = s.client.SharedBudgetErr()
	if s.budgetErr != nil {
		warn(e, s.budgetErr)
	}
}

// warnAtEnd says what broke during the run, once: the cache, and the
// shared rate limit unless warnAtStart already did.
func (s *getSession) warnAtEnd(e *Env) {
	if err := s.src.CacheErr(); err != nil {
		warn(e, err)
	}
	if err := s.client.SharedBudgetErr(); err != nil && s.budgetErr == nil {
		warn(e, err)
	}
}
