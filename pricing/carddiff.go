package pricing

import (
	"cmp"
	"strings"
)

// The difference between two rate cards, in words.
//
// Verify names what changed between the card a proposal was computed from
// and the card of today: "Pro's monthly price was $99.00 in the card used,
// $89.00 now". Plans and features are matched by id; each field a proposal's
// figures rest on is compared (script paces and one-time charges too), and a
// plan, feature, top-up or one-time charge that is only in one card is named
// as added or removed.

// DiffCards lists, in card order (used's, then what now adds), each
// difference between the card used and the card now.
func DiffCards(used, now *RateCard) []string {
	var out []string
	was := func(what, a, b string) {
		if a != b {
			out = append(out, what+" was "+a+" in the card used, "+b+" now")
		}
	}
	was("The card's name", quoteName(used.Name), quoteName(now.Name))
	was("The card's as-of date", used.AsOf, now.AsOf)
	was("The card's currency", used.Currency, now.Currency)
	for i := range used.Plans {
		a := &used.Plans[i]
		b, ok := now.Plan(a.ID)
		if !ok {
			out = append(out, "Plan "+a.Name+" ("+a.ID+") is in the card used, not in the card now")
			continue
		}
		n := a.Name + "'s "
		was(n+"name", quoteName(a.Name), quoteName(b.Name))
		was(n+"monthly price", used.PriceLabel(a, Monthly), now.PriceLabel(b, Monthly))
		was(n+"annual price (a month)", used.PriceLabel(a, Annual), now.PriceLabel(b, Annual))
		was(n+"credits", used.CreditWord(a.Credits), now.CreditWord(b.Credits))
		was(n+"included seats", itoa(a.IncludedSeats), itoa(b.IncludedSeats))
		was(n+"extra seat price", seatPriceText(used, a), seatPriceText(now, b))
		was(n+"max length", limitText(a.MaxSeconds > 0, FormatLength(a.MaxSeconds)), limitText(b.MaxSeconds > 0, FormatLength(b.MaxSeconds)))
		was(n+"max resolution", limitText(a.MaxHeight > 0, resolutionName(a.MaxHeight)), limitText(b.MaxHeight > 0, resolutionName(b.MaxHeight)))
		was(n+"watermark", yesNoText(a.Watermark), yesNoText(b.Watermark))
		was(n+"videos a month", limitText(a.VideosPerMonth > 0, itoa(a.VideosPerMonth)), limitText(b.VideosPerMonth > 0, itoa(b.VideosPerMonth)))
		was(n+"rollover", a.Rollover.Key(), b.Rollover.Key())
		was(n+"annual upfront grant", yesNoText(a.AnnualUpfront), yesNoText(b.AnnualUpfront))
		was(n+"features", offeredText(used, a), offeredText(now, b))
		out = append(out, diffTopUps(used, now, a, b)...)
	}
	for i := range now.Plans {
		if _, ok := used.Plan(now.Plans[i].ID); !ok {
			out = append(out, "Plan "+now.Plans[i].Name+" ("+now.Plans[i].ID+") is new in the card now")
		}
	}
	for i := range used.Features {
		a := &used.Features[i]
		b, ok := now.Feature(a.ID)
		if !ok {
			out = append(out, "Feature "+a.Name+" ("+a.ID+") is in the card used, not in the card now")
			continue
		}
		n := a.Name + "'s "
		was(n+"rate", rateText(used, a), rateText(now, b))
		was(n+"billing increment", itoa(a.IncrementSeconds)+" s", itoa(b.IncrementSeconds)+" s")
		was(n+"minimum charge", used.CreditWord(a.Minimum), now.CreditWord(b.Minimum))
		was(n+"re-render charge", yesNoText(a.Rerender), yesNoText(b.Rerender))
		was(n+"re-render rate", rerenderRateText(used, a), rerenderRateText(now, b))
		was(n+"slot", a.Slot.Key(), b.Slot.Key())
		if a.Slot == SlotVoice || b.Slot == SlotVoice {
			was(n+"script pace", paceOrCard(a.WordsPerMinute), paceOrCard(b.WordsPerMinute))
		}
	}
	for i := range now.Features {
		if _, ok := used.Feature(now.Features[i].ID); !ok {
			out = append(out, "Feature "+now.Features[i].Name+" ("+now.Features[i].ID+") is new in the card now")
		}
	}
	out = append(out, diffScriptPaces(used, now)...)
	out = append(out, diffOneTime(used, now)...)
	for i := range out {
		out[i] = Printable(out[i])
	}
	return out
}

