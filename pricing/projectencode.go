package pricing

import (
	"fmt"
	"strings"
)

// EncodeProject writes a project as TOML that ParseProject reads back to the same
// project. Slots that hold the card's default are left out to keep files short.
// It writes a new file; EditProject saves over an existing one, keeping its layout.
func EncodeProject(p *Project, card *RateCard) []byte {
	var b strings.Builder
	b.WriteString("# creditplan project: one month of videos. `creditplan quote` prices it.\n")
	fmt.Fprintf(&b, "plan = %s\n", tomlQuote(p.Plan))
	fmt.Fprintf(&b, "billing = %q\n", p.Billing.Key())
	if p.HasBalance {
		fmt.Fprintf(&b, "balance = %s\n", p.Balance.String())
	}
	if p.Seats > 1 {
		fmt.Fprintf(&b, "seats = %d\n", p.Seats)
	}
	if p.WatermarkOK {
		b.WriteString("watermark_ok = true\n")
	}
	if p.AllowFewerRerenders {
		b.WriteString("allow_fewer_rerenders = true\n")
	}
	if len(p.Volume) == 12 {
		b.WriteString("volume = " + volumeValue(p.Volume) + "\n")
	}
	if p.PricingFile != "" {
		b.WriteString("pricing = " + tomlQuote(p.PricingFile) + "\n")
	}
	if p.HasBudget {
		b.WriteString("budget = " + budgetValue(p.Budget) + "\n")
	}
	if c := p.Customer; c != nil {
		b.WriteString("\n[customer]\n")
		for _, kv := range [...][2]string{{"name", c.Name}, {"company", c.Company}, {"prepared_by", c.PreparedBy}, {"notes", c.Notes}} {
			if kv[1] != "" {
				b.WriteString(kv[0] + " = " + tomlQuote(kv[1]) + "\n")
			}
		}
		if c.ValidDays > 0 {
			fmt.Fprintf(&b, "valid_days = %d\n", c.ValidDays)
		}
		if !c.ValidUntil.IsZero() {
			b.WriteString("valid_until = " + c.ValidUntil.String() + "\n")
		}
	}
	writeOneTimeNeeds(&b, p.OneTime)
	for i := range p.Videos {
		b.WriteString("\n")
		writeVideo(&b, &p.Videos[i], card, "\n")
	}
	for i := range p.Scenarios {
		b.WriteString("\n")
		writeScenario(&b, &p.Scenarios[i], "\n")
	}
	return []byte(b.String())
}

// tomlQuote writes s as a TOML basic string, escaping what TOML requires.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
