package pricing

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

var (
	projectKeys = []string{"plan", "billing", "balance", "seats", "watermark_ok", "allow_fewer_rerenders", "volume", "videos", "scenarios", "customer", "pricing", "one_time", "budget"}
	videoKeys   = []string{"name", "count", "length", "avatar", "look", "voice", "resolution", "languages", "translation", "broll_clips", "broll", "agent", "script_generations", "script", "rerenders", "script_words", "drafts", "draft_resolution", "script_language"}
)

// Limits that keep every product of counts, lengths and rates far from overflow.
const (
	MaxVideos      = 50_000
	MaxCount       = 10_000
	MaxLanguages   = 200
	MaxClips       = 1_000
	MaxGenerations = 1_000
	MaxRerenders   = 100
	MaxSeats       = 10_000
	// MaxScenarios is the most [[scenarios]] a project may hold: a
	// comparison a customer can read, with room to spare.
	MaxScenarios = 100
	// MaxScenarioWork bounds the videos added up again for the scenarios
	// that change them (substitutions, volume): each different change adds
	// the whole month up once more, so a month of 50,000 videos may hold 20
	// such changes, one of 10,000 all 100.
	MaxScenarioWork = 1_000_000
)

// ParseProject reads a project file against a rate card, so every feature and plan
// it names is checked to exist. Slots a video leaves out take the card's defaults.
// All problems are reported at once; on error no project is returned. It reads
// no other file: a video's script = "FILE" is an error (ParseProjectFrom).
func ParseProject(name string, src []byte, card *RateCard) (*Project, error) {
	return parseProject(name, src, card, ProjectSources{})
}

// ParseProjectFrom is ParseProject for a project that may name other files:
// a video's script = "FILE" is read from s.Scripts, the project's folder.
func ParseProjectFrom(name string, src []byte, card *RateCard, s ProjectSources) (*Project, error) {
	return parseProject(name, src, card, s)
}

// parseProject is ParseProject and ParseProjectFrom.
func parseProject(name string, src []byte, card *RateCard, sources ProjectSources) (*Project, error) {
	tree, err := decodeTOML(name, src, projectSource)
	if err != nil {
		return nil, err
	}
	return parseProjectTree(name, src, tree, card, sources, nil)
}

// parseProjectTree reads a decoded project file against a card; ParseProject
// and ParseProjectAcross (capabilitycarry.go) both read through it.
func parseProjectTree(name string, src []byte, tree map[string]any, card *RateCard, sources ProjectSources, carried *carriedMonth) (*Project, error) {
	d := &decoder{file: name, src: src}
	d.refuseUnsafeText(tree)
	root := d.table(tree)
	p := &Project{Seats: 1}
	p.Plan = root.str("plan", false)
	raw, has := tree["plan"]
	if !has && len(card.Plans) > 0 {
		p.Plan = card.Plans[0].ID
	} else if _, isText := raw.(string); isText {
		// plan = "" too: a month must name a plan the card has, or it cannot be quoted.
		if _, ok := card.Plan(p.Plan); !ok {
			d.oneOf("plan", "plan", p.Plan, card.PlanIDs())
		}
	}
	if b := root.str("billing", false); b != "" {
		// The one billing parser decides; the refusal keeps the file's own
		// form (file:line:col, "choose one of").
		if billing, err := ParseBilling(b); err == nil {
			p.Billing = billing
		} else {
			d.oneOf("billing", "billing", b, BillingKeys)
		}
	}
	if bal, ok := root.credits("balance", false, card.Precision); ok {
		p.Balance, p.HasBalance = bal, true
	}
	p.Seats = int(root.integer("seats", false, 1, 1, MaxSeats))
	p.WatermarkOK = root.boolean("watermark_ok")
	p.AllowFewerRerenders = root.boolean("allow_fewer_rerenders")
	if v, ok := root.get("volume"); ok {
		p.Volume = readVolume(d, v)
	}
	p.Customer = readCustomer(root)
	if _, ok := root.get("pricing"); ok {
		if p.PricingFile, ok = root.optionalText("pricing", "for the card's list prices"); !ok {
			p.PricingFile = ""
		}
	}
	videos := root.tables("videos")
	if len(videos) > MaxVideos {
		d.addf("videos", "too many videos (%s); at most %s", Count(len(videos)), Count(MaxVideos))
		videos = videos[:MaxVideos]
	}
	p.Videos = readVideos(card, d, videos)
	readVideoScripts(card, d, p.Videos, sources)
	if carried == nil {
		// Carried to another card, the month is not on the file's plan, so
		// its drafts are not refused here; a plan that cannot render them is
		// blocked (draftsBlocked).
		checkDrafts(card, d, p)
	}
	p.Scenarios = readScenarios(card, d, root)
	p.OneTime = readOneTimeNeeds(d, root, card, p.Plan, carried)
	p.Budget, p.HasBudget = readBudget(root, card)
	checkScenarioWork(d, len(p.Videos), p.Scenarios)
	root.finish(projectKeys)
	if err := d.err(); err != nil {
		return nil, err
	}
	collectAfter(src) // the tree is garbage from here
	return p, nil
}

