package pricing

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// CardMonth is one project read against one of several cards: the month as
// that vendor would make it, and what it cannot make.
type CardMonth struct {
	Card    *RateCard
	Project *Project
	// Gaps are the capabilities the month needs that the card has none of. A
	// card with gaps cannot make the month: every plan on it is blocked by
	// them, and none is priced as if the missing work cost nothing.
	Gaps []CapabilityGap
}

// Blocked reports whether the card cannot make the month at all.
func (m CardMonth) Blocked() bool { return len(m.Gaps) > 0 }

// CapabilityGap is one thing a video needs that a card cannot give.
type CapabilityGap struct {
	// Video is the name of the video that needs it.
	Video string
	Slot  Slot
	// Capability is what the video needs; "" when what it asked for names no
	// capability (a feature whose card does not say what it provides).
	Capability Capability
	// Reason is the sentence every output shows: "FluxNote has no expressive avatar
	// (Avatar IV class)", or "D-ID's rate card prices no translation, so no lip-sync
	// translation" when the card prices nothing for the slot.
	Reason string
}

// slotWorkKeys are, for the slots that charge only for work a video asks
// for, the key that asks for it (as slotWork in projectload.go).
var slotWorkKeys = [...]struct {
	slot Slot
	key  string
}{{SlotTranslation, "languages"}, {SlotBRoll, "broll_clips"}, {SlotScript, "script_generations"}}

// carriedKey is a video's key that names a card's feature for a slot.
type carriedKey struct {
	key  string
	slot Slot
}

// carriedKeys are the slots' own keys, and the resolution review drafts are
// rendered at (drafts.go).
var carriedKeys = func() []carriedKey {
	out := make([]carriedKey, 0, NumSlots+1)
	for s := Slot(0); s < NumSlots; s++ {
		out = append(out, carriedKey{s.Key(), s})
	}
	return append(out, carriedKey{"draft_resolution", SlotResolution})
}()

// isScriptFile reports whether a video's script value names a script file
// (script.go) rather than a feature: a file is read alike on every card.
func isScriptFile(key, value string, cards []*RateCard) bool {
	if key != SlotScript.Key() || !looksLikeScriptFile(strings.TrimSpace(value)) {
		return false
	}
	for _, c := range cards {
		if _, ok := c.Feature(strings.TrimSpace(value)); ok {
			return false
		}
	}
	return true
}

// ParseProjectAcross reads one project against several cards, so the same
// month can be priced on each: one CardMonth per card, in the order given.
//
// A slot value is looked up in the card being priced first (its own id
// wins); then read as a capability ("expressive", "avatar.expressive"); then
// as an id of the first given card that has it in that slot, carried through
// the capability that feature provides. A capability the card has no feature
// for is a CapabilityGap, never a cheaper or different feature. A slot a
// video leaves out takes each card's own default.
//
// What does not carry (docs/capabilities.md): the plan id (a card without it
// starts from its first plan; comparisons choose their own), the balance and
// a pricing overlay (credits and negotiated prices belong to one card: other
// cards assume a full cycle at list price), and scenarios. The project's own
// card is the first card that has its plan (the first card when it names
// none). Lengths, counts, languages, b-roll clips, script generations,
// re-renders, scripts, drafts, seats, billing, the budget and the customer
// carry as written; a draft resolution is carried as a resolution is; one-time
// needs carry by id, and a charge a card lacks blocks its plans (onetime.go).
//
// What only another card refuses in a file its own card reads (a plan that
// cannot draft) is that card's gap; what the project's own card refuses is
// the file's error.
//
// An id found on no card, or a plan on no card, is an error; every problem is
// reported at once with file:line:col, each once however many cards share it.
func ParseProjectAcross(name string, src []byte, cards []*RateCard) ([]CardMonth, error) {
	return ParseProjectAcrossFrom(name, src, cards, ProjectSources{})
}

