package pricing_test

import (
	"fmt"
	"os"

	"creditplan/pricing"
)

// A month's standing on a plan: what it spends against the credits at hand,
// what is short, the cheapest top-up, and what the month costs.
func ExampleRateCard_Stand() {
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		panic(err)
	}
	card, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		panic(err)
	}
	p := card.NewProject("creator")
	p.Videos[0].Picks[pricing.SlotAvatar] = "avatar-iv"
	p.Videos[0].Seconds = 10 * 60
	p.Videos[0].Count = 3
	plan, _ := card.Plan("creator")

	s := card.Stand(p, plan, p.BalanceOn(plan))
	fmt.Println("spends", card.CreditWord(s.Premium), "of", card.CreditWord(s.Balance))
	fmt.Println("fits:", s.Fits, "short:", s.Short.Grouped())
	fmt.Println("top-up:", s.TopUp.Describe(card))
	fmt.Println("costs", card.Money(s.Cost), "a month billed", s.Billing.Key())
	// Output:
	// spends 600 premium credits of 200 premium credits
	// fits: false short: 400
	// top-up: 2 × Add-on 300 (600 premium credits, $30.00)
	// costs $59.00 a month billed monthly
}

// What makes a month its plan cannot make: 4K is above Creator's 1080p
// maximum, so no top-up is offered, only the plans that can make it, cheapest
// first.
func ExampleRateCard_Cures() {
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		panic(err)
	}
	card, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		panic(err)
	}
	p := card.NewProject("creator")
	p.Videos[0].Name = "Promo"
	p.Videos[0].Picks[pricing.SlotAvatar] = "avatar-iv"
	p.Videos[0].Picks[pricing.SlotResolution] = "4k"
	p.Videos[0].Seconds = 150

	cu, err := card.Cures(p)
	if err != nil {
		panic(err)
	}
	fmt.Println(cu.Lead())
	for _, o := range cu.Options {
		fmt.Println(o.Plan.Name, "billed", o.Billing.Key()+":", card.Money(o.Total), "a month")
	}
	fmt.Println("recommended:", cu.Recommended.Plan.Name)
	// Output:
	// Creator cannot make this month: “Promo” needs 4K, above Creator's 1080p maximum.
	// Pro billed annual: $79.00 a month
	// Business billed annual: $119.00 a month
	// recommended: Pro
}
