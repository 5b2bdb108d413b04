package tui

// history is the leads viewed in this run, in order, with the one on screen
// marked, like a browser's back and forward.
type history struct {
	ids []int64
	pos int // index of the lead on screen; -1 when empty
}

func newHistory() history { return history{pos: -1} }

// visit records id as the lead on screen: anything after the current one is
// dropped, as a browser does after a new page from the middle of history.
func (h *history) visit(id int64) {
	if h.pos >= 0 && h.ids[h.pos] == id {
		return
	}
	h.ids = append(h.ids[:h.pos+1:h.pos+1], id)
	h.pos = len(h.ids) - 1
}

// moveTo marks the entry at index i as on screen.
func (h *history) moveTo(i int) {
	if i >= 0 && i < len(h.ids) {
		h.pos = i
	}
}

// step returns the index and ID delta entries away from the current one.
func (h *history) step(delta int) (int, int64, bool) {
	i := h.pos + delta
	if h.pos < 0 || i < 0 || i >= len(h.ids) {
		return 0, 0, false
	}
	return i, h.ids[i], true
}

func (h *history) canBack() bool    { _, _, ok := h.step(-1); return ok }
func (h *history) canForward() bool { _, _, ok := h.step(1); return ok }
