package report

import (
	"bufio"
	"encoding/json"

	"creditplan/pricing"
)

// The proposal as JSON: the figures as numbers (credits) and decimal
// strings (money, as every JSON of creditplan writes them), the sentences
// as the other formats show them, the inputs block as an array of strings
// one a line, and "closing" last.

type proposalJSON struct {
	Proposal    int                    `json:"proposal"`
	Title       string                 `json:"title"`
	PreparedOn  string                 `json:"prepared_on"`
	ValidUntil  *string                `json:"valid_until"`
	Customer    *proposalCustomerJSON  `json:"customer"`
	Custom      *proposalCustomJSON    `json:"custom_pricing"`
	Estimates   []proposalEstimateJSON `json:"estimates"`
	Scenarios   []proposalScenarioJSON `json:"scenarios"`
	Card        proposalCardJSON       `json:"card"`
	Month       proposalMonthJSON      `json:"month"`
	Proposed    proposalChoiceJSON     `json:"proposed"`
	Recommended *proposalChoiceJSON    `json:"recommended"`
	Why         []string               `json:"why"`
	Plans       []proposalPlanJSON     `json:"plans"`
	Year        proposalYearJSON       `json:"year"`
	BreakEvens  []string               `json:"break_evens"`
	Version     string                 `json:"creditplan_version"`
	Inputs      []string               `json:"inputs"`
	Closing     string                 `json:"closing"`
}

type proposalCustomerJSON struct {
	Name       string `json:"name"`
	Company    string `json:"company"`
	PreparedBy string `json:"prepared_by"`
}

type proposalCustomJSON struct {
	File    string               `json:"file"`
	Changes []proposalChangeJSON `json:"changes"`
}

type proposalChangeJSON struct {
	What  string `json:"what"`
	List  string `json:"list"`
	Yours string `json:"yours"`
}

type proposalEstimateJSON struct {
	What string `json:"what"`
	Why  string `json:"why"`
}

type proposalScenarioJSON struct {
	Name           string      `json:"name"`
	Plan           string      `json:"plan"`
	Billing        string      `json:"billing"`
	PremiumCredits json.Number `json:"premium_credits"`
	Fits           bool        `json:"fits"`
	Usable         bool        `json:"makes_month"`
	TotalCost      *string     `json:"total_cost"`
	YearCost       *string     `json:"year_cost"`
}

type proposalCardJSON struct {
	Name     string   `json:"name"`
	Vendor   string   `json:"vendor"`
	AsOf     string   `json:"as_of"`
	Currency string   `json:"currency"`
	Sources  []string `json:"sources"`
}

type proposalMonthJSON struct {
	Videos          int64       `json:"videos"`
	FinishedSeconds int64       `json:"finished_seconds"`
	PremiumCredits  json.Number `json:"premium_credits"`
}

type proposalChoiceJSON struct {
	Plan      string `json:"plan"`
	Billing   string `json:"billing"`
	MonthCost string `json:"month_cost,omitempty"`
}

type proposalPlanJSON struct {
	ID             string             `json:"id"`
	Name           string             `json:"name"`
	Proposed       bool               `json:"proposed"`
	Recommended    bool               `json:"recommended"`
	ContactSales   bool               `json:"contact_sales"`
	MonthlyPrice   *string            `json:"monthly_price"`
	AnnualPrice    *string            `json:"annual_price"`
	Credits        json.Number        `json:"credits"`
	Gives          []proposalGiveJSON `json:"gives"`
	MaxLength      string             `json:"max_length"`
	Resolution     string             `json:"resolution"`
	IncludedSeats  int                `json:"included_seats"`
	ExtraSeatPrice *string            `json:"extra_seat_price"`
	Watermark      bool               `json:"watermark"`
	MakesMonth     bool               `json:"makes_month"`
	Blocked        []string           `json:"blocked"`
	TopUp          *string            `json:"top_up"`
	MonthCost      *proposalBothJSON  `json:"month_cost"`
	YearCost       *proposalBothJSON  `json:"year_cost"`
}

type proposalGiveJSON struct {
	Feature string `json:"feature"`
	Amount  int64  `json:"about"`
	Unit    string `json:"unit"`
	Text    string `json:"text"`
}

type proposalBothJSON struct {
	Monthly string `json:"monthly"`
	Annual  string `json:"annual"`
}

type proposalYearJSON struct {
	Plan    string              `json:"plan"`
	Cheaper string              `json:"cheaper"`
	Text    string              `json:"text"`
	Monthly proposalYearRunJSON `json:"monthly"`
	Annual  proposalYearRunJSON `json:"annual"`
}

type proposalYearRunJSON struct {
	Subscription   *string     `json:"subscription"`
	TopUps         *string     `json:"top_ups"`
	Cost           *string     `json:"cost"`
	Used           json.Number `json:"credits_used"`
	Expired        json.Number `json:"credits_expired"`
	MonthsToppedUp int         `json:"months_topped_up"`
	MonthsShort    int         `json:"months_short"`
}

func creditsNumber(c pricing.Credits) json.Number { return json.Number(c.String()) }

// moneyJSON is an amount as a decimal string, or null on a plan without a
// public price.
func moneyJSON(plan *pricing.Plan, m pricing.Money) *string {
	if plan.ContactSales {
		return nil
	}
	s := m.Plain()
	return &s
}

