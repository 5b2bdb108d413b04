package perf

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
)

// exec runs cmd on its own goroutine, as tea.Program does, and queues what
// it returns. Batches fan out to concurrent commands; sequences run their
// commands one after another, each message queued before the next starts.
func (d *Driver) exec(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.running.Add(1)
	go func() {
		defer d.running.Done()
		d.deliver(cmd())
	}()
}

func (d *Driver) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			d.exec(c)
		}
		return
	}
	if cmds, ok := sequence(msg); ok {
		for _, c := range cmds {
			if c != nil {
				d.deliver(c())
			}
		}
		return
	}
	d.inbox.push(envelope{msg: msg})
}

var cmdSlice = reflect.TypeOf([]tea.Cmd(nil))

// sequence unpacks tea.Sequence's message. Its type is unexported, so it is
// recognised by shape: a named slice of tea.Cmd from the bubbletea package.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	t := v.Type()
	if t == cmdSlice || t.Kind() != reflect.Slice || !t.ConvertibleTo(cmdSlice) || t.PkgPath() != cmdSlice.Elem().PkgPath() {
		return nil, false
	}
	return v.Convert(cmdSlice).Interface().([]tea.Cmd), true
}
