package api

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
)

// DirectoryPart names parts of a Directory that load independently: one
// or a few requests each. Parts combine as bits.
type DirectoryPart uint32

const (
	PartAccount DirectoryPart = 1 << iota
	PartPipelines
	PartUsers
	PartCatalogs
	partEnd // a new part goes above this line

	// AllParts is every part: a whole directory.
	AllParts = partEnd - 1
)

// directoryParts is how each part loads and what it must know of a lead.
// A new part is a row here, its bit above and its fields (with JSON tags:
// the cache stores them) in Directory.
var directoryParts = []directoryPart{
	requiredPart(PartAccount, "account", (*Client).Account,
		func(d *Directory) **Account { return &d.Account },
		func(d *Directory, _ *Lead) bool { return d.Account != nil }),
	requiredPart(PartPipelines, "pipelines", (*Client).Pipelines,
		func(d *Directory) *[]Pipeline { return &d.Pipelines },
		knowsStage),
	optionalPart(PartUsers, "users", (*Client).Users,
		func(d *Directory) (*[]User, *error) { return &d.Users, &d.UsersErr },
		knowsUsers),
	optionalPart(PartCatalogs, "lists", (*Client).Catalogs,
		func(d *Directory) (*[]Catalog, *error) { return &d.Catalogs, &d.CatalogsErr },
		knowsCatalogs),
}

type directoryPart struct {
	part DirectoryPart
	name string
	// load fetches the part and stores it in d; a failure of an optional
	// part is recorded in d, a failure of a required one is returned.
	load func(ctx context.Context, c *Client, d *Directory) error
	// knows says whether d holds everything of this part that lead names.
	knows func(d *Directory, lead *Lead) bool
	// failure is where an optional part's error goes; nil for required parts.
	failure func(d *Directory) *error
}

// requiredPart is a part without which the directory is useless: its
// failure fails the load.
func requiredPart[T any](p DirectoryPart, name string, fetch func(*Client, context.Context) (T, error),
	field func(*Directory) *T, knows func(*Directory, *Lead) bool) directoryPart {
	return directoryPart{part: p, name: name, knows: knows, load: func(ctx context.Context, c *Client, d *Directory) error {
		v, err := fetch(c, ctx)
		if err == nil || errors.As(err, new(*Cut)) {
			*field(d) = v
		}
		return err
	}}
}

// optionalPart is a list a directory can lack (users for non-administrators):
// its failure is kept in the directory's error field. A refresh that fails
// for any reason but "forbidden" keeps the list loaded before.
func optionalPart[E any](p DirectoryPart, name string, fetch func(*Client, context.Context) ([]E, error),
	field func(*Directory) (*[]E, *error), knows func(*Directory, *Lead) bool) directoryPart {
	failure := func(d *Directory) *error { _, e := field(d); return e }
	return directoryPart{part: p, name: name, knows: knows, failure: failure, load: func(ctx context.Context, c *Client, d *Directory) error {
		v, err := fetch(c, ctx)
		list, failure := field(d)
		switch {
		case err == nil:
			*list, *failure = v, nil
		case errors.As(err, new(*Cut)):
			*list, *failure = v, nil
			return err // kept, and reported as a cut
		case errors.Is(err, ErrForbidden) || len(*list) == 0:
			*list, *failure = nil, err
		}
		return nil
	}}
}

// loadParts loads parts into d concurrently; the first failure of a
// required part cancels the rest and is returned (d is then incomplete).
// A list that stopped at a bound is kept and recorded in d.Cuts.
func (c *Client) loadParts(ctx context.Context, d *Directory, parts DirectoryPart) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		fatalErr error
		cuts     []*Cut
	)
	for _, p := range directoryParts {
		if parts&p.part == 0 {
			continue
		}
		wg.Go(func() {
			err := p.load(ctx, c, d)
			if err == nil {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			var cut *Cut
			switch {
			case errors.As(err, &cut):
				cuts = append(cuts, cut)
			case fatalErr == nil:
				fatalErr = err
				cancel()
			}
		})
	}
	wg.Wait()
	if len(cuts) > 0 {
		d.Cuts = append(slices.DeleteFunc(slices.Clone(d.Cuts), func(old *Cut) bool {
			return slices.ContainsFunc(cuts, func(cut *Cut) bool { return cut.What == old.What })
		}), cuts...)
		slices.SortFunc(d.Cuts, func(a, b *Cut) int { return strings.Compare(a.What, b.What) })
	}
	return fatalErr
}

