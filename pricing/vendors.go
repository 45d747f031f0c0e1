package pricing

import (
	"fmt"
	"sort"
	"strings"
)

// CreditsNotComparable is what every vendor comparison says, in every format:
// one vendor's credit is not another's, so only money and minutes are set
// side by side.
const CreditsNotComparable = "Credits are not comparable across vendors: this compares money and finished minutes."

// VendorComparison is one project's month priced on several vendors' cards,
// and the verdict: the cheapest vendor that can make the month, in one
// currency.
type VendorComparison struct {
	// Currency is the one currency the verdict compares in: the first card's.
	Currency string
	Vendors  []VendorResult
	// Cheapest is the index in Vendors of the cheapest vendor that can make
	// the month, counting its one-time charges in money (ties: the card given
	// first), or -1 when none can.
	Cheapest int
	// Rates are the exchange rates used, each once, in the order first used.
	Rates []FXRate
}

// VendorResult is one card's answer for the month.
type VendorResult struct {
	Card *RateCard
	// Project is the month as carried to this card; nil when it could not be.
	Project *Project
	// Gaps are the capabilities the card lacks for the month: every plan is
	// blocked by them, none is priced.
	Gaps []CapabilityGap
	// Premium is what the month spends, in this card's own credits.
	Premium         Credits
	FinishedSeconds int64
	// Best is the cheapest plan and billing that can make the month, or nil.
	Best *SizeOption
	// Plans is every plan of the card, in card order.
	Plans []VendorPlan
	// PerMinute is Best's month divided by the finished minutes, in the card's
	// currency; 0 without Best.
	PerMinute Money
	// Converted and ConvertedPerMinute are Best's month and PerMinute in the
	// comparison's currency; Rate is the rate used (From == To when the card
	// is in that currency already).
	Converted          Money
	ConvertedPerMinute Money
	Rate               FXRate
	// OneTime is what Best's one-time charges of the month cost in money, in
	// the card's currency, apart from Best.Total and PerMinute (a setup fee
	// is paid once, not every month); ConvertedOneTime is it in the
	// comparison's currency. The verdict counts it. OneTimeLines are the
	// charges themselves.
	OneTime          Money
	ConvertedOneTime Money
	OneTimeLines     []OneTimeLine
}

// WithOneTime is what the vendor's month costs in the comparison's currency
// with its one-time charges: what the verdict compares.
func (v *VendorResult) WithOneTime() Money { return plus(v.Converted, v.ConvertedOneTime) }

// OneTimeText says what the vendor's month pays once and that the month's
// cost and cost per finished minute leave it out: "One-time: $1,500.00 ≈
// (Custom Studio Avatar setup), apart from the month's cost and the cost per
// finished minute; the verdict counts it". "" when nothing is paid once.
func (v *VendorResult) OneTimeText() string {
	if v.Best == nil || v.OneTime == 0 {
		return ""
	}
	s := Standing{OneTime: v.OneTimeLines, OneTimeCost: v.OneTime}
	note := strings.TrimPrefix(s.OneTimeNote(v.Card), "plus one-time ")
	return "One-time: " + note + ", apart from the month's cost and the cost per finished minute; the verdict counts it"
}

// Name is how outputs name the vendor: the card's vendor, else its name.
func (v *VendorResult) Name() string {
	if v.Card.Vendor != "" {
		return v.Card.Vendor
	}
	return v.Card.Name
}

// VendorPlan is one plan of a vendor's card for the month.
type VendorPlan struct {
	Plan *Plan
	// ContactSales marks a plan without a public price: never priced.
	ContactSales bool
	// Monthly and Annual are one month's cost on each billing (plan, extra
	// seats, the cheapest top-up); 0 when the plan is blocked.
	Monthly, Annual Money
	// Blocked says why the plan cannot make the month at any price: the card's
	// capability gaps, or the plan's limits.
	Blocked []string
	// Recommended marks the plan of the vendor's Best.
	Recommended bool
}

// CompareVendors prices each card's month (RightSize: the cheapest plan and
// billing, with top-ups) and names the cheapest vendor that can make it. Money
// in another currency than the first card's is converted with fx; when a card's
// currency has no rate, it refuses rather than mix currencies.
func CompareVendors(months []CardMonth, fx *FX) (*VendorComparison, error) {
	if len(months) == 0 {
		return nil, fmt.Errorf("no cards to compare")
	}
	for i, m := range months {
		if m.Card == nil {
			return nil, fmt.Errorf("card %d is missing", i+1)
		}
	}
	vc := &VendorComparison{Currency: strings.ToUpper(months[0].Card.Currency), Cheapest: -1}
	if err := checkCurrencies(months, fx, vc.Currency); err != nil {
		return nil, err
	}
	for _, m := range months {
		v := vendorResult(m)
		if v.Best != nil {
			conv, rate, err := fx.Convert(v.Best.Total, v.Card.Currency, vc.Currency)
			if err != nil {
				return nil, err
			}
			v.Rate, v.Converted = rate, conv
			v.ConvertedPerMinute = PerFinishedMinute(conv, v.FinishedSeconds)
			if v.OneTime > 0 {
				once, _, err := fx.Convert(v.OneTime, v.Card.Currency, vc.Currency)
				if err != nil {
					return nil, err
				}
				v.ConvertedOneTime = once
			}
			if rate.From != rate.To && !hasRate(vc.Rates, rate) {
				vc.Rates = append(vc.Rates, rate)
			}
		}
		vc.Vendors = append(vc.Vendors, v)
	}
	for i := range vc.Vendors {
		v := &vc.Vendors[i]
		if v.Best == nil {
			continue
		}
		if vc.Cheapest < 0 || v.WithOneTime() < vc.Vendors[vc.Cheapest].WithOneTime() {
			vc.Cheapest = i
		}
	}
	return vc, nil
}