// ParseProjectAcrossFrom is ParseProjectAcross for a project that may name
// other files: a video's script = "FILE" is read from s.Scripts, the
// project's folder, as ParseProjectFrom does.
func ParseProjectAcrossFrom(name string, src []byte, cards []*RateCard, s ProjectSources) ([]CardMonth, error) {
	if len(cards) == 0 {
		return nil, errors.New("no rate card to read the project against")
	}
	tree, err := decodeTOML(name, src, projectSource)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, src: src}
	home := homeCard(d, tree, cards)
	videos, _ := tree["videos"].([]map[string]any)
	if len(videos) > MaxVideos {
		videos = videos[:MaxVideos] // the parse reports the rest
	}
	checkCarriedIDs(d, videos, cards)

	all, _ := AsProblems(d.err())
	months := make([]CardMonth, len(cards))
	// The project's own card is read first: what it finds wrong is wrong
	// with the file, and is all that is reported.
	order := make([]int, 0, len(cards))
	order = append(order, home)
	for i := range cards {
		if i != home {
			order = append(order, i)
		}
	}
	for _, i := range order {
		card := cards[i]
		t, gaps, carried := carryTree(tree, videos, card, i == home, cards)
		p, err := parseProjectTree(name, src, t, card, s, carried)
		if err != nil {
			ps, ok := AsProblems(err)
			if !ok {
				return nil, err
			}
			if i == home {
				all = append(all, ps...)
				break
			}
			// The file reads on its own card, so what only this card
			// refuses is what this vendor cannot do.
			months[i] = CardMonth{Card: card, Gaps: append(gaps, problemGaps(card, videos, ps)...)}
			continue
		}
		if len(all) > 0 {
			break
		}
		months[i] = CardMonth{Card: card, Project: p, Gaps: gaps}
	}
	if len(all) > 0 {
		return nil, uniqueProblems(all)
	}
	return months, nil
}

// problemGaps turns what one card refuses in a file its own card reads (a
// plan limit, a draft resolution it lacks) into that card's gaps, each
// sentence led by the vendor: "FluxNote: Free renders at a single resolution
// ...". Slot is NumSlots for a problem that is about no one slot.
func problemGaps(card *RateCard, videos []map[string]any, ps Problems) []CapabilityGap {
	out := make([]CapabilityGap, 0, len(ps))
	for _, p := range ps {
		g := CapabilityGap{Slot: NumSlots, Reason: card.vendorName() + ": " + p.Msg}
		path, msg, ok := strings.Cut(p.Msg, ": ")
		if ok && !strings.Contains(path, " ") {
			g.Reason = card.vendorName() + ": " + msg
			if rest, isVideo := strings.CutPrefix(path, "videos["); isVideo {
				n, key, _ := strings.Cut(rest, "].")
				if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < len(videos) {
					g.Video, _ = videos[i]["name"].(string)
				}
				if sl, isSlot := SlotByKey(key); isSlot {
					g.Slot = sl
				}
			}
		}
		out = append(out, g)
	}
	return out
}

// homeCard is the index of the project's own card: the first with its plan,
// or the first card when the project names none. A plan on no card is a problem.
func homeCard(d *decoder, tree map[string]any, cards []*RateCard) int {
	plan, isText := tree["plan"].(string)
	if !isText {
		return 0
	}
	var ids []string
	for i, c := range cards {
		if _, ok := c.Plan(plan); ok {
			return i
		}
		ids = append(ids, c.PlanIDs()...)
	}
	d.oneOf("plan", "plan", plan, ids)
	return 0
}

// checkCarriedIDs reports a slot value that is neither a capability nor an
// id of that slot on any given card: it could be carried nowhere.
func checkCarriedIDs(d *decoder, videos []map[string]any, cards []*RateCard) {
	for i, v := range videos {
		for _, k := range carriedKeys {
			s := k.slot
			value, ok := v[k.key].(string)
			if !ok || value == "" || isScriptFile(k.key, value, cards) {
				continue
			}
			if _, isCap := CapabilityIn(s, value); isCap {
				continue
			}
			found := false
			var valid []string
			var other *Feature
			var otherCard *RateCard
			for _, c := range cards {
				if f, ok := c.Feature(value); ok {
					if f.Slot == s {
						found = true
						break
					}
					if other == nil {
						other, otherCard = f, c
					}
				}
				valid = append(valid, c.OptionIDs(s)...)
			}
			if found {
				continue
			}
			path := fmt.Sprintf("videos[%d].%s", i, k.key)
			if other != nil && other.Slot < NumSlots {
				d.addf(path, "feature %q fills the %s slot on %s, not %s", value, other.Slot.Key(), otherCard.vendorName(), s.Key())
				continue
			}
			if sl, ok := Capability(value).Slot(); ok {
				d.addf(path, "capability %q belongs to the %s slot, not %s", value, sl.Key(), s.Key())
				continue
			}
			valid = append(uniqueStrings(valid), capabilityShortAndFull(s)...)
			d.oneOf(path, s.Key()+" feature or capability on any card", value, valid)
		}
	}
}

// carriedMonth is what a month carried to a card other than its own is read
// with beside its tree (ParseProjectAcross); nil for the project's own card.
// It lives outside the tree, so no file can spell it.
type carriedMonth struct {
	// oneTime is the project's [[one_time]], read without reporting there
	// (carryOneTime).
	oneTime    any
	hasOneTime bool
}

