package api_test

import (
	"slices"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func TestUniqueIDsKeepsTheFirstOfEachPositiveID(t *testing.T) {
	got := api.UniqueIDs([]int64{5, 3, 5, 0, -2, 3, 9})
	if want := []int64{5, 3, 9}; !slices.Equal(got, want) {
		t.Errorf("UniqueIDs = %v, want %v", got, want)
	}
}

func TestNewestLeadIDsAreHighestFirstWithoutRepeats(t *testing.T) {
	in := []int64{7, 12, 7, -1, 3}
	got := api.NewestLeadIDs(in)
	if want := []int64{12, 7, 3}; !slices.Equal(got, want) {
		t.Errorf("NewestLeadIDs = %v, want %v", got, want)
	}
	if want := []int64{7, 12, 7, -1, 3}; !slices.Equal(in, want) {
		t.Errorf("the caller's slice changed: %v", in)
	}
}
