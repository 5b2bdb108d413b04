package views

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// maxConfigBytes bounds config.json: a file that large is not a config.
const maxConfigBytes = 1 << 20

// Load reads the "views" of the config file at path (auth.ConfigPath of
// the config directory). A missing file or key is no views; a bad one is a
// one-line error naming the file.
func Load(path string) ([]View, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, unwrapPath(err))
	}
	if len(data) > maxConfigBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxConfigBytes)
	}
	views, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return views, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// viewJSON is one entry of "views". Pipeline, stage and responsible may be
// names or numeric IDs; tags a list or one string; open true means open
// leads only, state any of open, won, lost.
type viewJSON struct {
	Name         string     `json:"name"`
	Query        string     `json:"query"`
	Pipeline     nameOrID   `json:"pipeline"`
	Stage        nameOrID   `json:"stage"`
	Responsible  nameOrID   `json:"responsible"`
	Tags         stringList `json:"tags"`
	Open         *bool      `json:"open"`
	State        string     `json:"state"`
	UpdatedToday bool       `json:"updated_today"`
	TaskOverdue  bool       `json:"task_overdue"`
}

// Parse reads the "views" key of a config.json document; other keys are
// not views' business. Unknown keys inside a view are refused (a typo
// would otherwise widen the list silently), as are nameless and repeated views.
func Parse(config []byte) ([]View, error) {
	if len(bytes.TrimSpace(config)) == 0 {
		return nil, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(config, &top); err != nil {
		return nil, fmt.Errorf("not a JSON object: %s", jsonProblem(err))
	}
	raw, ok := top["views"]
	if !ok || string(bytes.TrimSpace(raw)) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var entries []viewJSON
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf(`"views" must be a list of {name, query, pipeline, stage, responsible, tags, open}: %s`, jsonProblem(err))
	}
	out := make([]View, 0, len(entries))
	seen := map[string]bool{}
	for i, e := range entries {
		v, err := e.view()
		if err != nil {
			return nil, fmt.Errorf("view %d: %w", i+1, err)
		}
		key := strings.ToLower(v.Name)
		if seen[key] {
			return nil, fmt.Errorf("two views are named %q", v.Name)
		}
		seen[key] = true
		out = append(out, v)
	}
	return out, nil
}

func (e viewJSON) view() (View, error) {
	v := View{Name: strings.TrimSpace(e.Name), Query: e.Query, Pipeline: string(e.Pipeline), Stage: string(e.Stage),
		Responsible: string(e.Responsible), Tags: e.Tags, UpdatedToday: e.UpdatedToday, TaskOverdue: e.TaskOverdue}
	if v.Name == "" {
		return v, errors.New("a view needs a name")
	}
	switch strings.ToLower(strings.TrimSpace(e.State)) {
	case "", "any":
	case "open":
		v.State = Open
	case "won":
		v.State = Won
	case "lost":
		v.State = Lost
	default:
		return v, fmt.Errorf("%q: state must be open, won, lost or any, not %q", v.Name, e.State)
	}
	if e.Open != nil && *e.Open {
		if v.State != AnyState && v.State != Open {
			return v, fmt.Errorf("%q: open is true but state is %s", v.Name, v.State)
		}
		v.State = Open
	}
	return v, nil
}

func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return "JSON syntax error at byte " + strconv.FormatInt(syntax.Offset, 10)
	case errors.As(err, &typ):
		return "wrong type for " + typ.Field
	}
	return err.Error()
}

// nameOrID accepts "Sales" or 7000001 alike.
type nameOrID string

func (n *nameOrID) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		*n = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		*n = nameOrID(s)
		return nil
	}
	var id json.Number
	if err := json.Unmarshal(data, &id); err != nil {
		return errors.New("expected a name or an ID")
	}
	*n = nameOrID(id.String())
	return nil
}

// stringList accepts ["a", "b"] or "a".
type stringList []string

func (l *stringList) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*l = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(data, &many); err != nil {
		return errors.New("tags must be a list of names")
	}
	*l = many
	return nil
}
