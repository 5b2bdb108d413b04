package leadspage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
)

// demoLeads are the sandbox's notable leads, so a first look at --demo
// finds them without guessing IDs: typing one opens it.
var demoLeads = []struct {
	id   int64
	what string
}{
	{sandbox.LeadBasic, "typical"},
	{sandbox.LeadHuge, "huge"},
	{sandbox.LeadAllFieldTypes, "every field type"},
	{sandbox.LeadLost, "lost"},
	{sandbox.LeadEscapes, "hostile text"},
}

// demoHint is the line under the demo's list.
func demoHint(c *common.Context, width int) string {
	st := c.Styles
	parts := make([]string, len(demoLeads))
	for i, l := range demoLeads {
		parts[i] = st.HelpKey.Render(strconv.FormatInt(l.id, 10)) + " " + st.Muted.Render(l.what)
	}
	return common.Truncate(st.Warning.Render("Demo")+st.Muted.Render(": type a lead to open it: ")+
		strings.Join(parts, st.Muted.Render(" · ")), width)
}