func writeProposalJSON(w *bufio.Writer, p *pricing.Proposal, doc *proposalDoc, inputs string) error {
	c := p.Card
	d := proposalJSON{
		Proposal: 1, Title: doc.Title, PreparedOn: p.Options.PreparedOn,
		Card:     proposalCardJSON{Name: c.Name, Vendor: c.Vendor, AsOf: c.AsOf, Currency: c.Currency, Sources: nonNil(c.Sources)},
		Month:    proposalMonthJSON{Videos: p.Videos, FinishedSeconds: p.FinishedSeconds, PremiumCredits: creditsNumber(p.Premium)},
		Proposed: proposalChoiceJSON{Plan: p.Proposed.ID, Billing: p.ProposedBilling.Key()},
		Why:      nonNil(p.Why), BreakEvens: nonNil(p.BreakEvens),
		Version: p.Options.Version, Inputs: nonNil(inputsLines(inputs)), Closing: doc.Closing,
	}
	if s := c.Sales; s != nil {
		v := s.ValidUntil.String()
		d.ValidUntil = &v
		if cu := s.Customer; cu != nil {
			d.Customer = &proposalCustomerJSON{Name: cu.Name, Company: cu.Company, PreparedBy: cu.PreparedBy}
		}
	}
	if cp := c.Custom; cp != nil {
		d.Custom = &proposalCustomJSON{File: cp.File, Changes: []proposalChangeJSON{}}
		for _, ch := range cp.Changes {
			d.Custom.Changes = append(d.Custom.Changes, proposalChangeJSON{What: ch.What, List: ch.List, Yours: ch.Yours})
		}
	}
	d.Estimates = []proposalEstimateJSON{}
	for _, e := range c.DocumentEstimates(proposalPlans(p)...) {
		d.Estimates = append(d.Estimates, proposalEstimateJSON{What: e.What, Why: e.Why})
	}
	d.Scenarios = []proposalScenarioJSON{}
	for _, r := range c.SideBySide(p.Project) {
		j := proposalScenarioJSON{Name: r.Name, Billing: r.Billing.Key(), PremiumCredits: creditsNumber(r.PremiumCredits), Fits: r.Fits, Usable: r.Usable}
		if r.Plan != nil {
			j.Plan = r.Plan.ID
			if !r.ContactSales && r.Usable {
				t, y := r.TotalCost.Plain(), r.YearCost.Plain()
				j.TotalCost, j.YearCost = &t, &y
			}
		}
		d.Scenarios = append(d.Scenarios, j)
	}
	if r := p.Recommended; r != nil {
		d.Recommended = &proposalChoiceJSON{Plan: r.Plan.ID, Billing: r.Billing.Key(), MonthCost: r.Total.Plain()}
	}
	for i := range p.Plans {
		pp := &p.Plans[i]
		pl := pp.Plan
		j := proposalPlanJSON{
			ID: pl.ID, Name: pl.Name, Proposed: pp.Proposed, Recommended: pp.Recommended, ContactSales: pl.ContactSales,
			MonthlyPrice: moneyJSON(pl, pl.MonthlyPrice), AnnualPrice: moneyJSON(pl, pl.AnnualPrice),
			Credits: creditsNumber(pl.Credits), Gives: []proposalGiveJSON{},
			MaxLength: pp.MaxLength, Resolution: pp.Resolution, IncludedSeats: max(pl.IncludedSeats, 1),
			Watermark: pl.Watermark, MakesMonth: pp.Standing.Usable(), Blocked: nonNil(pp.Standing.Blocked),
		}
		if pl.ExtraSeats {
			s := pl.SeatPrice.Plain()
			j.ExtraSeatPrice = &s
		}
		if len(pp.Standing.TopUp.Packs) > 0 {
			s := pp.Standing.TopUp.Describe(c)
			j.TopUp = &s
		}
		if !pl.ContactSales {
			j.MonthCost = &proposalBothJSON{Monthly: pp.MonthCost[0].Plain(), Annual: pp.MonthCost[1].Plain()}
			j.YearCost = &proposalBothJSON{Monthly: pp.YearCost[0].Plain(), Annual: pp.YearCost[1].Plain()}
		}
		for _, g := range pp.Gives {
			j.Gives = append(j.Gives, proposalGiveJSON{Feature: g.Feature.ID, Amount: g.Amount, Unit: g.Unit, Text: g.Text()})
		}
		d.Plans = append(d.Plans, j)
	}
	run := func(r *pricing.YearRun) proposalYearRunJSON {
		return proposalYearRunJSON{
			Subscription: moneyJSON(p.Proposed, r.Subscription), TopUps: moneyJSON(p.Proposed, r.TopUps), Cost: moneyJSON(p.Proposed, r.Cost),
			Used: creditsNumber(r.Used), Expired: creditsNumber(r.Expired), MonthsToppedUp: r.MonthsToppedUp, MonthsShort: r.MonthsShort,
		}
	}
	d.Year = proposalYearJSON{Plan: p.Proposed.ID, Cheaper: p.Year.Cheaper.Key(), Text: yearSentence(p), Monthly: run(p.Year.Monthly), Annual: run(p.Year.Annual)}
	pw := &printableWriter{w: w, json: true}
	bw := bufio.NewWriter(pw)
	if err := writeJSON(bw, d); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return pw.finish()
}
