// Package pricing is creditplan's engine: the rate card and project models,
// their loaders, and every pricing rule. The planner (ui), the commands and
// the outputs (pricing/report) only present what it returns.
//
// It is pure: no terminal, no Bubble Tea, no files opened behind the caller's
// back. Callers hand it bytes and a name to report errors against, and present
// what it returns. Credits and money are fixed-point integers (Credits, Money)
// throughout; sums and products saturate rather than wrap.
//
// # Pricing a month
//
// A month is priced one way and a plan's standing for it stated one way:
// MonthPremium adds the month up, and Stand (Standing) says whether it fits the
// credits at hand, what is short, the cheapest top-up, what blocks the plan and
// what the month costs. Quote (one plan, with lines and alternatives), Compare
// (every plan), RightSize (every plan under both billings, with break-evens)
// and Year (twelve months of the wallet) are built on it; Fit (substitutions
// within a balance) adds up the month as changed with it.
//
// # Where each rule lives
//
// Each rule is in the file named after it:
//
//	the month's premium total, a plan's standing   standing.go
//	a feature's charge for one copy (the order)    charge.go
//	rounding: billing increments, card precision   rounding.go
//	minimum charge                                 minimum.go
//	re-renders                                     rerender.go
//	length from the script (words, a voice's pace) script.go
//	review drafts at a lower resolution            drafts.go
//	alternatives (cheaper choices, month order)    alternatives.go
//	alternative chains (which step a plan can use) chain.go
//	plan limits (what blocks a plan)               limits.go
//	top-ups (the cheapest purchase)                topup.go
//	the upfront message ("This will use ...")      upfront.go
//	contact sales (plans without a public price)   contactsales.go
//	upgrade (the cheapest plan covering the month) upgrade.go
//	cures (what makes a short or blocked month)    cure.go
//	rollover (when unused credits expire)          rollover.go
//	break-even between plans, usage terms          breakeven.go
//	quote (one plan, Requote after an edit)        quote.go
//	comparison (every plan), cost per minute       compare.go
//	right-sizing (cheapest plan and billing)       rightsize.go
//	the year's wallet                              year.go
//	volume (a month's multiplier over the year)    volume.go
//	scenarios (what-ifs priced side by side)       scenario.go (reading: scenarioload.go, writing: scenarioencode.go)
//	fit                                            fit.go (domain), internal/knapsack (solver)
//	review drafts proposed by a fit                fitdrafts.go
//	fit to a budget in money (top-ups or cheaper)  fitmoney.go
//	the plan a new month starts on                 startplan.go
//	the proposal (proposed plan, why, plans given) proposal.go
//	a proposal's embedded inputs, its body hash    proposalembed.go
//	two cards' differences in words                carddiff.go
//	a tampered proposal, its changed lines         verify.go
//	saturating arithmetic                          saturate.go
//	credits, money                                 credits.go, money.go
//	fixed-point text (formatting, parsing)         decimal.go
//	negotiated pricing laid over a card            overlay.go (reading), overlayapply.go (applying)
//	discounts, the discount band                   discount.go
//	estimates (numbers resting on an assumption)   estimate.go
//	derived numbers resting on an estimate         derivedestimate.go
//	quote validity (prepared, valid until)         validity.go
//	the customer, an output's sales context        customer.go
//	vendors compared (one month on several cards)  vendors.go
//	exchange rates (--fx), converting money        fx.go
//	dated rows (effective, the card on a day)      effective.go
//	one-time charges (setup fees, in their month)  onetime.go (as typed: onetimetext.go, saved: onetimeedit.go)
//	a month's budget in money                      budget.go
//	capabilities (the vocabulary, provides)        capability.go
//	one month on several cards (carrying ids)      capabilitycarry.go
//
// Reading input:
//
//	billing (monthly, annual)                      billing.go
//	balance (--balance, the planner's field)       balance.go
//	languages (BCP 47 tags, English names)         language.go
//	lengths ("2m30s", "2:30")                      length.go
//	card or project (SourceIsRateCard)             sourcelimits.go
//	source limits before decoding                  sourcelimits.go
//	collecting a big file's decoding garbage       collect.go
//	printable text, refused characters             printable.go, unsafetext.go
//	the schema walker (keys, types, ranges)        schema.go
//	"did you mean" for a typo                      suggest.go
//	problems (file:line:col), their positions      problems.go, locate.go
//	rate cards                                     cardload.go, card.go
//	projects: reading, writing, editing a file     projectload.go, projectencode.go, projectedit.go
//	the project model                              project.go
package pricing
