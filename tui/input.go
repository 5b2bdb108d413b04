package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// idInput is the lead ID field: digits, or a pasted lead URL that becomes
// its ID; anything else earns an inline message and no request.
type idInput struct {
	field     textinput.Model
	invalid   string
	submitted string // the text of the last lookup sent
}

const inputPrompt = "Lead ▸ "

func newIDInput(st theme.Styles) idInput {
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
	in := idInput{field: f}
	in.blur()
	return in
}

func (in *idInput) focus() {
	in.field.Placeholder = "ID or lead URL"
	in.field.Focus()
}

func (in *idInput) blur() {
	in.field.Placeholder = "press / to look up"
	in.field.Blur()
}

// setWidth sizes the field; textinput counts the prompt in its width for
// the placeholder but not for the text, so the text may take a few more.
func (in *idInput) setWidth(w int) {
	in.field.Width = max(1, w-1)
}

// update edits the field and, once its text reads as a lead URL, replaces
// it with the ID so the user sees what will be looked up.
func (in *idInput) update(msg tea.Msg) tea.Cmd {
	before := in.field.Value()
	var cmd tea.Cmd
	in.field, cmd = in.field.Update(msg)
	if v := in.field.Value(); v != before {
		in.invalid = ""
		if !allDigits(v) {
			if id, err := api.ParseLeadRef(v); err == nil {
				in.field.SetValue(strconv.FormatInt(id, 10))
				in.field.CursorEnd()
			}
		}
	}
	return cmd
}

// submit parses the field; on failure it explains and keeps the text. On
// success the field empties, ready for the next ID; restore puts the text
// back if the lookup fails.
func (in *idInput) submit() (int64, bool) {
	id, err := api.ParseLeadRef(in.field.Value())
	if err != nil {
		if in.field.Value() == "" {
			in.invalid = "type a lead ID or paste a lead URL"
		} else {
			in.invalid = "not a lead ID or URL: " + sanitize.Line(in.field.Value())
		}
		return 0, false
	}
	in.invalid = ""
	in.submitted = in.field.Value()
	in.field.Reset()
	return id, true
}

// restore brings back the last submitted text for correcting, unless the
// user has started typing something else.
func (in *idInput) restore() {
	if in.field.Value() == "" && in.submitted != "" {
		in.field.SetValue(in.submitted)
		in.field.CursorEnd()
	}
}

func (in *idInput) view() string { return in.field.View() }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
