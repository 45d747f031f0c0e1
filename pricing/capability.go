package pricing

import (
	"strings"
)

// Capability is what a slot choice means, independent of any vendor:
// "avatar.expressive" is an Avatar IV class presenter whoever renders it. A
// card feature says which one it provides (the feature key provides), and a
// project may name one instead of a card's own id, so one month can be priced
// on several vendors' cards (capabilitycarry.go). docs/capabilities.md is the
// vocabulary for people; this table is the one the program reads.
type Capability string

// capabilityInfo is one entry of the vocabulary: its slot and its title in
// sentences ("D-ID has no lip-sync translation").
type capabilityInfo struct {
	cap   Capability
	slot  Slot
	title string
}

// capabilities is the vocabulary, grouped by slot in slot order. The part
// before the dot names the slot for people ("translate" is the translation
// slot); the part after it is the capability's short name within its slot.
var capabilities = []capabilityInfo{
	{"avatar.standard", SlotAvatar, "standard avatar"},
	{"avatar.expressive", SlotAvatar, "expressive avatar (Avatar IV class)"},
	{"avatar.none", SlotAvatar, "text-to-video without a presenter"},
	{"look.stock", SlotLook, "stock look"},
	{"look.generated", SlotLook, "generated look"},
	{"voice.stock", SlotVoice, "stock voice"},
	{"voice.premium", SlotVoice, "premium voice"},
	{"voice.clone", SlotVoice, "voice clone"},
	{"resolution.720p", SlotResolution, "720p"},
	{"resolution.1080p", SlotResolution, "1080p"},
	{"resolution.4k", SlotResolution, "4K"},
	{"translate.dub", SlotTranslation, "audio dubbing"},
	{"translate.lipsync", SlotTranslation, "lip-sync translation"},
	{"broll.stock", SlotBRoll, "stock b-roll"},
	{"broll.generated", SlotBRoll, "generated b-roll"},
	{"agent.none", SlotAgent, "editing without an agent"},
	{"agent.essential", SlotAgent, "essential video agent"},
	{"agent.full", SlotAgent, "full video agent"},
	{"script.own", SlotScript, "your own script"},
	{"script.ai", SlotScript, "AI script writing"},
}

// capabilityIndex finds a capability's entry by its full name.
var capabilityIndex = func() map[Capability]int {
	m := make(map[Capability]int, len(capabilities))
	for i, c := range capabilities {
		m[c.cap] = i
	}
	return m
}()

// Capabilities lists the whole vocabulary, in slot order.
func Capabilities() []Capability {
	out := make([]Capability, len(capabilities))
	for i, c := range capabilities {
		out[i] = c.cap
	}
	return out
}

// SlotCapabilities lists the capabilities that belong to a slot.
func SlotCapabilities(s Slot) []Capability {
	var out []Capability
	for _, c := range capabilities {
		if c.slot == s {
			out = append(out, c.cap)
		}
	}
	return out
}

// Known reports whether the capability is in the vocabulary.
func (c Capability) Known() bool {
	_, ok := capabilityIndex[c]
	return ok
}

// Slot is the slot the capability belongs to; false for one not in the vocabulary.
func (c Capability) Slot() (Slot, bool) {
	i, ok := capabilityIndex[c]
	if !ok {
		return 0, false
	}
	return capabilities[i].slot, true
}

// Short is the name after the dot, what a project may write inside its slot's
// key: "expressive" for "avatar.expressive".
func (c Capability) Short() string {
	if i := strings.IndexByte(string(c), '.'); i >= 0 {
		return string(c)[i+1:]
	}
	return string(c)
}

// CapabilityTitle is the capability's name in sentences: "lip-sync
// translation". A capability outside the vocabulary is named as written, so a
// sentence never loses its object.
func CapabilityTitle(c Capability) string {
	if i, ok := capabilityIndex[c]; ok {
		return capabilities[i].title
	}
	return string(c)
}

// capabilityNames is the vocabulary as text, for "did you mean" and "choose one of".
func capabilityNames(list []Capability) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = string(c)
	}
	return out
}

// CapabilityIn reads a project's slot value as a capability of slot s: the full
// name ("avatar.expressive") or the short one ("expressive"). ok is false when
// the value names no capability of that slot.
func CapabilityIn(s Slot, value string) (Capability, bool) {
	for _, c := range capabilities {
		if c.slot != s {
			continue
		}
		if string(c.cap) == value || c.cap.Short() == value {
			return c.cap, true
		}
	}
	return "", false
}

