package tui

import (
	"strconv"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// names turns the account's IDs into display names. It is built once from
// the start-up directory; every name is cleaned for the terminal here, so the
// views never see raw API text.
type names struct {
	account   string
	currency  string
	pipelines map[int64]string
	stages    map[[2]int64]stage
	users     map[int64]string
	catalogs  map[int64]string
}

type stage struct {
	name  string
	color string
}

// directoryParts is what api.Directory carries, so names can be built and
// tested from hand-made values too.
type directoryParts struct {
	account   *api.Account
	pipelines []api.Pipeline
	users     []api.User
	catalogs  []api.Catalog
}

func newNames(d directoryParts) *names {
	n := &names{
		pipelines: map[int64]string{},
		stages:    map[[2]int64]stage{},
		users:     map[int64]string{},
		catalogs:  map[int64]string{},
	}
	if a := d.account; a != nil {
		n.account = sanitize.Line(a.Name)
		n.currency = sanitize.Line(a.Currency)
		if n.currency == "" {
			n.currency = sanitize.Line(a.CurrencySymbol)
		}
	}
	for _, p := range d.pipelines {
		n.pipelines[p.ID] = sanitize.Line(p.Name)
		for _, s := range p.Statuses {
			n.stages[[2]int64{p.ID, s.ID}] = stage{name: sanitize.Line(s.Name), color: s.Color}
		}
	}
	for _, u := range d.users {
		n.users[u.ID] = sanitize.Line(u.Name)
	}
	for _, c := range d.catalogs {
		n.catalogs[c.ID] = sanitize.Line(c.Name)
	}
	return n
}

// user names a user, or shows "#id" when /users is not permitted or the
// user is unknown; 0 is Kommo's "nobody" (e.g. created by a robot).
func (n *names) user(id int64) string {
	if id == 0 {
		return "system"
	}
	if n != nil {
		if name, ok := n.users[id]; ok && name != "" {
			return name
		}
	}
	return "#" + strconv.FormatInt(id, 10)
}

func (n *names) pipeline(id int64) string {
	if n != nil {
		if name, ok := n.pipelines[id]; ok && name != "" {
			return name
		}
	}
	return "pipeline #" + strconv.FormatInt(id, 10)
}

// stage names a pipeline stage; false when it is not (yet) known.
func (n *names) stage(pipelineID, statusID int64) (stage, bool) {
	if n != nil {
		if s, ok := n.stages[[2]int64{pipelineID, statusID}]; ok && s.name != "" {
			return s, true
		}
	}
	return stage{name: "stage #" + strconv.FormatInt(statusID, 10)}, false
}

func (n *names) catalog(id int64) string {
	if n != nil {
		if name, ok := n.catalogs[id]; ok && name != "" {
			return name
		}
	}
	return "list #" + strconv.FormatInt(id, 10)
}
