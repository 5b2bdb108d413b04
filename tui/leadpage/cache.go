package leadpage

import "github.com/leadscope/leadscope/api"

// cacheSize bounds how many leads the run keeps: revisits within it cost
// no request, and a long session's memory stays flat.
const cacheSize = 64

// Cache keeps the leads of this run by ID, the least recently used leaving
// first. Only the root model's goroutine touches it.
type Cache struct {
	byID  map[int64]*Data
	order []int64 // least recently used first
	story storyCache
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{byID: map[int64]*Data{}} }

// Get returns the cached lead and marks it used.
func (c *Cache) Get(id int64) (*Data, bool) {
	d, ok := c.byID[id]
	if ok {
		c.touch(id)
	}
	return d, ok
}

// Put stores a freshly fetched lead, replacing what was cached for its ID,
// and returns its Data.
func (c *Cache) Put(lead *api.Lead) *Data {
	d := newData(lead)
	if _, ok := c.byID[lead.ID]; !ok && len(c.byID) >= cacheSize {
		oldest := c.order[0]
		c.order = c.order[1:]
		delete(c.byID, oldest)
	}
	c.byID[lead.ID] = d
	c.touch(lead.ID)
	return d
}

func (c *Cache) touch(id int64) {
	for i, v := range c.order {
		if v == id {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
	c.order = append(c.order, id)
}
