package pricing

// Rollover: when a cycle's unused credits expire. The year simulation (year.go)
// follows these rules; see the comment at its top for how grants, top-ups and
// spending meet them.

// Rollover says what happens to a plan's unused credits at the end of a cycle.
type Rollover int

// The rollover rules a card can name.
const (
	RolloverNone         Rollover = iota // unused credits expire at the end of the cycle
	RolloverNextCycle                    // unused credits last one more cycle, then expire
	RolloverUntilRenewal                 // unused credits last until the subscription renews (a year when annual)
)

var rolloverKeys = []string{"none", "next_cycle", "until_renewal"}

// Key is the rule's name in TOML files.
func (r Rollover) Key() string { return rolloverKeys[r] }

// Text says how unused credits expire under the rule, in the words the Year
// screen and `creditplan year` both use: "unused credits last one more cycle".
func (r Rollover) Text() string {
	switch r {
	case RolloverNextCycle:
		return "unused credits last one more cycle"
	case RolloverUntilRenewal:
		return "unused credits last until the subscription renews"
	}
	return "unused credits expire at the end of each cycle"
}

// neverExpires is the last month of credits that last until used.
const neverExpires = 1 << 30

// monthsOfDays converts a top-up's lifetime to whole months, rounding up
// (90 days is 3 months); 0 means the credits never expire.
func monthsOfDays(days int) int {
	if days <= 0 {
		return neverExpires
	}
	return (days + 29) / 30
}

// grantLast is the last month index a cycle grant made in month m can be spent in.
func grantLast(plan *Plan, billing Billing, m, cycle int) int {
	switch plan.Rollover {
	case RolloverNextCycle:
		return m + 2*cycle - 1
	case RolloverUntilRenewal:
		if billing == Annual {
			return 11
		}
		return m + cycle - 1
	}
	return m + cycle - 1
}
