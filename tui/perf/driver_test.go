package perf

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"go.uber.org/goleak"
)

// counter is a tiny model: every "+" key starts a batch of two commands
// and a sequence of two more, each of which reports one step.
type counter struct {
	steps []string
	size  tea.WindowSizeMsg
}

type stepMsg string

func (c counter) Init() tea.Cmd { return step("init") }

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.size = msg
	case stepMsg:
		c.steps = append(append([]string(nil), c.steps...), string(msg))
	case tea.KeyMsg:
		switch msg.String() {
		case "+":
			return c, tea.Batch(step("a"), step("b"), tea.Sequence(slowStep("s1", 20*time.Millisecond), step("s2")))
		case "q":
			return c, tea.Quit
		}
	}
	return c, nil
}

func (c counter) View() string {
	return strconv.Itoa(c.size.Width) + "x" + strconv.Itoa(c.size.Height) + " " + strings.Join(c.steps, ",")
}

func step(s string) tea.Cmd { return func() tea.Msg { return stepMsg(s) } }

func slowStep(s string, d time.Duration) tea.Cmd {
	return func() tea.Msg { time.Sleep(d); return stepMsg(s) }
}

func plus() tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+")} }

func TestDriverRunsCommandsAndSequencesInOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	d := Start(counter{}, 80, 24)
	f, err := d.Await(func(f Frame) bool { return strings.HasPrefix(f.View, "80x24") && strings.Contains(f.View, "init") }, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	f, err = d.SendAndWait(plus(), func(f Frame) bool { return f.Processed("perf.stepMsg") == 5 }, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if i, j := strings.Index(f.View, "s1"), strings.Index(f.View, "s2"); i < 0 || j < i {
		t.Errorf("the sequence ran out of order: %q", f.View)
	}
	for _, s := range []string{"a", "b"} {
		if !strings.Contains(f.View, ","+s) {
			t.Errorf("batched step %q missing: %q", s, f.View)
		}
	}
	if got := f.Processed("tea.KeyMsg"); got != 1 {
		t.Errorf("%d keys processed, want 1", got)
	}
	if err := d.Quit(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}, time.Second); err != nil {
		t.Fatal(err)
	}
}

// A wait only sees frames drawn after its message: the state before the
// key cannot satisfy it, even if it matches.
func TestSendAndWaitIgnoresEarlierFrames(t *testing.T) {
	defer goleak.VerifyNone(t)
	d := Start(counter{}, 80, 24)
	if _, err := d.Await(func(f Frame) bool { return strings.Contains(f.View, "init") }, time.Second); err != nil {
		t.Fatal(err)
	}
	f, err := d.SendAndWait(plus(), func(f Frame) bool { return strings.Contains(f.View, "init") }, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, isKey := f.Msg.(tea.KeyMsg); !isKey {
		t.Errorf("the first frame after the key came from %T, want the key itself", f.Msg)
	}
	if err := d.Close(time.Second); err != nil {
		t.Fatal(err)
	}
}

func TestWaitTimesOutAndCloseEndsWaits(t *testing.T) {
	defer goleak.VerifyNone(t)
	d := Start(counter{}, 80, 24)
	if _, err := d.Await(func(f Frame) bool { return strings.Contains(f.View, "never") }, 50*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := d.Await(func(f Frame) bool { return strings.Contains(f.View, "never") }, 10*time.Second)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	if err := d.Close(time.Second); err != nil {
		t.Fatal(err)
	}
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Fatalf("a wait pending at Close got %v, want ErrClosed", err)
	}
}
