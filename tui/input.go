package tui

import (
	"errors"
	"strconv"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// findInput is the box at the top: a lead ID, a pasted lead URL (which
// becomes its ID), or text to search the leads for.
type findInput struct {
	field     textinput.Model
	invalid   string
	submitted string // the text of the last lookup sent
	// deleteWordForward replaces textinput's own, which panics on some
	// inputs in bubbles v1.0.0 (bubbles#1056).
	deleteWordForward key.Binding
}

const inputPrompt = "Find ▸ "

func newFindInput(st theme.Styles) findInput {
	f := textinput.New()
	f.Prompt = inputPrompt
	f.CharLimit = 2048
	f.PromptStyle = st.InputPrompt
	f.TextStyle = st.InputText
	f.PlaceholderStyle = st.InputPlaceholder
	f.Cursor.Style = st.InputCursor.Reverse(true)
	f.Cursor.TextStyle = st.InputText
	// A blinking cursor would repaint the screen twice a second for nothing.
	f.Cursor.SetMode(cursor.CursorStatic)
	in := findInput{field: f, deleteWordForward: f.KeyMap.DeleteWordForward}
	in.deleteWordForward.SetKeys("alt+d", "alt+delete")
	in.field.KeyMap.DeleteWordForward.SetEnabled(false)
	in.blur()
	return in
}

func (in *findInput) focus() {
	in.field.Placeholder = "lead ID or URL"
	in.field.Focus()
}

func (in *findInput) blur() {
	in.field.Placeholder = "/ to find a lead"
	in.field.Blur()
}

func (in *findInput) focused() bool { return in.field.Focused() }

func (in *findInput) value() string { return in.field.Value() }

// setValue replaces the text, the cursor at its end.
func (in *findInput) setValue(s string) {
	in.field.SetValue(s)
	in.field.CursorEnd()
}

// setWidth sizes the field; textinput counts the prompt in its width for
// the placeholder but not for the text, so the text may take a few more.
func (in *findInput) setWidth(w int) {
	in.field.Width = max(1, w-1)
}

// update edits the field and, once its text reads as a lead URL, replaces
// it with the ID so the user sees what will be looked up. It reports
// whether the text changed.
func (in *findInput) update(msg tea.Msg, parseRef func(string) (int64, error)) (tea.Cmd, bool) {
	before := in.field.Value()
	var cmd tea.Cmd
	if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, in.deleteWordForward) {
		in.deleteWord()
	} else {
		in.field, cmd = in.field.Update(msg)
	}
	v := in.field.Value()
	if v == before {
		return cmd, false
	}
	in.invalid = ""
	if !allDigits(v) {
		if id, err := parseRef(v); err == nil {
			in.setValue(strconv.FormatInt(id, 10))
		}
	}
	return cmd, true
}

// deleteWord deletes from the cursor to the end of the next word, as
// alt+d does in a shell.
func (in *findInput) deleteWord() {
	value := []rune(in.field.Value())
	pos := min(max(in.field.Position(), 0), len(value))
	end := pos
	for end < len(value) && unicode.IsSpace(value[end]) {
		end++
	}
	for end < len(value) && !unicode.IsSpace(value[end]) {
		end++
	}
	in.field.SetValue(string(value[:pos]) + string(value[end:]))
	in.field.SetCursor(pos)
}

// parse reads the field as a lead; on failure it explains and keeps the text.
func (in *findInput) parse(parseRef func(string) (int64, error)) (int64, bool) {
	id, err := parseRef(in.field.Value())
	switch {
	case err == nil:
	case in.field.Value() == "":
		in.invalid = "type a lead ID or paste a lead URL"
		return 0, false
	case errors.Is(err, api.ErrForeignAccount):
		in.invalid = sanitize.Line(err.Error())
		return 0, false
	default:
		in.invalid = "not a lead ID or URL: " + sanitize.Line(in.field.Value())
		return 0, false
	}
	in.invalid = ""
	return id, true
}

// consume empties the field after its text was sent; restore puts it back
// if that lookup fails.
func (in *findInput) consume() {
	in.submitted = in.field.Value()
	in.field.Reset()
}

// restore brings back the last submitted text for correcting, unless the
// user has started typing something else.
func (in *findInput) restore() {
	if in.field.Value() == "" && in.submitted != "" {
		in.setValue(in.submitted)
	}
}

func (in *findInput) view() string { return in.field.View() }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