// diffScriptPaces names a change of the paces a length from a script is
// read at: the card's, and each language's.
func diffScriptPaces(used, now *RateCard) []string {
	var out []string
	pace := func(c *RateCard) string { return paceText(cmp.Or(c.WordsPerMinute, DefaultWordsPerMinute), "") }
	if a, b := pace(used), pace(now); a != b {
		out = append(out, "The card's script pace was "+a+" in the card used, "+b+" now")
	}
	langs := used.ScriptLanguages()
	for _, l := range now.ScriptLanguages() {
		if _, ok := used.LanguagePace[l]; !ok {
			langs = append(langs, l)
		}
	}
	for _, l := range langs {
		a, b := used.LanguagePace[l], now.LanguagePace[l]
		if a != b {
			out = append(out, "The script pace for "+l+" was "+paceOrCard(a)+" in the card used, "+paceOrCard(b)+" now")
		}
	}
	return out
}

// diffOneTime names a one-time charge added, removed, or charged otherwise.
func diffOneTime(used, now *RateCard) []string {
	var out []string
	amount := func(c *RateCard, o *OneTimeCharge) string {
		if o.InCredits() {
			return c.CreditWord(o.Credits)
		}
		return c.Money(o.Price)
	}
	for i := range used.OneTime {
		a := &used.OneTime[i]
		b, ok := now.OneTimeCharge(a.ID)
		if !ok {
			out = append(out, "One-time charge "+a.Name+" ("+a.ID+") is in the card used, not in the card now")
			continue
		}
		if x, y := amount(used, a), amount(now, b); x != y {
			out = append(out, a.Name+" (one-time) was "+x+" in the card used, "+y+" now")
		}
		if x, y := a.offeredText(used), b.offeredText(now); x != y {
			out = append(out, a.Name+"'s "+x+" in the card used; "+y+" now")
		}
	}
	for i := range now.OneTime {
		if _, ok := used.OneTimeCharge(now.OneTime[i].ID); !ok {
			out = append(out, "One-time charge "+now.OneTime[i].Name+" ("+now.OneTime[i].ID+") is new in the card now")
		}
	}
	return out
}

// paceOrCard is a pace as a difference names it: "140 wpm", or "the card's"
// when none is given.
func paceOrCard(wpm int) string {
	if wpm == 0 {
		return "the card's"
	}
	return paceText(wpm, "")
}

// rerenderRateText is a feature's re-render rate, or "its rate" without one.
func rerenderRateText(c *RateCard, f *Feature) string {
	if !f.HasRerenderRate {
		return "its rate"
	}
	return c.CreditWord(f.RerenderRate) + " a " + f.Unit.Label()
}

func diffTopUps(used, now *RateCard, a, b *Plan) []string {
	var out []string
	find := func(p *Plan, id string) *TopUp {
		for i := range p.TopUps {
			if p.TopUps[i].ID == id {
				return &p.TopUps[i]
			}
		}
		return nil
	}
	for i := range a.TopUps {
		ta := &a.TopUps[i]
		tb := find(b, ta.ID)
		if tb == nil {
			out = append(out, a.Name+"'s top-up "+ta.Name+" is in the card used, not in the card now")
			continue
		}
		n := a.Name + "'s top-up " + ta.Name + ": its "
		if ta.Price != tb.Price {
			out = append(out, n+"price was "+used.Money(ta.Price)+" in the card used, "+now.Money(tb.Price)+" now")
		}
		if ta.Credits != tb.Credits {
			out = append(out, n+"credits were "+used.CreditWord(ta.Credits)+" in the card used, "+now.CreditWord(tb.Credits)+" now")
		}
		if ta.LastsDays != tb.LastsDays {
			out = append(out, n+"lifetime was "+daysText(ta.LastsDays)+" in the card used, "+daysText(tb.LastsDays)+" now")
		}
	}
	for i := range b.TopUps {
		if find(a, b.TopUps[i].ID) == nil {
			out = append(out, a.Name+"'s top-up "+b.TopUps[i].Name+" is new in the card now")
		}
	}
	return out
}

func seatPriceText(c *RateCard, p *Plan) string {
	if !p.ExtraSeats {
		return "none sold"
	}
	return c.Money(p.SeatPrice)
}

func limitText(set bool, s string) string {
	if !set {
		return "no limit"
	}
	return s
}

func yesNoText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func daysText(d int) string {
	if d <= 0 {
		return "until used"
	}
	return itoa(d) + " days"
}

// rateText is a feature's rate: "20 premium credits a minute", or
// "included" for a feature that spends none.
func rateText(c *RateCard, f *Feature) string {
	if !f.Premium {
		return "included"
	}
	return c.CreditWord(f.Rate) + " a " + f.Unit.Label()
}

// offeredText lists the ids of the features a plan offers.
func offeredText(c *RateCard, p *Plan) string {
	var ids []string
	for i := range c.Features {
		if p.offers[i] {
			ids = append(ids, c.Features[i].ID)
		}
	}
	return strings.Join(ids, ", ")
}
