package tuitest

import tea "github.com/charmbracelet/bubbletea"

// Run runs cmd and every command it leads to, as Bubble Tea would but in
// order and on the test's goroutine: each message goes to deliver (nil:
// kept back), whose command joins the queue, until nothing is left. It
// returns the messages, batches taken apart.
func Run(cmd tea.Cmd, deliver func(tea.Msg) tea.Cmd) []tea.Msg {
	var seen []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			seen = append(seen, msg)
			if deliver != nil {
				queue = append(queue, deliver(msg))
			}
		}
	}
	return seen
}