// readVideosInParallelFrom is the number of videos from which a month's videos
// are read on every core: each video is checked on its own, and a
// 10,000-video month spends a few milliseconds here.
const readVideosInParallelFrom = 2048

// readVideos reads every [[videos]] table. A big month is cut into one run of
// videos per core, each collecting its problems in a decoder of its own, merged
// afterwards: d.err sorts every problem by position, so the report is the same
// as one core's.
func readVideos(card *RateCard, d *decoder, tables []table) []Video {
	out := make([]Video, len(tables))
	workers := 1
	if len(tables) >= readVideosInParallelFrom {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers <= 1 {
		for i := range tables {
			out[i] = readVideo(card, &tables[i])
		}
		return out
	}
	found := make([]decoder, workers)
	var wg sync.WaitGroup
	for k := range workers {
		from, to := len(tables)*k/workers, len(tables)*(k+1)/workers
		found[k] = decoder{file: d.file, src: d.src, refused: d.refused}
		wg.Go(func() {
			for i := from; i < to; i++ {
				t := &tables[i]
				t.d = &found[k]
				out[i] = readVideo(card, t)
			}
		})
	}
	wg.Wait()
	for k := range found {
		d.problems = append(d.problems, found[k].problems...)
	}
	return out
}

// readVolume reads 12 monthly multipliers (1 = the month as planned, 0.5 = half).
func readVolume(d *decoder, v any) []int64 {
	arr, ok := v.([]any)
	if !ok {
		d.addf("volume", "must be an array of 12 multipliers like [1, 1, 0.5, ...], not %s", typeName(v))
		return nil
	}
	if len(arr) != 12 {
		d.addf("volume", "must have 12 entries, one per month, not %d", len(arr))
		return nil
	}
	out := make([]int64, 12)
	for i, e := range arr {
		m, ok := d.decimalValue(fmt.Sprintf("volume[%d]", i), e, 3, 3, "multiplier")
		if ok && m > MaxVolume {
			d.addf(fmt.Sprintf("volume[%d]", i), "multiplier above 100 is not a plausible month")
		}
		out[i] = m
	}
	return out
}

// The bits of videoKeyMask's answer readVideo asks about.
var (
	bitCount, bitLanguages, bitClips = videoKeyBit("count"), videoKeyBit("languages"), videoKeyBit("broll_clips")
	bitGenerations, bitRerenders     = videoKeyBit("script_generations"), videoKeyBit("rerenders")
	bitLength, bitScriptWords        = videoKeyBit("length"), videoKeyBit("script_words")
	bitDrafts, bitDraftResolution    = videoKeyBit("drafts"), videoKeyBit("draft_resolution")
	bitScriptLanguage                = videoKeyBit("script_language")
	slotKeyBit                       = func() (b [NumSlots]uint32) {
		for s := Slot(0); s < NumSlots; s++ {
			b[s] = videoKeyBit(s.Key())
		}
		return b
	}()
)

// videoKeyBit is key's bit in videoKeyMask's answer.
func videoKeyBit(key string) uint32 { return 1 << videoKeyIndex(key) }

// videoKeyMask is which of videoKeys a video's table has, and whether it has
// any other key, in one pass over its few keys: the optional keys it lacks
// are then never looked up, and the unknown-key check runs only when there is
// one. A month of 100,000 videos would otherwise look each of 15 keys up in
// every video.
func videoKeyMask(m map[string]any) (mask uint32, other bool) {
	for k := range m {
		if i := videoKeyIndex(k); i >= 0 {
			mask |= 1 << i
		} else {
			other = true
		}
	}
	return mask, other
}

// videoKeyIndex is k's place in videoKeys, or -1; a switch the compiler
// turns into a search by length and bytes, cheaper than hashing the key.
func videoKeyIndex(k string) int {
	switch k {
	case "name":
		return 0
	case "count":
		return 1
	case "length":
		return 2
	case "avatar":
		return 3
	case "look":
		return 4
	case "voice":
		return 5
	case "resolution":
		return 6
	case "languages":
		return 7
	case "translation":
		return 8
	case "broll_clips":
		return 9
	case "broll":
		return 10
	case "agent":
		return 11
	case "script_generations":
		return 12
	case "script":
		return 13
	case "rerenders":
		return 14
	case "script_words":
		return 15
	case "drafts":
		return 16
	case "draft_resolution":
		return 17
	case "script_language":
		return 18
	}
	return -1
}

func readVideo(card *RateCard, t *table) Video {
	d := t.d
	has, other := videoKeyMask(t.m)
	v := Video{Name: t.str("name", true), Count: 1}
	if has&bitCount != 0 {
		v.Count = int(t.integer("count", false, 1, 0, MaxCount))
	}
	scripted := readScriptKeys(card, t, has, &v)
	if raw, ok := t.get("length"); scripted {
		// The script says the length; readScriptKeys refused a length beside it.
	} else if !ok {
		t.missingf("length", "missing required key %q (like \"2m30s\" or 2.5 for minutes)", "length")
	} else {
		var text string
		parse := true
		switch x := raw.(type) {
		case string:
			text = x
		case int64:
			text = strconv.FormatInt(x, 10)
		case float64:
			text = formatFloatShortest(x)
		default:
			d.addf(t.keyPath("length"), "must be a length like \"2m30s\" or minutes like 2.5, not %s", typeName(raw))
			parse = false
		}
		// An empty string is parsed too, so length = "" is an error, not a 0 s video.
		if parse {
			sec, err := ParseLength(text)
			if err != nil {
				d.addf(t.keyPath("length"), "%v", err)
			}
			v.Seconds = sec
		}
	}
	v.Picks = card.Defaults
	for s := Slot(0); s < NumSlots; s++ {
		if has&slotKeyBit[s] == 0 {
			continue
		}
		id := t.str(s.Key(), false)
		if id == "" {
			continue
		}
		// The card's own string is kept: the thousands of copies of one id a big
		// month holds then share it, and the decoded tree is left unreferenced.
		// The key path is built only for a bad id, to say where it is.
		if fi, ok := card.featureIndex[id]; ok && card.Features[fi].Slot == s {
			v.Picks[s] = card.Features[fi].ID
		} else if s == SlotScript && v.ScriptFile != "" {
			// script = "scripts/launch.md": readScriptKeys took it as the file.
		} else if pick, ok := card.slotValue(d, t.keyPath(s.Key()), s, id); ok {
			v.Picks[s] = pick
		}
	}
	if has&bitLanguages != 0 {
		v.Languages = readLanguages(t)
		if len(v.Languages) > MaxLanguages {
			d.addf(t.keyPath("languages"), "too many languages (%d); at most %d", len(v.Languages), MaxLanguages)
		}
	}
	if has&bitClips != 0 {
		v.BRollClips = int(t.integer("broll_clips", false, 0, 0, MaxClips))
	}
	if has&bitGenerations != 0 {
		v.ScriptGenerations = int(t.integer("script_generations", false, 0, 0, MaxGenerations))
	}
	if has&bitRerenders != 0 {
		v.Rerenders = int(t.integer("rerenders", false, 0, 0, MaxRerenders))
	}
	if has&(bitDrafts|bitDraftResolution) != 0 {
		readDraftKeys(card, t, has, &v)
	}
	card.ApplyScript(&v)
	checkSlotWork(card, t, &v)
	if other {
		t.finish(videoKeys)
	}
	return v
}

// slotWork names, for each slot that charges only for work a video asks for,
// the key that asks for it and what that work is called.
var slotWork = [...]struct {
	slot      Slot
	key, what string
}{
	{SlotTranslation, "languages", "languages"},
	{SlotBRoll, "broll_clips", "b-roll clips"},
	{SlotScript, "script_generations", "script generations"},
}

// checkSlotWork refuses work the card cannot price: languages, b-roll clips or
// script generations on a card with no feature for that slot would be charged
// nothing, a quote that looks right and is not.
func checkSlotWork(card *RateCard, t *table, v *Video) {
	for _, w := range slotWork {
		if !v.active(w.slot) || len(card.slotOptions[w.slot]) > 0 {
			continue
		}
		t.d.addf(t.keyPath(w.key), "this card has no %s features, so %s cannot be priced; remove %s or use a card that prices them",
			w.slot.Key(), w.what, w.key)
	}
}

// readLanguages reads a video's target languages: each a BCP 47 tag or an
// English name (ParseLanguage), kept as its canonical tag, and each charged
// once, so one given twice in any spelling ("Spanish" and "es") is a problem.
func readLanguages(t *table) []string {
	const maxSuggestions = 100
	raw, ok := t.get("languages")
	if !ok {
		return nil
	}
	arr, ok := raw.([]any)
	if !ok {
		t.d.addf(t.keyPath("languages"), "must be an array of strings, not %s", typeName(raw))
		return nil
	}
	if len(arr) > MaxLanguages {
		t.d.addf(t.keyPath("languages"), "too many languages (%d); at most %d", len(arr), MaxLanguages)
		return nil
	}
	at := func(i int) string { return t.keyPath("languages") + "[" + strconv.Itoa(i) + "]" }
	out := make([]string, 0, len(arr))
	first := make(map[string]string, len(arr)) // canonical tag -> the spelling that gave it first
	for i, e := range arr {
		l, ok := e.(string)
		if !ok {
			t.d.addf(at(i), "must be a string, not %s", typeName(e))
			continue
		}
		// The nearest-name suggestion is for the first problems, not for a
		// file of thousands of unknown languages.
		tag, err := parseLanguage(l, len(t.d.problems) < maxSuggestions)
		if err != nil {
			t.d.addf(at(i), "%v", err)
			continue
		}
		if prev, repeat := first[tag]; repeat {
			t.d.addf(at(i), "%v", languageTwice(prev, strings.TrimSpace(l), tag))
			continue
		}
		first[tag] = strings.TrimSpace(l)
		out = append(out, tag)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
