package pricing

import "strings"

// Slot is a place in a video that one feature fills: its avatar, its look, its
// translation, and so on. Each video picks exactly one feature for every slot.
type Slot int

// The slots of a video, in the order forms and breakdowns show them.
const (
	SlotAvatar Slot = iota
	SlotLook
	SlotVoice
	SlotResolution
	SlotTranslation
	SlotBRoll
	SlotAgent
	SlotScript
	NumSlots
)

var slotKeys = [NumSlots]string{"avatar", "look", "voice", "resolution", "translation", "broll", "agent", "script"}
var slotTitles = [NumSlots]string{"Avatar", "Look", "Voice", "Resolution", "Translation", "B-roll", "Agent", "Script"}

// Key is the slot's name in TOML files: "avatar", "broll".
func (s Slot) Key() string {
	if s < 0 || s >= NumSlots {
		return "unknown"
	}
	return slotKeys[s]
}

// Title is the slot's name for people: "Avatar", "B-roll".
func (s Slot) Title() string {
	if s < 0 || s >= NumSlots {
		return "Unknown"
	}
	return slotTitles[s]
}

// SlotByKey finds a slot by its TOML name.
func SlotByKey(key string) (Slot, bool) {
	for i, k := range slotKeys {
		if k == key {
			return Slot(i), true
		}
	}
	return 0, false
}

// Unit is what a feature's rate is charged per.
type Unit int

// The units a rate can be charged in.
const (
	PerMinute         Unit = iota // per minute of finished video, billed in increments
	PerSecond                     // per second of finished video, billed in increments
	PerVideo                      // once per render of the video
	PerLanguageMinute             // per minute of video for each target language
	PerClip                       // per generated b-roll clip
	PerGeneration                 // per generation (a script draft, a look)
	numUnits
)

var unitKeys = [numUnits]string{"minute", "second", "video", "language_minute", "clip", "generation"}
var unitLabels = [numUnits]string{"min", "s", "video", "language-min", "clip", "generation"}

// Key is the unit's name in TOML files.
func (u Unit) Key() string {
	if u < 0 || u >= numUnits {
		return "unknown"
	}
	return unitKeys[u]
}

// Label is the unit's short name for tables: "min", "language-min".
func (u Unit) Label() string {
	if u < 0 || u >= numUnits {
		return "?"
	}
	return unitLabels[u]
}

// IsTime reports whether the unit is charged by the video's length, so a billing
// increment applies.
func (u Unit) IsTime() bool { return u == PerMinute || u == PerSecond || u == PerLanguageMinute }

// Billing is how a subscription is paid.
type Billing int

// The two billing periods.
const (
	Monthly Billing = iota
	Annual
)

// Key is the billing's name in TOML files: "monthly" or "annual".
func (b Billing) Key() string {
	if b == Annual {
		return "annual"
	}
	return "monthly"
}

// RateCard is one vendor's plans and feature rates, as read from a plans.toml.
type RateCard struct {
	Name     string
	Vendor   string
	Currency string
	AsOf     string // the date the rates were read, YYYY-MM-DD
	Schema   int
	// CreditName and CreditNamePlural are what the vendor calls a credit:
	// "premium credit" / "premium credits".
	CreditName       string
	CreditNamePlural string
	// Precision is how many decimals a credit amount may have on this card (0-3).
	Precision int
	Sources   []string
	// Origin names the file the card came from, for headers and errors.
	Origin string

	Plans    []Plan
	Features []Feature
	// Defaults holds, for each slot, the feature a video takes when it names none.
	Defaults [NumSlots]string
	// MaxDiscount is the discount band (max_discount), in hundredths of a
	// percent: a negotiated price further below list needs approval. 0: none.
	MaxDiscount int64
	// Custom is the negotiated pricing laid over the card (WithOverlay), or
	// nil for the card's list prices.
	Custom *CustomPricing
	// Sales is who and when an output of this card is prepared for
	// (ForCustomer), or nil for none.
	Sales *SalesContext
	// OneTime lists the charges paid once, not every cycle ([[one_time]]):
	// a custom avatar's setup fee, a photo avatar's training (onetime.go).
	OneTime []OneTimeCharge

	// RatesAsOf is the day whose rows this card holds: set by On (the
	// --as-of date every command prices on), and by ParseRateCard to the
	// card's as_of for a card with dated rows; zero otherwise.
	RatesAsOf Date

	// FailedRenders is the vendor's policy on failed renders, a sentence
	// every quote states (failed_renders): "failed renders are refunded only
	// for technical faults"; "" when the card says nothing.
	FailedRenders string

	rows *cardRows // every dated and undated row, for On; nil without dated rows
	// WordsPerMinute is the pace a script is read at on this card (card key
	// words_per_minute); 0: DefaultWordsPerMinute. A voice may say its own
	// (Feature.WordsPerMinute). See script.go.
	WordsPerMinute int
	// LanguagePace is the pace a script in a language is read at, by the
	// language's canonical tag (card table words_per_minute_by_language):
	// Spanish narration runs slower in words than English. A voice's own pace
	// comes first; a tag the table lacks falls back to its base language, then
	// to WordsPerMinute. nil when the card gives none. See script.go.
	LanguagePace map[string]int

	featureIndex map[string]int
	planIndex    map[string]int
	slotOptions  [NumSlots][]int
}

