package api

import "context"

// Directory is what start-up prefetches once: the names that turn a lead's
// IDs into words. It is made of independently loaded parts (see
// directoryParts); the JSON tags are the persistent cache's format.
type Directory struct {
	Account   *Account   `json:"account"`
	Pipelines []Pipeline `json:"pipelines"`
	Users     []User     `json:"users"`
	// UsersErr is set when users could not be listed; for non-administrators
	// it matches ErrForbidden, and names fall back to IDs.
	UsersErr error     `json:"-"`
	Catalogs []Catalog `json:"catalogs"`
	// CatalogsErr is set when lists could not be listed; list elements then
	// show without their list's name.
	CatalogsErr error `json:"-"`
	// Cuts says which lists stopped at ListMaxBytes or ListMaxPages; the
	// entities that arrived are in the fields above. Show each with Cut.Note.
	Cuts []*Cut `json:"-"`
}

// LoadDirectory fetches every part of the directory concurrently (the
// limiter still spaces the requests). Only a failure of account or
// pipelines fails it; the first such failure cancels the rest.
func (c *Client) LoadDirectory(ctx context.Context) (*Directory, error) {
	d := &Directory{}
	if err := c.loadParts(ctx, d, AllParts); err != nil {
		return nil, err
	}
	return d, nil
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
