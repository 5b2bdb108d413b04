package api

import (
	"cmp"
	"slices"
)

// UniqueIDs drops repeated IDs and those that cannot exist (<= 0), keeping
// the first of each, in order.
func UniqueIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// NewestLeadIDs orders lead IDs from the highest, without repeats: Kommo
// numbers leads as they are created, so when only some can be shown, the
// recent ones are.
func NewestLeadIDs(ids []int64) []int64 {
	ids = UniqueIDs(ids)
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Compare(b, a) })
	return ids
}
