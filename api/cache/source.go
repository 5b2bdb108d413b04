package cache

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/leadscope/leadscope/api"
)

// DefaultMaxAge is how long a stored directory counts as fresh.
const DefaultMaxAge = 10 * time.Minute

// Source hands out an account's directory: from the Store when it has one,
// else from Kommo, saving what it fetches. A nil Store makes it fetch every
// time (a cache that could not be opened).
type Source struct {
	client *api.Client
	store  *Store
	// MaxAge is how long a stored directory counts as fresh; 0 means DefaultMaxAge.
	MaxAge time.Duration
	now    func() time.Time

	mu      sync.Mutex
	saveErr error
}

// NewSource returns a Source of client's account, cached in store (may be nil).
func NewSource(client *api.Client, store *Store) *Source {
	return &Source{client: client, store: store, now: time.Now}
}

// Cached is the stored snapshot, without a request; false when there is none.
func (s *Source) Cached() (Snapshot, bool) {
	s.mu.Lock()
	store := s.store
	s.mu.Unlock()
	if store == nil {
		return Snapshot{}, false
	}
	snap, ok := store.Load()
	snap.FromCache = ok
	return snap, ok
}

// Stale says snap should be revalidated: it is older than MaxAge, or a part
// of it is missing.
func (s *Source) Stale(snap Snapshot) bool {
	maxAge := s.MaxAge
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	saved := snap.SavedAt()
	return saved.IsZero() || s.now().Sub(saved) > maxAge
}

// Load returns the stored snapshot at once when there is one, fresh or
// not (see Stale); otherwise it fetches the whole directory at ctx's
// priority and saves it. It makes no request when the store has the account.
func (s *Source) Load(ctx context.Context) (Snapshot, error) {
	if snap, ok := s.Cached(); ok {
		return snap, nil
	}
	return s.Refresh(ctx)
}

// Refresh fetches the whole directory at ctx's priority, saves it and
// returns it: for --refresh, a refresh key, or a first start.
func (s *Source) Refresh(ctx context.Context) (Snapshot, error) {
	d, err := s.client.LoadDirectory(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	snap := fetchedNow(d, api.AllParts, Snapshot{}, s.now())
	s.save(snap)
	return snap, nil
}

// Revalidate is Refresh at background priority: the requests of a person
// waiting for a lead go first, and it uses only what they leave of the
// rate limit. Start it when Stale says so and use its result when it comes.
func (s *Source) Revalidate(ctx context.Context) (Snapshot, error) {
	return s.Refresh(api.WithPriority(ctx, api.Background))
}

// Complete makes snap able to name what lead refers to: the parts that lack
// something the lead names are refetched (one request or so each, at ctx's
// priority) and saved, unless they were fetched after the lead last
// changed, in which case a refetch could not know more (a deleted user).
// It returns snap itself, without a request, when nothing needs refetching.
func (s *Source) Complete(ctx context.Context, snap Snapshot, lead *api.Lead) (Snapshot, error) {
	parts := s.worthRefreshing(snap, lead)
	if parts == 0 {
		return snap, nil
	}
	d, err := s.client.RefreshDirectory(ctx, snap.Dir, parts)
	if err != nil {
		return snap, err
	}
	done := fetchedNow(d, parts, snap, s.now())
	s.save(done)
	return done, nil
}

func (s *Source) worthRefreshing(snap Snapshot, lead *api.Lead) api.DirectoryPart {
	if lead == nil {
		return 0
	}
	changed := time.Unix(lead.UpdatedAt, 0)
	var parts api.DirectoryPart
	for _, p := range api.Parts() {
		if snap.Dir.Unknown(lead)&p == 0 {
			continue
		}
		if at, ok := snap.Fetched[p]; !ok || lead.UpdatedAt == 0 || !at.After(changed) {
			parts |= p
		}
	}
	return parts
}

// save stores snap; the first failure is kept for CacheErr and ends the
// use of the store, so a broken disk costs one warning, not one per save.
func (s *Source) save(snap Snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store == nil || !worthKeeping(snap) {
		// A directory without its account or pipelines (a broken server's
		// answer) is not saved, and the cache stays usable for the next one.
		return
	}
	if err := s.store.Save(snap); err != nil {
		s.saveErr, s.store = err, nil
	}
}

// CacheErr is why the cache stopped being written during this run, or nil.
func (s *Source) CacheErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saveErr
}

func isForbidden(err error) bool { return errors.Is(err, api.ErrForbidden) }

// worthKeeping is what Store.Save accepts: a directory that can name a lead.
func worthKeeping(snap Snapshot) bool {
	return snap.Dir != nil && snap.Dir.Account != nil && len(snap.Dir.Pipelines) > 0
}