// TopUp is a credit pack a plan can buy on top of its cycle's credits.
type TopUp struct {
	ID        string
	Name      string
	Credits   Credits
	Price     Money
	LastsDays int // how long bought credits last; 0 means until used
	// Marks names the pack's numbers that are estimates (estimated, why).
	Marks Marks
}

// Plan is one subscription tier.
type Plan struct {
	ID   string
	Name string
	// ContactSales is set when the card gives no public price; such a plan is
	// shown as "contact sales", never as free, and never recommended.
	ContactSales bool
	MonthlyPrice Money // price of one month when billed monthly
	AnnualPrice  Money // price of one month when billed annually
	Credits      Credits
	// IncludedSeats is how many seats the price covers; SeatPrice is each extra
	// seat's monthly price. ExtraSeats is false when the plan sells none.
	IncludedSeats int
	SeatPrice     Money
	ExtraSeats    bool
	// MaxSeconds is the longest video allowed; 0 means no limit.
	MaxSeconds int
	// MaxHeight is the highest resolution (in lines: 720, 1080, 2160); 0 means no limit.
	MaxHeight      int
	Watermark      bool
	VideosPerMonth int // 0 means no cap
	// Rollover says how unused credits of a cycle expire; the year simulation
	// follows it. ExpiresDays is the vendor's stated lifetime in days, kept for
	// reference only (see year.go for why the two are not combined).
	Rollover    Rollover
	ExpiresDays int
	// AnnualUpfront is set when annual billing grants the whole year's credits at once.
	AnnualUpfront bool
	TopUps        []TopUp
	// Marks names the plan's numbers that are estimates (estimated, why).
	Marks Marks
	// Effective is the day this row's numbers take over from the id's
	// earlier row (effective = 2026-03-01); the zero Date for the id's
	// undated default row. See effective.go.
	Effective Date

	offers []bool // indexed like RateCard.Features
}

// Feature is one option for a slot, with its rate.
type Feature struct {
	ID   string
	Name string
	Slot Slot
	// Premium features spend credits; the others are included (unlimited) on plans that offer them.
	Premium bool
	Rate    Credits
	Unit    Unit
	// IncrementSeconds is the billing increment for time units: lengths are rounded
	// up to a multiple of it before the rate applies (30 means "next 30 s").
	IncrementSeconds int
	// Minimum is the least one charge (one render, one language) can cost.
	Minimum Credits
	// Rerender is set when each re-render of the video charges this feature again.
	Rerender bool
	// Alternative is the id of a cheaper feature for the same slot, and AlternativeReason
	// says in one line why it will do.
	Alternative       string
	AlternativeReason string
	// Weight is how much premium value the feature carries when fitting a month to a
	// budget; 0 in the file means 1.
	Weight int
	// Height is the resolution in lines, for resolution features (720, 1080, 2160).
	Height int
	// Marks names the feature's numbers that are estimates (estimated, why).
	Marks Marks
	// Effective is the day this row's numbers take over from the id's
	// earlier row (effective = 2026-03-01); the zero Date for the id's
	// undated default row. See effective.go.
	Effective Date
	// RerenderRate is what each re-render costs a unit (rerender_rate) when
	// HasRerenderRate: a vendor may price a re-render below the first
	// render. Without it a re-render costs the rate.
	RerenderRate    Credits
	HasRerenderRate bool
	// WordsPerMinute is how fast this voice reads a script (voice features,
	// key words_per_minute); 0: the card's pace.
	WordsPerMinute int
	// Provides is the vendor-independent capability the feature gives its
	// slot (capability.go), "" when the card does not say: such a feature is
	// priced on its own card but cannot be carried to another.
	Provides Capability
}