// readProvides reads a feature's provides key: a capability of the vocabulary
// (a typo gets "did you mean") that belongs to the feature's own slot.
func readProvides(t *table, f *Feature) {
	p := t.str("provides", false)
	if p == "" {
		return
	}
	c := Capability(p)
	slot, ok := c.Slot()
	if !ok {
		t.d.oneOf(t.keyPath("provides"), "capability", p, capabilityNames(Capabilities()))
		return
	}
	if f.Slot < NumSlots && slot != f.Slot {
		t.d.addf(t.keyPath("provides"), "capability %q belongs to the %s slot, but feature %q fills the %s slot; %s",
			p, slot.Key(), f.ID, f.Slot.Key(), choices(f.Slot.Key()+" capability", capabilityNames(SlotCapabilities(f.Slot))))
		return
	}
	f.Provides = c
}

// Providing is the card's feature for a capability, or nil when the card has
// none. When two features provide it, the rule is: an included feature before
// a premium one; then, between features charged in the same unit, the lower
// rate; then the one earlier on the card. The rule only picks among features
// that really provide the capability: nothing is ever swapped for another
// capability.
func (c *RateCard) Providing(cap Capability) *Feature {
	slot, ok := cap.Slot()
	if !ok {
		return nil
	}
	var best *Feature
	for _, i := range c.slotOptions[slot] {
		f := &c.Features[i]
		if f.Provides != cap {
			continue
		}
		if best == nil || betterProvider(f, best) {
			best = f
		}
	}
	return best
}

// betterProvider reports whether f is preferred to best for the same capability.
func betterProvider(f, best *Feature) bool {
	if f.Premium != best.Premium {
		return !f.Premium
	}
	return f.Unit == best.Unit && f.Rate < best.Rate
}

// vendorName is how sentences name a card's vendor: its vendor, else its name.
func (c *RateCard) vendorName() string {
	if c.Vendor != "" {
		return c.Vendor
	}
	if c.Name != "" {
		return c.Name
	}
	return c.Origin
}

// LacksReason is the sentence for a capability the card has no feature for:
// "D-ID has no lip-sync translation" when the card prices other features of
// that slot, so the vendor's own list leaves it out. A card with no feature
// at all for the slot has not priced the slot, which says nothing about the
// vendor ("D-ID's rate card prices no translation, so no lip-sync
// translation"): a customer is never told a vendor lacks what the card left out.
func (c *RateCard) LacksReason(cap Capability) string {
	if s, ok := cap.Slot(); ok && len(c.slotOptions[s]) == 0 {
		return c.vendorName() + "'s rate card prices no " + strings.ToLower(s.Title()) + ", so no " + CapabilityTitle(cap)
	}
	return c.vendorName() + " has no " + CapabilityTitle(cap)
}

// slotValue reads a project's slot value that is not the card's own id for
// that slot: a capability of the slot ("expressive" or "avatar.expressive")
// becomes the card's feature for it, and a capability the card lacks is an
// error at the key naming the card. A card id always wins over a capability
// of the same name: the value is a capability only when no feature has it as
// its id.
func (c *RateCard) slotValue(d *decoder, path string, s Slot, value string) (string, bool) {
	if _, isID := c.featureIndex[value]; isID {
		return value, c.checkSlotFeature(d, path, s, value)
	}
	if cap, ok := CapabilityIn(s, value); ok {
		if f := c.Providing(cap); f != nil {
			return f.ID, true
		}
		if valid := c.slotChoices(s); len(valid) > 0 {
			d.addf(path, "%s; %s", c.LacksReason(cap), choices(s.Key()+" feature", valid))
		} else {
			// LacksReason already says the card prices nothing for the slot.
			d.addf(path, "%s; remove %s or use a card that prices it", c.LacksReason(cap), s.Key())
		}
		return "", false
	}
	if other, ok := Capability(value).Slot(); ok {
		d.addf(path, "capability %q belongs to the %s slot, not %s; %s", value, other.Key(), s.Key(),
			choices(s.Key()+" feature", c.slotChoices(s)))
		return "", false
	}
	if !d.idsUnread && Closest(value, c.OptionIDs(s)) == "" {
		if near := Closest(value, capabilityShortAndFull(s)); near != "" {
			d.addf(path, "unknown %s feature %q (did you mean %q?); %s", s.Key(), value, near,
				choices(s.Key()+" feature", c.slotChoices(s)))
			return "", false
		}
	}
	return value, c.checkSlotFeature(d, path, s, value)
}

// slotChoices is what a project may write in a slot on this card: the card's
// ids for it, then the capabilities its features provide.
func (c *RateCard) slotChoices(s Slot) []string {
	out := c.OptionIDs(s)
	for _, cap := range SlotCapabilities(s) {
		if c.Providing(cap) != nil {
			out = append(out, string(cap))
		}
	}
	return out
}

// capabilityShortAndFull lists a slot's capabilities in both spellings a
// project may use, for "did you mean".
func capabilityShortAndFull(s Slot) []string {
	var out []string
	for _, cap := range SlotCapabilities(s) {
		out = append(out, cap.Short(), string(cap))
	}
	return out
}
