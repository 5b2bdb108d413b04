package leadpage

import (
	"slices"

	"github.com/leadscope/leadscope/api"
)

// maxStories bounds how many leads keep a loaded story at once: a story may
// weigh up to feedByteBudget, and pages in history hold their lead's Data
// for as long as they stay there. The least recently shown story is
// dropped first; its lead loads it again when its Feed or Tasks tab opens.
const maxStories = 4

// storyCache is what the lead pages share about stories across leads: the
// leads' field definitions, loaded once per run when a field change names
// a field the lead itself cannot, and which leads hold a story.
type storyCache struct {
	fields  part[*api.FieldDefs] // one item once loaded
	holders []*Data              // leads holding a story, least recently shown first
}

// fieldDefs are the leads' field definitions, nil until loaded.
func (c *Cache) fieldDefs() *api.FieldDefs {
	if f := c.story.fields; f.state == partLoaded && len(f.items) == 1 {
		return f.items[0]
	}
	return nil
}

// storyFor returns d's story, creating it when d has none, and marks it
// the most recently shown; a story beyond maxStories leaves its lead.
func (c *Cache) storyFor(d *Data) *storyData {
	sc := &c.story
	if i := slices.Index(sc.holders, d); i >= 0 {
		sc.holders = append(sc.holders[:i], sc.holders[i+1:]...)
	}
	if d.story == nil {
		d.story = newStoryData()
		d.version++
	}
	sc.holders = append(sc.holders, d)
	for len(sc.holders) > maxStories {
		old := sc.holders[0]
		sc.holders = sc.holders[1:]
		old.story = nil
		old.version++
	}
	return d.story
}

// storiesChanged redraws every lead holding a story (field names arrived).
func (c *Cache) storiesChanged() {
	for _, d := range c.story.holders {
		d.version++
	}
}
