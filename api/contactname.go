package api

import "strings"

// DisplayName is the contact's name as Kommo shows it: its name, else its
// first and last names (Kommo keeps them apart for contacts created with
// them); "" when it has none.
func (c Contact) DisplayName() string {
	if strings.TrimSpace(c.Name) != "" {
		return c.Name
	}
	return strings.TrimSpace(c.FirstName + " " + c.LastName)
}
