package pricing

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The language rule: a video's target languages are real BCP 47 language tags
// ("es", "pt-BR", "zh-Hant"), stored in their canonical form, each once. An
// English language name ("Spanish", "Brazilian Portuguese") is read as its tag;
// anything else is refused, with the nearest known name as a suggestion.

// maxLanguageText bounds one language as written: the longest English name
// known here is under 50 bytes, and a tag with a script, region and variant is
// far shorter. Longer text is refused before any lookup, so the work per
// language stays small whatever the input.
const maxLanguageText = 64

// ParseLanguage reads one language, a BCP 47 tag or an English language name,
// and returns its canonical tag ("ES" and "Spanish" both give "es", "pt_br"
// gives "pt-BR").
func ParseLanguage(text string) (string, error) { return parseLanguage(text, true) }

// parseLanguage is ParseLanguage; suggest=false leaves out the search for the
// nearest name (a few microseconds), for a file that already has many problems.
func parseLanguage(text string, suggest bool) (string, error) {
	s := strings.TrimSpace(text)
	switch {
	case s == "":
		return "", fmt.Errorf("a language must not be empty")
	case len(s) > maxLanguageText:
		return "", fmt.Errorf("language %s is too long (%d bytes; at most %d)", quoteShort(s), len(s), maxLanguageText)
	case !utf8.ValidString(s):
		return "", fmt.Errorf("language %s is not valid UTF-8", strconv.Quote(s))
	}
	if off, r, bad := FirstUnsafe(s); bad {
		return "", fmt.Errorf("language %s holds %s at byte %d", strconv.Quote(s), DescribeRune(r), off)
	}
	if tag, ok := languageTag(s); ok {
		return tag, nil
	}
	if tag, ok := languageNames().byName[foldName(s)]; ok {
		return tag, nil
	}
	if !suggest {
		return "", fmt.Errorf("unknown language %s", strconv.Quote(s))
	}
	if name, tag, ok := nearestLanguageName(s); ok {
		return "", fmt.Errorf("unknown language %s (did you mean %s = %s?)", strconv.Quote(s), strconv.Quote(name), tag)
	}
	return "", fmt.Errorf("unknown language %s (give a language tag such as es or pt-BR, or an English name such as Spanish)", strconv.Quote(s))
}

// ParseLanguages reads a list of languages separated by commas or spaces
// ("es, de", "es de", "Spanish, Brazilian Portuguese"): a comma-separated part
// that is itself one language name (spaces included) is one language; any
// other part is split at its spaces. It returns the canonical tags in the
// order given, and refuses a language given twice in any spelling ("Spanish,
// es"), as it would be charged twice, and more than MaxLanguages.
func ParseLanguages(text string) ([]string, error) {
	var out, written []string
	for part := range strings.SplitSeq(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		words, err := languageWords(part)
		if err != nil {
			return nil, err
		}
		for _, w := range words {
			tag, _ := ParseLanguage(w) // languageWords checked it
			if prev := indexOf(out, tag); prev >= 0 {
				return nil, languageTwice(written[prev], w, tag)
			}
			if len(out) == MaxLanguages {
				return nil, fmt.Errorf("too many languages; at most %d", MaxLanguages)
			}
			out, written = append(out, tag), append(written, w)
		}
	}
	return out, nil
}

// languageWords splits one comma-separated part into languages: the whole part
// when it is one language ("Brazilian Portuguese"), else its words ("es de").
// When a word is wrong, the error is the whole part's if that has a suggestion.
func languageWords(part string) ([]string, error) {
	_, err := ParseLanguage(part)
	if err == nil || !strings.ContainsAny(part, " \t") {
		return []string{part}, err
	}
	words := strings.Fields(part)
	for _, w := range words {
		if _, werr := ParseLanguage(w); werr != nil {
			if _, _, near := nearestLanguageName(part); near {
				return nil, err
			}
			return nil, werr
		}
	}
	return words, nil
}

