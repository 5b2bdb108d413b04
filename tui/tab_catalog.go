package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// catalogRow is one linked list element as the Catalog tab shows it.
type catalogRow struct {
	name, list, quantity, price string
	note                        string // why the name is missing, if it is
}

// renderCatalog shows the lead's list elements as a table: element, list,
// quantity and price (from the element's own price field). The column
// titles stay in place while the rows scroll.
func renderCatalog(sh *shared, d *leadData, width int) tabContent {
	refs := d.lead.Embedded.CatalogElements
	if len(refs) == 0 {
		return tabContent{body: sh.st.Muted.Render("No list elements (products) are linked to this lead.")}
	}
	var head []string
	for _, id := range d.catalogIDs() {
		p := d.catalogs[id]
		if s := partStatus(sh, p.state, p.err, catalogLabel(sh.names, id), width); s != "" {
			head = append(head, s)
		}
	}
	titles, rows := catalogTable(sh, catalogRows(sh, d), width)
	if len(head) > 0 {
		head = append(head, "")
	}
	return tabContent{head: append(head, titles), body: strings.Join(rows, "\n")}
}

func catalogRows(sh *shared, d *leadData) []catalogRow {
	elements := map[[2]int64]api.CatalogElement{}
	for catalogID, p := range d.catalogs {
		for _, e := range p.items {
			elements[[2]int64{catalogID, e.ID}] = e
		}
	}
	rows := make([]catalogRow, 0, len(d.lead.Embedded.CatalogElements))
	for _, ref := range d.lead.Embedded.CatalogElements {
		catalogID := ref.Metadata.CatalogID
		row := catalogRow{list: sh.names.catalog(catalogID), quantity: formatQuantity(ref.Metadata.Quantity)}
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
		row.price = elementPrice(sh, e)
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

// elementPrice is the element's price field (code PRICE or type price),
// formatted like any custom field.
func elementPrice(sh *shared, e api.CatalogElement) string {
	for _, f := range e.CustomFields {
		if strings.EqualFold(f.FieldCode, "PRICE") || f.FieldType == "price" {
			price := sanitize.Line(api.FormatField(f, sh.loc))
			if n, err := strconv.ParseFloat(price, 64); err == nil && sh.names != nil {
				return formatMoney(n, sh.names.currency)
			}
			return price
		}
	}
	return ""
}

// catalogTable lays rows out in columns and returns the titles line and
// the rows; the name column takes what the others leave, the list column
// shrinks first when space is short.
func catalogTable(sh *shared, rows []catalogRow, width int) (string, []string) {
	st := sh.st
	listW, qtyW, priceW := len("List"), len("Qty"), len("Price")
	for _, r := range rows {
		listW = max(listW, lipgloss.Width(r.list))
		qtyW = max(qtyW, lipgloss.Width(r.quantity))
		priceW = max(priceW, lipgloss.Width(r.price))
	}
	const gap = 2
	priceW = min(priceW, max(8, width/4))
	listW = min(listW, max(6, width/4))
	nameW := width - listW - qtyW - priceW - 3*gap
	if nameW < 8 {
		listW = max(4, listW-(8-nameW))
		nameW = width - listW - qtyW - priceW - 3*gap
	}
	nameW = max(1, nameW)
	sep := strings.Repeat(" ", gap)
	line := func(name, list, qty, price string) string {
		return padRight(truncate(name, nameW), nameW) + sep +
			padRight(truncate(list, listW), listW) + sep +
			leftPad(truncate(qty, qtyW), qtyW) + sep +
			leftPad(truncate(price, priceW), priceW)
	}
	titles := st.Label.Render(line("Element", "List", "Qty", "Price"))
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		name := st.Value.Render(padRight(truncate(r.name, nameW), nameW))
		if r.note != "" {
			text := truncate(r.name+"  "+r.note, nameW)
			name = st.Faint.Render(padRight(text, nameW))
		}
		out = append(out, name+sep+
			st.Muted.Render(padRight(truncate(r.list, listW), listW))+sep+
			st.Value.Render(leftPad(truncate(r.quantity, qtyW), qtyW))+sep+
			st.Value.Render(leftPad(truncate(r.price, priceW), priceW)))
	}
	return titles, out
}

func leftPad(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}
