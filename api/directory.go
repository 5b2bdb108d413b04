package api

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
)

// Directory is what start-up prefetches once: the names that turn a lead's
// IDs into words.
type Directory struct {
	Account   *Account
	Pipelines []Pipeline
	Users     []User
	// UsersErr is set when users could not be listed; for non-administrators
	// it matches ErrForbidden, and names fall back to IDs.
	UsersErr error
	Catalogs []Catalog
	// CatalogsErr is set when lists could not be listed; list elements then
	// show without their list's name.
	CatalogsErr error
	// Cuts says which lists stopped at ListMaxBytes or ListMaxPages; the
	// entities that arrived are in the fields above. Show each with Cut.Note.
	Cuts []*Cut
}

// LoadDirectory fetches account, pipelines, users and catalogs concurrently
// (the limiter still spaces the requests). Only a failure of account or
// pipelines fails it; the first such failure cancels the rest.
func (c *Client) LoadDirectory(ctx context.Context) (*Directory, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		d        Directory
		wg       sync.WaitGroup
		mu       sync.Mutex
		fatalErr error
	)
	fatal := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if fatalErr == nil {
			fatalErr = err
			cancel()
		}
	}
	wg.Go(func() {
		a, err := c.Account(ctx)
		if err != nil {
			fatal(err)
			return
		}
		d.Account = a
	})
	// cut keeps a list that stopped at a bound and reports any other error.
	cut := func(err error) error {
		var c *Cut
		if !errors.As(err, &c) {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		d.Cuts = append(d.Cuts, c)
		return nil
	}
	wg.Go(func() {
		p, err := c.Pipelines(ctx)
		if err := cut(err); err != nil {
			fatal(err)
			return
		}
		d.Pipelines = p
	})
	wg.Go(func() {
		users, err := c.Users(ctx)
		d.Users, d.UsersErr = users, cut(err)
	})
	wg.Go(func() {
		catalogs, err := c.Catalogs(ctx)
		d.Catalogs, d.CatalogsErr = catalogs, cut(err)
	})
	wg.Wait()
	if fatalErr != nil {
		return nil, fatalErr
	}
	slices.SortFunc(d.Cuts, func(a, b *Cut) int { return strings.Compare(a.What, b.What) })
	return &d, nil
}

// Status finds a stage by pipeline and stage ID; stage IDs 142 and 143 are
// shared by every pipeline, so the pipeline decides which one is meant.
func (d *Directory) Status(pipelineID, statusID int64) (Pipeline, Status, bool) {
	if d == nil {
		return Pipeline{}, Status{}, false
	}
	for _, p := range d.Pipelines {
		if p.ID != pipelineID {
			continue
		}
		for _, s := range p.Statuses {
			if s.ID == statusID {
				return p, s, true
			}
		}
		return p, Status{}, false
	}
	return Pipeline{}, Status{}, false
}

// Pipeline finds a pipeline by ID.
func (d *Directory) Pipeline(id int64) (Pipeline, bool) {
	if d == nil {
		return Pipeline{}, false
	}
	for _, p := range d.Pipelines {
		if p.ID == id {
			return p, true
		}
	}
	return Pipeline{}, false
}

// UserName returns a user's name; false when the user is unknown, nameless
// or users are not permitted to this token.
func (d *Directory) UserName(id int64) (string, bool) {
	if d == nil {
		return "", false
	}
	for _, u := range d.Users {
		if u.ID == id && u.Name != "" {
			return u.Name, true
		}
	}
	return "", false
}

// CatalogName returns a list's name; false when unknown or nameless.
func (d *Directory) CatalogName(id int64) (string, bool) {
	if d == nil {
		return "", false
	}
	for _, c := range d.Catalogs {
		if c.ID == id && c.Name != "" {
			return c.Name, true
		}
	}
	return "", false
}
