package pricing

import (
	"fmt"
	"slices"
)

// VideoQuote is one video's price in a month: its breakdown for one copy, its
// total over all copies, and the cheaper alternatives for its premium lines.
type VideoQuote struct {
	Index int
	Video *Video
	Lines []Line
	// Each is what one copy spends; Credits is Each times the video's count.
	Each         Credits
	Credits      Credits
	Alternatives []Alternative
}

// Quote is a month priced against one plan and a balance.
type Quote struct {
	Card    *RateCard
	Plan    *Plan
	Billing Billing
	// Balance is the credits available before the month is made.
	Balance Credits
	Videos  []VideoQuote
	// Premium is every credit the month spends.
	Premium   Credits
	Remaining Credits
	Short     Credits
	Fits      bool
	// RunsOutAt is the 1-based number of the video copy, in file order, that no
	// longer fits in the balance; 0 when the month fits. Copies is how many copies there are.
	RunsOutAt int64
	Copies    int64
	// FinishedSeconds is the total length of every finished copy.
	FinishedSeconds int64
	// Alternatives holds every video's alternatives, largest saving first.
	Alternatives []Alternative
	// Blocked lists why the plan cannot make this month at all.
	Blocked []string
	// TopUp is the cheapest top-up that covers Short, when the plan sells one.
	TopUp TopUpPurchase
	// Upgrade is the cheapest other plan whose own credits cover the month, or nil.
	Upgrade *Plan
	// Cost is the plan's month under the billing, extra seats and TopUp included.
	Cost Money
}

// Message is the upfront sentence for the whole month.
func (q *Quote) Message() string { return q.Card.UpfrontMessage(q.Premium, q.Balance) }

// BalanceBefore is what is left for video i once every other video of the month
// has been paid for: the balance the Video screen's message quotes.
func (q *Quote) BalanceBefore(i int) Credits {
	return q.Balance - (q.Premium - q.Videos[i].Credits)
}

// VideoMessage is the upfront sentence for all copies of video i.
func (q *Quote) VideoMessage(i int) string {
	return q.Card.UpfrontMessage(q.Videos[i].Credits, q.BalanceBefore(i))
}

// Quote prices the project's month against its plan. The balance is the project's
// when it gives one, otherwise the plan's credits for a fresh cycle.
func (c *RateCard) Quote(p *Project) (*Quote, error) {
	plan, ok := c.Plan(p.Plan)
	if !ok {
		return nil, fmt.Errorf("unknown plan %q; choose one of: %v", p.Plan, c.PlanIDs())
	}
	balance := plan.Credits
	if p.HasBalance {
		balance = p.Balance
	}
	q := &Quote{Card: c, Plan: plan, Billing: p.Billing, Balance: balance}
	q.Videos = make([]VideoQuote, len(p.Videos))
	lines := make([]Line, 0, len(p.Videos)*5)
	var alts []Alternative
	for i := range p.Videos {
		v := &p.Videos[i]
		start := len(lines)
		lines = c.appendLines(lines, v)
		vl := lines[start:len(lines):len(lines)]
		var each Credits
		for _, l := range vl {
			each += l.Credits
		}
		altStart := len(alts)
		alts = c.alternatives(alts, plan, i, v, vl)
		q.Videos[i] = VideoQuote{Index: i, Video: v, Lines: vl, Each: each, Credits: each * Credits(v.Count)}
		q.Videos[i].Alternatives = alts[altStart:len(alts):len(alts)]
		if q.RunsOutAt == 0 && v.Count > 0 && q.Premium+q.Videos[i].Credits > balance {
			// The copy that tips over: how many copies of this video still fit, plus one.
			fitting := int64(0)
			if each > 0 {
				// An overdrawn balance fits no copies, not a negative number of them.
				fitting = max(int64((balance-q.Premium)/each), 0)
			}
			q.RunsOutAt = q.Copies + fitting + 1
		}
		q.Premium += q.Videos[i].Credits
		q.Copies += int64(v.Count)
		q.FinishedSeconds += int64(v.Seconds) * int64(v.Count)
	}
	q.Alternatives = append([]Alternative(nil), alts...)
	// slices rather than sort.SliceStable: no reflection swaps, which matters at 20,000 alternatives.
	slices.SortStableFunc(q.Alternatives, func(a, b Alternative) int {
		if lessAlt(a, b) {
			return -1
		}
		if lessAlt(b, a) {
			return 1
		}
		return 0
	})
	q.Fits = q.Premium <= balance
	if q.Fits {
		q.Remaining = balance - q.Premium
	} else {
		q.Short = q.Premium - max(balance, 0)
		q.TopUp, _ = plan.CheapestTopUp(q.Short)
		q.Upgrade = c.cheapestCovering(p, q.Premium, plan)
	}
	q.Blocked = c.Blocked(plan, p)
	q.Cost = c.monthCost(plan, p, p.Billing) + q.TopUp.Cost
	return q, nil
}

// monthCost is the plan's price for one month under a billing, with extra seats.
func (c *RateCard) monthCost(plan *Plan, p *Project, b Billing) Money {
	cost := plan.Price(b)
	if extra := p.Seats - plan.IncludedSeats; extra > 0 && plan.ExtraSeats {
		cost += plan.SeatPrice * Money(extra)
	}
	return cost
}

// cheapestCovering finds the cheapest priced plan, other than `not`, whose own
// credits cover `need` and which nothing blocks.
func (c *RateCard) cheapestCovering(p *Project, need Credits, not *Plan) *Plan {
	var best *Plan
	var bestCost Money
	for i := range c.Plans {
		pl := &c.Plans[i]
		if pl == not || pl.ContactSales || pl.Credits < need || len(c.Blocked(pl, p)) > 0 {
			continue
		}
		cost := c.monthCost(pl, p, p.Billing)
		if best == nil || cost < bestCost {
			best, bestCost = pl, cost
		}
	}
	return best
}

