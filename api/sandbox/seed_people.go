package sandbox

import (
	"fmt"
	"strings"
)

// Contact and company custom fields (multitext PHONE/EMAIL as Kommo ships them).
const (
	fieldPhone    int64 = 264001
	fieldEmail    int64 = 264003
	fieldPosition int64 = 264005
	fieldWeb      int64 = 264007
	fieldAddress  int64 = 264009
)

// Enum IDs of the multitext kinds.
const (
	enumWork   int64 = 1001
	enumMobile int64 = 1003
	enumEmail  int64 = 1011
)

const (
	escapeContact      int64 = 20000900
	escapeContactOther int64 = 20000901
	hugeContactFirst   int64 = 20001001
	hugeCompanyFirst   int64 = 40000002
)

// namedContacts are the ordinary pool; the first is LeadBasicContactName.
var namedContacts = []string{
	LeadBasicContactName, "Carlos Mendes", "Priya Raman", "Tomasz Nowak", "Aiko Tanaka", "Felix Wagner",
	"Grace Okoye", "Hugo Laurent", "Ingrid Berg", "Jamal Hassan", "Katarzyna Wójcik", "Leo Martins",
	"Maya Cohen", "Nikolai Volkov", "Olga Petrenko", "Pablo Ruiz", "Quinn Murphy", "Rosa Alvarez",
	"Sven Lindqvist", "Tariq Aziz", "Uma Sharma", "Victor Hugo Lima", "Wen Li", "Reception",
}

var (
	hugeFirstNames = []string{"Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia", "Ethan",
		"Amara", "Yuki", "Ines", "Ravi", "Zoe", "Omar", "Lena", "Kofi", "Marta", "Jonas"}
	hugeLastNames = []string{"Smith", "Garcia", "Müller", "Rossi", "Nakamura", "Okafor", "Silva", "Novak", "Haddad",
		"Jensen", "Kim", "Dubois", "Kowalski", "Ivanova", "Patel", "Andersen", "Costa", "Nguyen"}
	companyNames = []string{LeadBasicCompanyName, "Globex Corporation", "Initech GmbH", "Umbrella Logistics",
		"Stark Components", "Wayne Foods", "Tyrell Biotech", "Cyberdyne Systems"}
)

func namedContactID(i int) int64 { return LeadBasicContact + int64(i) }

func seedContacts() []contact {
	var out []contact
	for i, name := range namedContacts {
		c := newContact(namedContactID(i), name, i)
		if i == 0 {
			c.CustomFields = []customField{
				codedField(fieldPhone, "Phone", "PHONE", "multitext",
					codedVal(LeadBasicContactPhone, enumWork, "WORK"), codedVal("+1 555 0199", enumMobile, "MOB")),
				// Older data names the kind in "enum", without enum_id or enum_code.
				codedField(fieldEmail, "Email", "EMAIL", "multitext", map[string]any{"value": LeadBasicContactEmail, "enum": "WORK"}),
				codedField(fieldPosition, "Position", "POSITION", "text", vals("Head of Marketing")...),
			}
			c.CompanyIDs = []int64{LeadBasicCompany}
		}
		out = append(out, c)
	}
	out = append(out, newContact(escapeContact, EscapeContactName, 1), newContact(escapeContactOther, "Eve \x1b[31mRed\x1b[0m", 2))
	for i := 0; i < HugeContacts; i++ {
		name := hugeFirstNames[i%len(hugeFirstNames)] + " " + hugeLastNames[(i/len(hugeFirstNames)+i*5)%len(hugeLastNames)]
		c := newContact(hugeContactFirst+int64(i), name, i)
		c.CompanyIDs = []int64{hugeCompanyFirst + int64(i%HugeCompanies)}
		out = append(out, c)
	}
	return out
}

// newContact gives contact number i 0, 1 or 2 phones, and an e-mail unless it has none.
func newContact(id int64, name string, i int) contact {
	first, last, _ := strings.Cut(name, " ")
	c := contact{ID: id, Name: name, FirstName: first, LastName: last,
		ResponsibleUserID: salesUserIDs[i%len(salesUserIDs)], CreatedAt: seedEpoch - int64(i+1)*7200}
	if i%2 == 0 {
		c.ClosestTaskAt = ptr(seedEpoch + int64(i+1)*86400)
	}
	var phones []map[string]any
	for p := 0; p < i%3; p++ {
		kind, code := enumWork, "WORK"
		if p == 1 {
			kind, code = enumMobile, "MOB"
		}
		phones = append(phones, codedVal(fmt.Sprintf("+1 555 %04d", (int(id)*7+p)%10000), kind, code))
	}
	if len(phones) > 0 {
		c.CustomFields = append(c.CustomFields, codedField(fieldPhone, "Phone", "PHONE", "multitext", phones...))
	}
	if i%3 != 2 {
		email := strings.ToLower(strings.ReplaceAll(first+"."+last, " ", "")) + "@example.com"
		c.CustomFields = append(c.CustomFields, codedField(fieldEmail, "Email", "EMAIL", "multitext", codedVal(email, enumEmail, "WORK")))
	}
	return c
}

func seedCompanies() []company {
	out := make([]company, 0, len(companyNames))
	for i, name := range companyNames {
		domain := strings.ToLower(strings.Fields(name)[0]) + ".example"
		out = append(out, company{
			ID: LeadBasicCompany + int64(i), Name: name, ResponsibleUserID: salesUserIDs[i%len(salesUserIDs)],
			CreatedAt: seedEpoch - int64(i+1)*86400,
			CustomFields: []customField{
				codedField(fieldPhone, "Phone", "PHONE", "multitext", codedVal(fmt.Sprintf("+1 555 %04d", 2000+i), enumWork, "WORK")),
				codedField(fieldEmail, "Email", "EMAIL", "multitext", codedVal("info@"+domain, enumEmail, "WORK")),
				codedField(fieldWeb, "Web", "WEB", "url", vals("https://"+domain)...),
				codedField(fieldAddress, "Address", "ADDRESS", "textarea", vals(fmt.Sprintf("%d Market Street\nSpringfield", 100+i))...),
			},
		})
	}
	return out
}