// Feature returns the feature with this id.
func (c *RateCard) Feature(id string) (*Feature, bool) {
	i, ok := c.featureIndex[id]
	if !ok {
		return nil, false
	}
	return &c.Features[i], true
}

// has reports whether the card has a feature with this id.
func (c *RateCard) has(id string) bool { _, ok := c.featureIndex[id]; return ok }

// hasPlan reports whether the card has a plan with this id.
func (c *RateCard) hasPlan(id string) bool { _, ok := c.planIndex[id]; return ok }

// Plan returns the plan with this id.
func (c *RateCard) Plan(id string) (*Plan, bool) {
	i, ok := c.planIndex[id]
	if !ok {
		return nil, false
	}
	return &c.Plans[i], true
}

// PlanIDs lists the plans' ids in card order.
func (c *RateCard) PlanIDs() []string {
	ids := make([]string, len(c.Plans))
	for i := range c.Plans {
		ids[i] = c.Plans[i].ID
	}
	return ids
}

// Options lists the features that can fill a slot, in card order.
func (c *RateCard) Options(s Slot) []*Feature {
	out := make([]*Feature, 0, len(c.slotOptions[s]))
	for _, i := range c.slotOptions[s] {
		out = append(out, &c.Features[i])
	}
	return out
}

// OptionIDs lists the ids of the features that can fill a slot, in card order.
func (c *RateCard) OptionIDs(s Slot) []string {
	out := make([]string, 0, len(c.slotOptions[s]))
	for _, i := range c.slotOptions[s] {
		out = append(out, c.Features[i].ID)
	}
	return out
}

// Offers reports whether the plan offers the feature with this id.
func (c *RateCard) Offers(p *Plan, featureID string) bool {
	i, ok := c.featureIndex[featureID]
	return ok && p.offers[i]
}

// CreditWord names n credits with the card's unit: "1 premium credit", "50 premium credits".
func (c *RateCard) CreditWord(n Credits) string {
	if n == CreditScale {
		return "1 " + c.CreditName
	}
	return n.Grouped() + " " + c.CreditNamePlural
}

// AppendCreditWord appends n with the card's credit word as CreditWord writes it.
func (c *RateCard) AppendCreditWord(dst []byte, n Credits) []byte {
	if n == CreditScale {
		return append(append(dst, "1 "...), c.CreditName...)
	}
	return append(append(n.AppendGrouped(dst), ' '), c.CreditNamePlural...)
}

// Unavailable says why a plan cannot use a feature, or "" when it can.
func (c *RateCard) Unavailable(p *Plan, f *Feature) string {
	if !c.Offers(p, f.ID) {
		return "not offered on " + p.Name
	}
	if f.Slot == SlotResolution && p.MaxHeight > 0 && f.Height > p.MaxHeight {
		return p.Name + " renders at most " + resolutionName(p.MaxHeight)
	}
	return ""
}

// Money formats an amount in the card's currency.
func (c *RateCard) Money(m Money) string { return m.Format(c.Currency) }

// Price is one month of the plan under the given billing.
func (p *Plan) Price(b Billing) Money {
	if b == Annual {
		return p.AnnualPrice
	}
	return p.MonthlyPrice
}

// resolutionName writes a height as people say it: 2160 -> "4K", 1080 -> "1080p".
// ResolutionName names a resolution height as the card's resolution feature
// of that height is named ("4K"), or as lines ("1440p") for a height no
// feature has.
func (c *RateCard) ResolutionName(h int) string {
	for i := range c.Features {
		if f := &c.Features[i]; f.Slot == SlotResolution && f.Height == h {
			return f.Name
		}
	}
	return resolutionName(h)
}

// resolutionName is a height's usual name: "4K", "8K", else lines ("720p").
func resolutionName(h int) string {
	switch h {
	case 2160:
		return "4K"
	case 4320:
		return "8K"
	}
	return itoa(h) + "p"
}

func itoa(n int) string { return formatFixed(int64(n), 0, false) }

// quoteName puts a user's name for something in quotes for messages.
func quoteName(s string) string { return "\u201c" + strings.TrimSpace(s) + "\u201d" }