// RefreshDirectory reloads some parts of d and returns the result as a new
// Directory; d itself is not changed. A failure of a required part fails
// it; an optional part that fails keeps what d had unless it is now forbidden.
func (c *Client) RefreshDirectory(ctx context.Context, d *Directory, parts DirectoryPart) (*Directory, error) {
	var fresh Directory
	if d != nil {
		fresh = *d
	}
	if err := c.loadParts(ctx, &fresh, parts); err != nil {
		return nil, err
	}
	return &fresh, nil
}

// Unknown is the parts of d that lack something lead names: a pipeline or
// stage, a user (when users are permitted), a list. Refreshing them may
// turn the lead's IDs into names. A nil lead names nothing.
func (d *Directory) Unknown(lead *Lead) DirectoryPart {
	if lead == nil {
		return 0
	}
	if d == nil {
		return AllParts
	}
	var missing DirectoryPart
	for _, p := range directoryParts {
		if !p.knows(d, lead) {
			missing |= p.part
		}
	}
	return missing
}

// Knows says whether d can name everything lead refers to.
func (d *Directory) Knows(lead *Lead) bool { return d.Unknown(lead) == 0 }

func knowsStage(d *Directory, lead *Lead) bool {
	if lead.PipelineID == 0 {
		return true
	}
	_, _, ok := d.Status(lead.PipelineID, lead.StatusID)
	return ok
}

// knowsUsers: a forbidden list cannot be refreshed into names, so it knows
// all it ever will.
func knowsUsers(d *Directory, lead *Lead) bool {
	if errors.Is(d.UsersErr, ErrForbidden) {
		return true
	}
	for _, id := range []int64{lead.ResponsibleUserID, lead.CreatedBy, lead.UpdatedBy} {
		if id > 0 && !d.hasUser(id) {
			return false
		}
	}
	return true
}

func knowsCatalogs(d *Directory, lead *Lead) bool {
	if errors.Is(d.CatalogsErr, ErrForbidden) {
		return true
	}
	for _, ref := range lead.Embedded.CatalogElements {
		if id := ref.Metadata.CatalogID; id > 0 && !d.hasCatalog(id) {
			return false
		}
	}
	return true
}

func (d *Directory) hasUser(id int64) bool {
	for _, u := range d.Users {
		if u.ID == id {
			return true
		}
	}
	return false
}

func (d *Directory) hasCatalog(id int64) bool {
	for _, c := range d.Catalogs {
		if c.ID == id {
			return true
		}
	}
	return false
}

// Parts lists every single part, in a fixed order.
func Parts() []DirectoryPart {
	out := make([]DirectoryPart, len(directoryParts))
	for i, p := range directoryParts {
		out[i] = p.part
	}
	return out
}

// PartErr is why the optional part p could not be loaded (d.UsersErr for
// PartUsers...); nil when it loaded, or for a required part.
func (d *Directory) PartErr(p DirectoryPart) error {
	if dp, ok := partOf(p); ok && dp.failure != nil && d != nil {
		return *dp.failure(d)
	}
	return nil
}

// SetPartErr records err as why the optional part p is missing, e.g. when
// a directory is restored from a cache that remembers a 403. It does
// nothing for a required part.
func (d *Directory) SetPartErr(p DirectoryPart, err error) {
	if dp, ok := partOf(p); ok && dp.failure != nil && d != nil {
		*dp.failure(d) = err
	}
}

func partOf(p DirectoryPart) (directoryPart, bool) {
	for _, dp := range directoryParts {
		if dp.part == p {
			return dp, true
		}
	}
	return directoryPart{}, false
}

// String names the parts, e.g. "pipelines+users".
func (p DirectoryPart) String() string {
	var names []string
	for _, dp := range directoryParts {
		if p&dp.part != 0 {
			names = append(names, dp.name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "+")
}