// checkCurrencies refuses cards whose currencies fx cannot bring to the
// comparison's, naming every currency missing a rate at once.
func checkCurrencies(months []CardMonth, fx *FX, to string) error {
	var missing []string
	for _, m := range months {
		cur := strings.ToUpper(m.Card.Currency)
		if _, ok := fx.Rate(cur, to); !ok && !contains(missing, cur) {
			missing = append(missing, cur)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	all := append([]string{to}, missing...)
	pairs := make([]string, len(missing))
	for i, c := range missing {
		pairs[i] = "1 " + c + " = ? " + to
	}
	if fx == nil {
		return fmt.Errorf("cards in %s: give --fx FILE with the exchange rates (%s) to compare them; money is never mixed across currencies", joinAnd(all), strings.Join(pairs, ", "))
	}
	reasons := make([]string, len(missing))
	for i, c := range missing {
		reasons[i] = "from " + c + " to " + to + ", " + fx.missing(c, to)
	}
	return fmt.Errorf("cards in %s: %s; add %s to compare them", joinAnd(all), strings.Join(reasons, "; "), strings.Join(pairs, ", "))
}

// joinAnd words a list: "EUR and USD", "CHF, EUR and USD".
func joinAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func hasRate(rs []FXRate, r FXRate) bool {
	for _, x := range rs {
		if x.From == r.From && x.To == r.To {
			return true
		}
	}
	return false
}

// vendorResult prices one card's month; a month with capability gaps is
// blocked on every plan and priced on none.
func vendorResult(m CardMonth) VendorResult {
	c := m.Card
	v := VendorResult{Card: c, Project: m.Project, Gaps: m.Gaps}
	if len(m.Gaps) > 0 || m.Project == nil {
		reasons := make([]string, 0, len(m.Gaps))
		for _, g := range m.Gaps {
			if !contains(reasons, g.Reason) {
				reasons = append(reasons, g.Reason)
			}
		}
		if len(reasons) == 0 {
			reasons = append(reasons, "the month could not be carried to "+c.Name)
		}
		for i := range c.Plans {
			v.Plans = append(v.Plans, VendorPlan{Plan: &c.Plans[i], ContactSales: c.Plans[i].ContactSales, Blocked: reasons})
		}
		if m.Project != nil {
			v.FinishedSeconds = m.Project.FinishedSeconds()
		}
		return v
	}
	rs := c.RightSize(m.Project)
	v.Premium = rs.Premium
	v.FinishedSeconds = m.Project.FinishedSeconds()
	if rs.Best != nil {
		best := *rs.Best
		v.Best = &best
		v.PerMinute = PerFinishedMinute(best.Total, v.FinishedSeconds)
		if best.OneTime > 0 {
			v.OneTime = best.OneTime
			v.OneTimeLines = c.OneTimeIn(m.Project, best.Plan, 1)
		}
	}
	for i := range c.Plans {
		p := &c.Plans[i]
		vp := VendorPlan{Plan: p, ContactSales: p.ContactSales}
		for _, b := range rs.Blocked {
			if b.Plan == p {
				vp.Blocked = b.Reasons
			}
		}
		for _, o := range rs.Options {
			if o.Plan != p {
				continue
			}
			if o.Billing == Annual {
				vp.Annual = o.Total
			} else {
				vp.Monthly = o.Total
			}
		}
		vp.Recommended = v.Best != nil && v.Best.Plan == p
		v.Plans = append(v.Plans, vp)
	}
	return v
}

// Verdict is the comparison's one sentence: the cheapest vendor that can make
// the month, its plan and billing, and the month's cost in the comparison's
// currency; or that no vendor can.
func (vc *VendorComparison) Verdict() string {
	if vc.Cheapest < 0 {
		return "No vendor can make this month."
	}
	v := &vc.Vendors[vc.Cheapest]
	name := v.Name()
	for i := range vc.Vendors {
		if i != vc.Cheapest && vc.Vendors[i].Name() == name {
			// Two cards of one vendor: say which card.
			name += " (" + v.Card.Name + ")"
			break
		}
	}
	s := "Cheapest vendor for this month: " + name + ", " + v.Best.Plan.Name + " billed " + billedWord(v.Best.Billing) +
		", " + v.Converted.Format(vc.Currency) + " a month"
	if v.Rate.From != v.Rate.To {
		s += " (" + v.Best.Total.Format(v.Card.Currency) + " × " + v.Rate.RateText() + ", the rate of " + v.Rate.AsOf.String() + ")"
	}
	if v.ConvertedOneTime > 0 {
		mark := ""
		for _, l := range v.OneTimeLines {
			if l.Price > 0 && l.Charge.AmountMark() != "" {
				mark = " " + EstimateMark
			}
		}
		s += " plus " + v.ConvertedOneTime.Format(vc.Currency) + mark + " once, " + v.WithOneTime().Format(vc.Currency) + mark + " this month"
	}
	return s + "."
}
