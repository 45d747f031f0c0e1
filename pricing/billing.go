package pricing

import "fmt"

// BillingKeys are the billings' names, in the order they are offered, as
// project files and --billing spell them.
var BillingKeys = []string{"monthly", "annual"}

// ParseBilling reads a billing as a project file and --billing spell it:
// "monthly" or "annual", nothing else. Synonyms such as "yearly" are refused
// with the word to use, so a project file and the command line agree on what
// they accept.
func ParseBilling(text string) (Billing, error) {
	switch text {
	case "monthly":
		return Monthly, nil
	case "annual":
		return Annual, nil
	case "annually", "yearly", "year":
		return Monthly, fmt.Errorf("billing %q: say annual", text)
	}
	return Monthly, fmt.Errorf("billing %q: choose monthly or annual", text)
}