// Blocked lists why a plan cannot make the month: a video longer than its maximum,
// a resolution above its maximum, a feature it does not offer, a watermark the
// project does not accept, more videos than it allows, more seats than it sells.
// Videos made zero times this month are not counted.
func (c *RateCard) Blocked(plan *Plan, p *Project) []string {
	var out []string
	type firstUse struct {
		video string
		more  int
	}
	var notOffered map[string]*firstUse
	var order []string
	longest, longestName := 0, ""
	highest, highestName := 0, ""
	for i := range p.Videos {
		v := &p.Videos[i]
		if v.Count == 0 {
			continue
		}
		if plan.MaxSeconds > 0 && v.Seconds > plan.MaxSeconds && v.Seconds > longest {
			longest, longestName = v.Seconds, v.Name
		}
		for s := Slot(0); s < NumSlots; s++ {
			fi := c.pickIndex(v, s)
			if fi < 0 {
				continue
			}
			f := &c.Features[fi]
			if s == SlotResolution && plan.MaxHeight > 0 && f.Height > plan.MaxHeight && f.Height > highest {
				highest, highestName = f.Height, v.Name
			}
			if !plan.offers[fi] {
				if notOffered == nil {
					notOffered = map[string]*firstUse{}
				}
				if u, seen := notOffered[f.ID]; seen {
					u.more++
				} else {
					notOffered[f.ID] = &firstUse{video: v.Name}
					order = append(order, f.ID)
				}
			}
		}
	}
	if longest > 0 {
		out = append(out, fmt.Sprintf("%s is %s, longer than %s's %s maximum", quoteName(longestName), FormatLength(longest), plan.Name, FormatLength(plan.MaxSeconds)))
	}
	if highest > 0 {
		out = append(out, fmt.Sprintf("%s needs %s, above %s's %s maximum", quoteName(highestName), resolutionName(highest), plan.Name, resolutionName(plan.MaxHeight)))
	}
	for _, id := range order {
		f, _ := c.Feature(id)
		u := notOffered[id]
		where := quoteName(u.video)
		if u.more > 0 {
			where += fmt.Sprintf(" and %d more", u.more)
		}
		out = append(out, fmt.Sprintf("%s is not offered on %s (%s)", f.Name, plan.Name, where))
	}
	if plan.Watermark && !p.WatermarkOK {
		out = append(out, plan.Name+" adds a watermark")
	}
	if plan.VideosPerMonth > 0 {
		if n := p.Copies(); n > int64(plan.VideosPerMonth) {
			out = append(out, fmt.Sprintf("%d videos this month; %s allows %d", n, plan.Name, plan.VideosPerMonth))
		}
	}
	if p.Seats > plan.IncludedSeats && !plan.ExtraSeats {
		out = append(out, fmt.Sprintf("%d seats needed; %s has %d and sells no more", p.Seats, plan.Name, plan.IncludedSeats))
	}
	return out
}

// PackCount is how many of one top-up pack to buy.
type PackCount struct {
	TopUp *TopUp
	Count int64
}

// TopUpPurchase is a set of top-up packs: what they add and what they cost.
type TopUpPurchase struct {
	Packs   []PackCount
	Credits Credits
	Cost    Money
}

// Describe writes the purchase for people: "2 × Add-on 300 (600 credits, $30.00)".
func (t TopUpPurchase) Describe(c *RateCard) string {
	if len(t.Packs) == 0 {
		return "none"
	}
	s := ""
	for i, pc := range t.Packs {
		if i > 0 {
			s += " + "
		}
		s += fmt.Sprintf("%d × %s", pc.Count, pc.TopUp.Name)
	}
	return s + fmt.Sprintf(" (%s, %s)", c.CreditWord(t.Credits), c.Money(t.Cost))
}

// CheapestTopUp finds the cheapest mix of at most two pack kinds that adds at least
// `need` credits; ties go to fewer credits bought. It reports false when the plan
// sells no top-ups (or need is zero).
func (p *Plan) CheapestTopUp(need Credits) (TopUpPurchase, bool) {
	if need <= 0 || len(p.TopUps) == 0 {
		return TopUpPurchase{}, false
	}
	var best TopUpPurchase
	found := false
	consider := func(t TopUpPurchase) {
		if !found || t.Cost < best.Cost || (t.Cost == best.Cost && t.Credits < best.Credits) {
			best, found = t, true
		}
	}
	for i := range p.TopUps {
		a := &p.TopUps[i]
		if a.Credits <= 0 {
			continue
		}
		na := ceilDiv(int64(need), int64(a.Credits))
		consider(TopUpPurchase{Packs: []PackCount{{a, na}}, Credits: a.Credits * Credits(na), Cost: a.Price * Money(na)})
		for j := range p.TopUps {
			b := &p.TopUps[j]
			if j == i || b.Credits <= 0 {
				continue
			}
			// Some of a, the rest from b. Bounded: a real card has a few packs and
			// na is the count of a alone, so this is a few thousand steps at most.
			for k := int64(1); k < na && k <= 100_000; k++ {
				rest := need - a.Credits*Credits(k)
				nb := ceilDiv(int64(rest), int64(b.Credits))
				consider(TopUpPurchase{
					Packs:   []PackCount{{a, k}, {b, nb}},
					Credits: a.Credits*Credits(k) + b.Credits*Credits(nb),
					Cost:    a.Price*Money(k) + b.Price*Money(nb),
				})
			}
		}
	}
	return best, found
}
