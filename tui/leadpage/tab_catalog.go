package leadpage

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// catalogRow is one linked list element as the Catalog tab shows it.
type catalogRow struct {
	id, catalogID               int64
	name, list, quantity, price string
	note                        string // why the name is missing, if it is
}

// catalogTab shows the lead's list elements as a table: element, list,
// quantity and price (from the element's own price field). The column
// titles stay in place while the rows scroll.
func catalogTab(c *common.Context, d *Data, width int) tabContent {
	refs := d.Lead.Embedded.CatalogElements
	if len(refs) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "No list elements (products) are linked to this lead.", width)}
	}
	var head []string
	for _, id := range d.catalogIDs() {
		p := d.catalogs[id]
		head = append(head, partStatus(c, p.state, p.err, catalogLabel(c.Names, id), width)...)
		head = append(head, common.CutLines(c, p.cut, width)...)
	}
	if len(head) > 0 {
		head = append(head, "")
	}
	table := newCatalogTable(c, catalogRows(c, d), width)
	return tabContent{head: append(head, table.titles()), body: table}
}

func catalogLabel(n *common.Names, id int64) string {
	return "list " + strconv.Quote(n.Catalog(id))
}

func catalogRows(c *common.Context, d *Data) []catalogRow {
	elements := map[[2]int64]api.CatalogElement{}
	for catalogID, p := range d.catalogs {
		for _, e := range p.items {
			elements[[2]int64{catalogID, e.ID}] = e
		}
	}
	rows := make([]catalogRow, 0, len(d.Lead.Embedded.CatalogElements))
	for _, ref := range d.Lead.Embedded.CatalogElements {
		catalogID := ref.Metadata.CatalogID
		row := catalogRow{id: ref.ID, catalogID: catalogID, list: c.Names.Catalog(catalogID), quantity: common.Quantity(ref.Metadata.Quantity)}
		e, ok := elements[[2]int64{catalogID, ref.ID}]
		if !ok {
			row.name = "#" + strconv.FormatInt(ref.ID, 10)
			row.note = unresolvedNote(d.catalogs[catalogID])
			rows = append(rows, row)
			continue
		}
		row.name = sanitize.Line(e.Name)
		if strings.TrimSpace(row.name) == "" {
			row.name = "#" + strconv.FormatInt(e.ID, 10)
		}
		row.price = elementPrice(c, e, ref.Metadata.PriceID)
		rows = append(rows, row)
	}
	return rows
}

func unresolvedNote(p *part[api.CatalogElement]) string {
	switch {
	case p == nil:
		return ""
	case p.state == partPending:
		return "loading…"
	case p.state == partFailed:
		return "not loaded"
	}
	return "not found"
}

// elementPrice is the price the lead took the element at: the price field
// metadata.price_id names, else the element's first price field, in the
// account's currency.
func elementPrice(c *common.Context, e api.CatalogElement, priceID *int64) string {
	f, ok := e.Price(priceID)
	if !ok {
		return ""
	}
	return sanitize.Line(c.Formatter().Format(f))
}

// catalogTable lays rows out in columns after the cursor's gutter: the name
// column takes what the others leave, the list column shrinks first when
// space is short.
type catalogTable struct {
	c                          *common.Context
	rows                       []catalogRow
	nameW, listW, qtyW, priceW int
}

const (
	columnGap = 2
	markWidth = 2 // the cursor's gutter, see common.SelectionMark
)

func newCatalogTable(c *common.Context, rows []catalogRow, width int) catalogTable {
	t := catalogTable{c: c, rows: rows, listW: len("List"), qtyW: len("Qty"), priceW: len("Price")}
	for _, r := range rows {
		t.listW = max(t.listW, lipgloss.Width(r.list))
		t.qtyW = max(t.qtyW, lipgloss.Width(r.quantity))
		t.priceW = max(t.priceW, lipgloss.Width(r.price))
	}
	t.priceW = min(t.priceW, max(8, width/4))
	t.listW = min(t.listW, max(6, width/4))
	t.nameW = width - markWidth - t.listW - t.qtyW - t.priceW - 3*columnGap
	if t.nameW < 8 {
		t.listW = max(4, t.listW-(8-t.nameW))
		t.nameW = width - markWidth - t.listW - t.qtyW - t.priceW - 3*columnGap
	}
	t.nameW = max(1, t.nameW)
	return t
}

func (t catalogTable) line(name, list, qty, price string) string {
	sep := strings.Repeat(" ", columnGap)
	return common.Fit(name, t.nameW) + sep + common.Fit(list, t.listW) + sep +
		common.PadLeft(common.Truncate(qty, t.qtyW), t.qtyW) + sep + common.PadLeft(common.Truncate(price, t.priceW), t.priceW)
}

func (t catalogTable) titles() string {
	return t.c.Styles.Label.Render(strings.Repeat(" ", markWidth) + t.line("Element", "List", "Qty", "Price"))
}

func (t catalogTable) Len() int { return len(t.rows) }

// Target opens the element's page.
func (t catalogTable) Target(i int) (common.Target, bool) {
	r := t.rows[i]
	return common.Target{Kind: common.TargetCatalogElement, ID: r.id, CatalogID: r.catalogID}, r.id > 0 && r.catalogID > 0
}

func (t catalogTable) Render(i, width int, selected bool) []string {
	st := t.c.Styles
	r := t.rows[i]
	sep := strings.Repeat(" ", columnGap)
	nameStyle := st.Value
	if selected {
		nameStyle = st.Heading
	}
	name := nameStyle.Render(common.Fit(r.name, t.nameW))
	if r.note != "" {
		name = st.Faint.Render(common.Fit(r.name+"  "+r.note, t.nameW))
	}
	return []string{common.SelectionMark(t.c, selected, true) + name + sep +
		st.Muted.Render(common.Fit(r.list, t.listW)) + sep +
		st.Value.Render(common.PadLeft(common.Truncate(r.quantity, t.qtyW), t.qtyW)) + sep +
		st.Value.Render(common.PadLeft(common.Truncate(r.price, t.priceW), t.priceW))}
}