// carryTree is the project's tree as card reads it: each slot value becomes
// the card's own id, or a gap (and the key is dropped, so the card's reading
// does not refuse it again); what does not carry is dropped on cards other
// than the project's own.
func carryTree(tree map[string]any, videos []map[string]any, card *RateCard, home bool, cards []*RateCard) (t map[string]any, gaps []CapabilityGap, cm *carriedMonth) {
	t = make(map[string]any, len(tree))
	for k, v := range tree {
		t[k] = v
	}
	if plan, ok := t["plan"].(string); ok {
		if _, has := card.Plan(plan); !has {
			delete(t, "plan")
		}
	}
	if !home {
		delete(t, "balance")
		delete(t, "pricing")
		delete(t, "scenarios")
		cm = &carriedMonth{}
		carryOneTime(t, cm)
	}
	vs := make([]map[string]any, len(videos))
	for i, v := range videos {
		nv := make(map[string]any, len(v))
		for k, x := range v {
			nv[k] = x
		}
		vs[i] = nv
		name, _ := v["name"].(string)
		for _, k := range carriedKeys {
			s := k.slot
			value, ok := v[k.key].(string)
			if !ok || value == "" || isScriptFile(k.key, value, cards) {
				continue
			}
			id, gap, carried := card.carry(s, value, cards)
			if !carried {
				delete(nv, k.key) // on no card in this slot: reported once, by checkCarriedIDs
				continue
			}
			if gap != nil {
				gap.Video = name
				gaps = append(gaps, *gap)
				delete(nv, k.key)
				continue
			}
			nv[k.key] = id
		}
		for _, w := range slotWorkKeys {
			s, key := w.slot, w.key
			if len(card.slotOptions[s]) > 0 || !asksForWork(nv[key]) {
				continue
			}
			if _, named := v[s.Key()].(string); named {
				if _, still := nv[s.Key()]; !still {
					delete(nv, key) // its gap is already the named capability's
					continue
				}
			}
			cap := cards[0].defaultProvides(s)
			reason := card.vendorName() + "'s rate card prices no " + strings.ToLower(s.Title())
			if cap != "" {
				reason = card.LacksReason(cap)
			}
			gaps = append(gaps, CapabilityGap{Video: name, Slot: s, Capability: cap, Reason: reason})
			delete(nv, key)
		}
	}
	if _, ok := tree["videos"].([]map[string]any); ok {
		t["videos"] = vs
	}
	return t, gaps, cm
}

// asksForWork reports whether a work key's value asks for any: a non-empty
// list of languages, a count above zero. A value of the wrong type is the
// card's reading's to refuse.
func asksForWork(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) > 0
	case int64:
		return x > 0
	}
	return false
}

// defaultProvides is the capability the card's default for a slot provides.
func (c *RateCard) defaultProvides(s Slot) Capability {
	if f, ok := c.Feature(c.Defaults[s]); ok {
		return f.Provides
	}
	return ""
}

// carry finds the card's own id for a slot value written for any of the
// cards. carried is false for a value no card has in the slot, which
// checkCarriedIDs reports.
func (c *RateCard) carry(s Slot, value string, cards []*RateCard) (id string, gap *CapabilityGap, carried bool) {
	if f, ok := c.Feature(value); ok && f.Slot == s {
		return value, nil, true
	}
	cap, isCap := CapabilityIn(s, value)
	if !isCap {
		var from *RateCard
		var f *Feature
		for _, k := range cards {
			if kf, ok := k.Feature(value); ok && kf.Slot == s {
				from, f = k, kf
				break
			}
		}
		if f == nil {
			return "", nil, false
		}
		if f.Provides == "" {
			return "", &CapabilityGap{Slot: s, Reason: fmt.Sprintf("%s's %s names no capability, so it cannot be carried to %s",
				from.vendorName(), f.Name, c.vendorName())}, true
		}
		cap = f.Provides
	}
	if f := c.Providing(cap); f != nil {
		return f.ID, nil, true
	}
	return "", &CapabilityGap{Slot: s, Capability: cap, Reason: c.LacksReason(cap)}, true
}

// uniqueProblems drops the problems every card found alike, in file order.
func uniqueProblems(ps Problems) Problems {
	seen := make(map[string]bool, len(ps))
	out := ps[:0:0]
	for _, p := range ps {
		if k := p.String(); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Col < out[j].Col
	})
	return out
}

// uniqueStrings keeps the first of each string, in order.
func uniqueStrings(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
