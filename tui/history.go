package tui

import "github.com/leadscope/leadscope/tui/common"

// maxPages bounds the history: the oldest page leaves (and stops its work)
// when a new one would exceed it.
const maxPages = 50

// history is the pages visited, in order, with the one on screen marked,
// like a browser's back and forward. Pages keep their state while in it.
type history struct {
	pages []common.Page
	pos   int // index of the page on screen; -1 when empty
}

func newHistory() history { return history{pos: -1} }

// current is the page on screen, nil when there is none.
func (h *history) current() common.Page {
	if h.pos < 0 {
		return nil
	}
	return h.pages[h.pos]
}

// push puts p on screen after the current page; pages after the current
// one are dropped, as a browser does after a new page from the middle of
// history, and returned so they can be closed.
func (h *history) push(p common.Page) (dropped []common.Page) {
	dropped = append(dropped, h.pages[h.pos+1:]...)
	h.pages = append(h.pages[:h.pos+1:h.pos+1], p)
	if len(h.pages) > maxPages {
		dropped = append(dropped, h.pages[0])
		h.pages = h.pages[1:]
	}
	h.pos = len(h.pages) - 1
	return dropped
}

// take removes the page at i, which is not the current one, and returns it.
func (h *history) take(i int) common.Page {
	p := h.pages[i]
	h.pages = append(h.pages[:i:i], h.pages[i+1:]...)
	if i < h.pos {
		h.pos--
	}
	return p
}

// step moves delta pages back (negative) or forward; false when there is
// no page there.
func (h *history) step(delta int) bool {
	i := h.pos + delta
	if h.pos < 0 || i < 0 || i >= len(h.pages) {
		return false
	}
	h.pos = i
	return true
}

func (h *history) canBack() bool    { return h.pos > 0 }
func (h *history) canForward() bool { return h.pos >= 0 && h.pos < len(h.pages)-1 }

// index is where the page with id is in history, -1 when it is not.
func (h *history) index(id common.PageID) int {
	for i, p := range h.pages {
		if p.ID() == id {
			return i
		}
	}
	return -1
}

// find returns the page with id, on screen or not.
func (h *history) find(id common.PageID) common.Page {
	for _, p := range h.pages {
		if p.ID() == id {
			return p
		}
	}
	return nil
}
