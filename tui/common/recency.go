package common

// Recency orders a cache's keys from the least recently used, the first to
// leave when the cache is full. Its cost is linear in the keys: the pages'
// caches hold dozens.
type Recency[K comparable] struct {
	order []K // least recently used first
}

// Len is how many keys there are.
func (r *Recency[K]) Len() int { return len(r.order) }

// Touch marks k as used now, adding it when it is new.
func (r *Recency[K]) Touch(k K) {
	for i, v := range r.order {
		if v == k {
			r.order = append(r.order[:i], r.order[i+1:]...)
			break
		}
	}
	r.order = append(r.order, k)
}

// DropOldest removes the least recently used key and returns it; there
// must be one.
func (r *Recency[K]) DropOldest() K {
	oldest := r.order[0]
	r.order = r.order[1:]
	return oldest
}
