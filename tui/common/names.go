package common

import (
	"strconv"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// Names turns the account's IDs into display names. It is built from the
// account data (the directory); every name is cleaned for the terminal here,
// so views never see raw API text. A nil *Names answers with IDs.
type Names struct {
	Dir *api.Directory // the account data it was built from; nil until known

	account   string
	currency  string
	pipelines map[int64]string
	stages    map[[2]int64]Stage
	users     map[int64]string
	catalogs  map[int64]string
}

// Stage is a pipeline stage as the screen shows it.
type Stage struct {
	Name  string
	Color string // Kommo's hex colour, e.g. "#99ccff"
}

// NewNames indexes the directory's names.
func NewNames(d *api.Directory) *Names {
	n := &Names{
		Dir:       d,
		pipelines: map[int64]string{},
		stages:    map[[2]int64]Stage{},
		users:     map[int64]string{},
		catalogs:  map[int64]string{},
	}
	if d == nil {
		return n
	}
	if a := d.Account; a != nil {
		n.account = sanitize.Line(a.Name)
		n.currency = sanitize.Line(a.Currency)
		if n.currency == "" {
			n.currency = sanitize.Line(a.CurrencySymbol)
		}
	}
	for _, p := range d.Pipelines {
		n.pipelines[p.ID] = sanitize.Line(p.Name)
		for _, s := range p.Statuses {
			n.stages[[2]int64{p.ID, s.ID}] = Stage{Name: sanitize.Line(s.Name), Color: s.Color}
		}
	}
	for _, u := range d.Users {
		n.users[u.ID] = sanitize.Line(u.Name)
	}
	for _, c := range d.Catalogs {
		n.catalogs[c.ID] = sanitize.Line(c.Name)
	}
	return n
}

// Account is the account's name, "" until known.
func (n *Names) Account() string {
	if n == nil {
		return ""
	}
	return n.account
}

// Currency is the account's currency code or symbol, "" until known.
func (n *Names) Currency() string {
	if n == nil {
		return ""
	}
	return n.currency
}

// CurrentUserID is the user the token belongs to, 0 until known.
func (n *Names) CurrentUserID() int64 {
	if n == nil || n.Dir == nil || n.Dir.Account == nil {
		return 0
	}
	return n.Dir.Account.CurrentUserID
}

// User names a user, or shows "#id" when /users is not permitted or the
// user is unknown; 0 is Kommo's "nobody" (e.g. created by a robot).
func (n *Names) User(id int64) string {
	if id == 0 {
		return "system"
	}
	if name, ok := n.UserName(id); ok {
		return name
	}
	return "#" + strconv.FormatInt(id, 10)
}

// UserName is a user's name; false when it is not known.
func (n *Names) UserName(id int64) (string, bool) {
	if n == nil {
		return "", false
	}
	name, ok := n.users[id]
	return name, ok && name != ""
}

// Pipeline names a pipeline, or "pipeline #id".
func (n *Names) Pipeline(id int64) string {
	if n != nil {
		if name, ok := n.pipelines[id]; ok && name != "" {
			return name
		}
	}
	return "pipeline #" + strconv.FormatInt(id, 10)
}

// Stage names a pipeline stage; false when it is not (yet) known.
func (n *Names) Stage(pipelineID, statusID int64) (Stage, bool) {
	if n != nil {
		if s, ok := n.stages[[2]int64{pipelineID, statusID}]; ok && s.Name != "" {
			return s, true
		}
	}
	return Stage{Name: "stage #" + strconv.FormatInt(statusID, 10)}, false
}

// Catalog names a list (catalog), or "list #id".
func (n *Names) Catalog(id int64) string {
	if name, ok := n.CatalogName(id); ok {
		return name
	}
	return "list #" + strconv.FormatInt(id, 10)
}

// CatalogName is a list's name; false when it is not known.
func (n *Names) CatalogName(id int64) (string, bool) {
	if n == nil {
		return "", false
	}
	name, ok := n.catalogs[id]
	return name, ok && name != ""
}

// PipelineCount is how many pipelines the account has (0 until known).
func (n *Names) PipelineCount() int {
	if n == nil {
		return 0
	}
	return len(n.pipelines)
}
