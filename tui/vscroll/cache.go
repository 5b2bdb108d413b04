package vscroll

// cacheKey names one rendering of an item: the cursor's item is drawn
// differently from its neighbours. The width is not part of the key because
// a new width empties the whole cache.
type cacheKey struct {
	item     int
	selected bool
}

type cacheSlot struct {
	key   cacheKey
	lines []string
}

// cache keeps the lines of the most recently rendered items, first in first
// out. Its capacity is a few screens: one frame needs at most a screen of
// items (each takes at least one line), and so does the walk that finds the
// bottom, so items are rendered again only after the view has moved on.
type cache struct {
	index map[cacheKey]int // slot of each cached key
	slots []cacheSlot
	next  int // slot to fill next once the ring is full: the oldest
}

// minCacheItems keeps a tiny screen from thrashing during resizes.
const minCacheItems = 64

// cacheScreens is how many screens of one-line items the cache holds.
const cacheScreens = 4

func cacheCapacity(height int) int {
	return max(minCacheItems, cacheScreens*height)
}

// reset empties the cache and sizes it for capacity items, reusing its
// memory when the capacity is unchanged.
func (c *cache) reset(capacity int) {
	if c.index != nil && cap(c.slots) == capacity {
		clear(c.index)
		clear(c.slots)
		c.slots = c.slots[:0]
		c.next = 0
		return
	}
	*c = cache{index: make(map[cacheKey]int, capacity), slots: make([]cacheSlot, 0, capacity)}
}

func (c *cache) get(k cacheKey) ([]string, bool) {
	i, ok := c.index[k]
	if !ok {
		return nil, false
	}
	return c.slots[i].lines, true
}

func (c *cache) put(k cacheKey, lines []string) {
	if i, ok := c.index[k]; ok {
		c.slots[i].lines = lines
		return
	}
	if len(c.slots) < cap(c.slots) {
		c.index[k] = len(c.slots)
		c.slots = append(c.slots, cacheSlot{key: k, lines: lines})
		return
	}
	delete(c.index, c.slots[c.next].key)
	c.slots[c.next] = cacheSlot{key: k, lines: lines}
	c.index[k] = c.next
	c.next = (c.next + 1) % len(c.slots)
}

func (c *cache) len() int { return len(c.slots) }
