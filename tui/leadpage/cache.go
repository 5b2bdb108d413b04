package leadpage

import (
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// cacheSize bounds how many leads the run keeps: revisits within it cost
// no request, and a long session's memory stays flat.
const cacheSize = 64

// Cache keeps the leads of this run by ID, the least recently used leaving
// first. Only the root model's goroutine touches it.
type Cache struct {
	byID    map[int64]*Data
	recency common.Recency[int64]
	story   storyCache
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{byID: map[int64]*Data{}} }

// Get returns the cached lead and marks it used.
func (c *Cache) Get(id int64) (*Data, bool) {
	d, ok := c.byID[id]
	if ok {
		c.recency.Touch(id)
	}
	return d, ok
}

// Put stores a freshly fetched lead, replacing what was cached for its ID,
// and returns its Data.
func (c *Cache) Put(lead *api.Lead) *Data {
	d := newData(lead)
	if _, ok := c.byID[lead.ID]; !ok && len(c.byID) >= cacheSize {
		delete(c.byID, c.recency.DropOldest())
	}
	c.byID[lead.ID] = d
	c.recency.Touch(lead.ID)
	return d
}