// languageTwice is the message for a language given a second time.
func languageTwice(first, again, tag string) error {
	if first == again || strings.EqualFold(again, tag) && strings.EqualFold(first, tag) {
		return fmt.Errorf("language %s is listed twice; it would be charged twice", strconv.Quote(tag))
	}
	return fmt.Errorf("language %s is listed twice (as %s and %s); it would be charged twice", strconv.Quote(tag), strconv.Quote(first), strconv.Quote(again))
}

func indexOf(list []string, s string) int {
	for i, e := range list {
		if e == s {
			return i
		}
	}
	return -1
}

// languageTag parses s as a BCP 47 tag naming a language: "und", private-use
// tags and tags with extensions (-u-, -t-, -x-) name no language to translate into.
func languageTag(s string) (string, bool) {
	if strings.ContainsAny(s, " \t") {
		return "", false
	}
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return "", false
	}
	if _, conf := tag.Base(); conf == language.No {
		return "", false
	}
	if len(tag.Extensions()) > 0 {
		return "", false
	}
	return tag.String(), true
}

type nameTable struct {
	byName map[string]string // folded English name -> canonical tag
	names  []string          // the English names, for suggestions
	folded []string          // names[i] folded
	tags   []string          // names[i]'s tag
}

// languageNames is the bounded lookup from English names to tags: every
// two-letter ISO 639-1 language x/text knows, every tag x/text/language/display
// has names for, and a few regional variants people ask for by name.
var languageNames = sync.OnceValue(func() *nameTable {
	t := &nameTable{byName: map[string]string{}}
	add := func(tag language.Tag, name string) {
		key := foldName(name)
		if name == "" || len(name) > maxLanguageText {
			return
		}
		if _, dup := t.byName[key]; dup {
			return
		}
		t.byName[key] = tag.String()
		t.names = append(t.names, name)
		t.folded = append(t.folded, key)
		t.tags = append(t.tags, tag.String())
	}
	langs := display.English.Languages()
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			base, err := language.ParseBase(string([]byte{a, b}))
			if err != nil {
				continue
			}
			tag, err := language.Compose(base)
			if err != nil {
				continue
			}
			add(tag, langs.Name(base))
		}
	}
	tags := display.English.Tags()
	regional := []language.Tag{language.BrazilianPortuguese, language.SimplifiedChinese, language.AmericanEnglish, language.EuropeanSpanish}
	for _, tag := range append(display.Supported.Tags(), regional...) {
		add(tag, tags.Name(tag))
	}
	return t
})

// foldName is the form names are compared in: lower case, single spaces.
func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// nearestLanguageName is the known name closest to s in edit distance, when it
// is close enough to be what was meant (at most a third of the letters wrong).
// Names whose length alone puts them too far are skipped, and the distance
// stops as soon as it is too far, so a lookup costs microseconds.
func nearestLanguageName(s string) (name, tag string, ok bool) {
	key := foldName(s)
	if len(key) < 4 || len(key) > maxLanguageText {
		return "", "", false // a short word is a code, not a misspelt name
	}
	t := languageNames()
	best := -1
	bestD := max(2, len(key)/3) + 1
	for i, n := range t.folded {
		if d := boundedDistance(key, n, bestD); d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return "", "", false
	}
	return t.names[best], t.tags[best], true
}

// boundedDistance is the Levenshtein distance of a and b in bytes, or limit
// when it is at least limit. Both are at most maxLanguageText bytes (a longer
// one is never close), and it allocates nothing.
func boundedDistance(a, b string, limit int) int {
	if len(a)-len(b) >= limit || len(b)-len(a) >= limit || len(a) > maxLanguageText || len(b) > maxLanguageText {
		return limit
	}
	var rows [2][maxLanguageText + 1]int
	prev, cur := &rows[0], &rows[1]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// quoteShort quotes the start of a long text for a message.
func quoteShort(s string) string {
	if len(s) <= 24 {
		return strconv.Quote(s)
	}
	cut := 24
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}
