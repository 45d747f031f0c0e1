package pricing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Length from the script.
//
// A creator writes the script first and the video's length follows from it:
// a voice reads about 150 words a minute. A video may therefore give
// script_words = 420, or script = "scripts/launch.md" (a text file in the
// project's folder, whose words are counted), instead of length; the length
// is then ceil(words × 60 / wpm) seconds, at the words per minute of the
// video's voice (ScriptPace).

// DefaultWordsPerMinute is the pace a script is read at when neither the card
// nor the voice says: the seed guide's "around 150-160 words" a minute, at
// its lower end, so a length from words is never under-estimated.
const DefaultWordsPerMinute = 150

// Bounds on what a script may say.
const (
	// MinWordsPerMinute and MaxWordsPerMinute bound a pace a card may give:
	// slower than 60 or faster than 400 is no voice anyone narrates with.
	MinWordsPerMinute = 60
	MaxWordsPerMinute = 400
	// MaxScriptWords is the most words a video's script may have: 100,000
	// words read at 150 a minute is over 11 hours of video, beyond any plan.
	MaxScriptWords = 100_000
	// MaxScriptBytes is the largest script file read: 1 MiB is some 150,000
	// words of English, more than MaxScriptWords.
	MaxScriptBytes = 1 << 20
	// MaxScriptFilesBytes bounds the bytes of every distinct script file one
	// project reads, so a month of many videos cannot make a load read
	// gigabytes.
	MaxScriptFilesBytes = 16 << 20
)

// ProjectSources are the files a project may name besides itself. The caller
// opens them; pricing reads them only through these.
type ProjectSources struct {
	// Scripts is the project's folder, in which script = "FILE" is opened
	// (the command line hands os.OpenRoot(dir).FS(), so a path out of the
	// folder, absolute or through a link, is refused). nil: the project has no
	// folder (standard input, a test), and a script file is an error.
	Scripts fs.FS
	// known holds the words of script files already read (a save checking
	// the file it writes reads back as the month on screen): they are taken
	// as they are, not read again.
	known map[string]int
}

// ScriptSeconds is the length, in whole seconds, of words read at wpm words
// a minute, rounded up: ceil(words × 60 / wpm) in integers. 420 words at 150
// wpm: 420 × 60 = 25,200; 25,200 / 150 = 168 s exactly, 2m48s. 421 words:
// 25,260 / 150 = 168.4, so 169 s.
func ScriptSeconds(words, wpm int) int {
	if words <= 0 {
		return 0
	}
	if wpm <= 0 {
		wpm = DefaultWordsPerMinute
	}
	return int((int64(words)*60 + int64(wpm) - 1) / int64(wpm))
}

// wordsWithin is the most words that, read at wpm, take at most seconds:
// ScriptSeconds(w, wpm) <= s exactly when w × 60 <= s × wpm, so
// floor(s × wpm / 60). 150 s at 150 wpm: 22,500 / 60 = 375 words.
func wordsWithin(seconds, wpm int) int {
	if seconds <= 0 || wpm <= 0 {
		return 0
	}
	return int(int64(seconds) * int64(wpm) / 60)
}

// ScriptPace is the words per minute the video's script is read at, the
// first of: its voice feature's words_per_minute; the card's pace for the
// script's language (words_per_minute_by_language), for its exact tag and
// then its base language (pt-BR falls back to pt); the card's
// words_per_minute; DefaultWordsPerMinute.
func (c *RateCard) ScriptPace(v *Video) int {
	wpm, _ := c.scriptPace(v)
	return wpm
}

// scriptPace is ScriptPace and whether the script's language gave it.
func (c *RateCard) scriptPace(v *Video) (wpm int, byLanguage bool) {
	if f, ok := c.Feature(v.Picks[SlotVoice]); ok && f.WordsPerMinute > 0 {
		return f.WordsPerMinute, false
	}
	if wpm := c.languagePace(v.ScriptLanguage); wpm > 0 {
		return wpm, true
	}
	if c.WordsPerMinute > 0 {
		return c.WordsPerMinute, false
	}
	return DefaultWordsPerMinute, false
}

// languagePace is the card's pace for a language tag, or for its base
// language; 0 when the card gives neither.
func (c *RateCard) languagePace(tag string) int {
	if tag == "" || len(c.LanguagePace) == 0 {
		return 0
	}
	if wpm, ok := c.LanguagePace[tag]; ok {
		return wpm
	}
	if base, _ := language.Make(tag).Base(); base.String() != tag {
		return c.LanguagePace[base.String()]
	}
	return 0
}

// PaceText is the pace in words: "150 wpm", or "140 wpm for es" when the
// script's language set it.
func (c *RateCard) PaceText(v *Video) string {
	wpm, byLanguage := c.scriptPace(v)
	if byLanguage {
		return paceText(wpm, v.ScriptLanguage)
	}
	return paceText(wpm, "")
}

// paceText is "150 wpm", or "140 wpm for es" with the language that set it.
func paceText(wpm int, lang string) string {
	if lang != "" {
		return itoa(wpm) + " wpm for " + lang
	}
	return itoa(wpm) + " wpm"
}

// ScriptLanguages is the languages the card gives a pace for, sorted by tag.
func (c *RateCard) ScriptLanguages() []string {
	out := make([]string, 0, len(c.LanguagePace))
	for tag := range c.LanguagePace {
		out = append(out, tag)
	}
	sort.Strings(out)
	return out
}

// FromScript reports whether the video's length comes from its script.
func (v *Video) FromScript() bool { return v.ScriptWords > 0 }

// ApplyScript sets a script-measured video's length from its words at its
// voice's pace; a video with a length of its own is left alone. The planner
// calls it after every edit that may change the pace (the voice) or the words.
func (c *RateCard) ApplyScript(v *Video) {
	if v.FromScript() {
		v.Seconds = min(ScriptSeconds(v.ScriptWords, c.ScriptPace(v)), MaxVideoSeconds)
	}
}

// CountWords counts the words a script reads aloud: runs of characters
// between white space that hold at least one letter or digit, so Markdown's
// "-" and "---" are not words, and "don't" or "2026" are one each. What is
// not read aloud is not counted: a heading line (its first character past
// any indent is "#") and a note between <!-- and -->.
func CountWords(text []byte) int {
	n := 0
	inNote := false
	for line := range bytes.Lines(text) {
		if !inNote && bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("#")) {
			continue
		}
		for len(line) > 0 {
			if inNote {
				end := bytes.Index(line, []byte("-->"))
				if end < 0 {
					line = nil
					break
				}
				line, inNote = line[end+3:], false
				continue
			}
			spoken := line
			if at := bytes.Index(line, []byte("<!--")); at >= 0 {
				spoken, line, inNote = line[:at], line[at+4:], true
			} else {
				line = nil
			}
			n += countSpoken(spoken)
		}
	}
	return n
}

// countSpoken counts the words of text that is all read aloud.
func countSpoken(text []byte) int {
	n := 0
	for f := range bytes.FieldsFuncSeq(text, unicode.IsSpace) {
		if bytes.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
			n++
		}
	}
	return n
}

// readScriptFile reads one script file from the project's folder: at most
// MaxScriptBytes, and text (UTF-8, no NUL). The message says what is wrong in
// the user's terms, never the operating system's path.
func readScriptFile(fsys fs.FS, name string) ([]byte, string) {
	if strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || (len(name) > 1 && name[1] == ':') {
		return nil, "is an absolute path; give a path inside the project's folder, like \"scripts/launch.md\""
	}
	clean := strings.TrimPrefix(name, "./")
	if !fs.ValidPath(clean) {
		return nil, "leads outside the project's folder; give a path inside it, like \"scripts/launch.md\""
	}
	f, err := fsys.Open(clean)
	if err != nil {
		return nil, openProblem(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, "is a folder, not a text file"
	} else if err == nil && !info.Mode().IsRegular() {
		return nil, "is not a regular file"
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxScriptBytes+1))
	if err != nil {
		return nil, openProblem(err)
	}
	if len(src) > MaxScriptBytes {
		return nil, "is over 1 MiB; a script file may be at most 1 MiB"
	}
	if why := scriptText(src); why != "" {
		return nil, "is " + why
	}
	return src, ""
}

// scriptText says why src is not a script's text (valid UTF-8 without NUL
// bytes), or "".
func scriptText(src []byte) string {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return fmt.Sprintf("not text (a NUL byte at offset %d); a script must be a text file", i)
	}
	if !utf8.Valid(src) {
		return "not text (it is not valid UTF-8); a script must be a text file in UTF-8"
	}
	return ""
}

// openProblem says why a script file could not be opened.
func openProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist in the project's folder"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read: permission denied"
	case errors.Is(err, fs.ErrInvalid):
		return "leads outside the project's folder; give a path inside it, like \"scripts/launch.md\""
	}
	// os.Root refuses a link out of the folder with "path escapes from parent".
	if strings.Contains(err.Error(), "escapes") {
		return "leads outside the project's folder (through a link); give a path inside it"
	}
	return "cannot be read from the project's folder"
}

// looksLikeScriptFile tells a script file from a script feature's id in
// script = "...": ids are lower-case letters, digits, '-', '_' and '.', so a
// '/' or any other character is a path; so is a name ending in a text file's
// extension. The caller first tries the card's features: an id always wins.
func looksLikeScriptFile(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return true
		}
	}
	for _, ext := range []string{".md", ".txt", ".markdown", ".text", ".fountain"} {
		if strings.HasSuffix(s, ext) {
			return true
		}
	}
	return false
}

// scriptRef is a video's script = "FILE", read after every video, with the
// key it came from.
type scriptRef struct {
	video int
	path  string // the problem path of the key: "videos[2].script"
}

// readScripts counts the words of every video's script file, each distinct
// file read once, and sets the videos' words. Every problem is reported at
// its video's key.
func readScripts(d *decoder, videos []Video, refs []scriptRef, s ProjectSources) {
	if len(refs) == 0 {
		return
	}
	type counted struct {
		words   int
		problem string
	}
	seen := make(map[string]counted)
	total := 0
	for _, r := range refs {
		v := &videos[r.video]
		if _, ok := s.known[v.ScriptFile]; !ok && s.Scripts == nil {
			d.addf(r.path, "a script file needs the project's folder, and this project was read without one (from standard input, or for a proposal, which carries the month alone): give script_words or length instead")
			continue
		}
		if n, ok := s.known[v.ScriptFile]; ok {
			v.ScriptWords = n
			continue
		}
		c, ok := seen[v.ScriptFile]
		if !ok {
			if total > MaxScriptFilesBytes {
				c.problem = "is one script file too many: a project's script files may hold at most 16 MiB in all"
			} else {
				src, problem := readScriptFile(s.Scripts, v.ScriptFile)
				total += len(src)
				c = counted{words: CountWords(src), problem: problem}
				if problem == "" && c.words == 0 {
					c.problem = "has no words; a script needs at least one"
				}
			}
			seen[v.ScriptFile] = c
		}
		if c.problem != "" {
			d.addf(r.path, "script file %q %s", v.ScriptFile, c.problem)
			continue
		}
		if c.words > MaxScriptWords {
			d.addf(r.path, "script file %q has %s words; at most %s (a longer script is no one video)", v.ScriptFile, Count(c.words), Count(MaxScriptWords))
			continue
		}
		v.ScriptWords = c.words
	}
}

// readWordsPerMinute reads the card's words_per_minute (0 when absent).
func readWordsPerMinute(t *table) int {
	return int(t.integer("words_per_minute", false, 0, MinWordsPerMinute, MaxWordsPerMinute))
}

// readLanguagePaces reads the card's words_per_minute_by_language, a table
// of language (a tag or an English name) to pace: each language once in any
// spelling, at most MaxLanguages of them. nil when the card has none.
func readLanguagePaces(t *table) map[string]int {
	sub := t.sub("words_per_minute_by_language", false)
	if sub == nil {
		return nil
	}
	if len(sub.m) > MaxLanguages {
		t.d.addf(t.keyPath("words_per_minute_by_language"), "too many languages (%d); at most %d", len(sub.m), MaxLanguages)
		return nil
	}
	out := make(map[string]int, len(sub.m))
	first := make(map[string]string, len(sub.m)) // canonical tag -> the spelling that gave it first
	for _, k := range sortedKeys(sub.m) {
		tag, err := parseLanguage(k, len(t.d.problems) < 100)
		if err != nil {
			t.d.addf(sub.keyPath(k), "%v", err)
			continue
		}
		if prev, repeat := first[tag]; repeat {
			t.d.addf(sub.keyPath(k), "language %q has a pace twice (as %q and %q); give it once", tag, prev, k)
			continue
		}
		first[tag] = k
		if wpm := int(sub.integer(k, false, 0, MinWordsPerMinute, MaxWordsPerMinute)); wpm > 0 {
			out[tag] = wpm
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// readScriptLanguage reads a video's script_language, which only a length
// from a script has: on a typed length it would be silently unused.
func readScriptLanguage(t *table, scripted bool) string {
	if _, isText := t.m["script_language"].(string); !isText {
		t.str("script_language", false) // says it must be a string
		return ""
	}
	raw := t.str("script_language", false)
	if !scripted {
		t.d.addf(t.keyPath("script_language"), "script_language applies to a length from a script (script_words or script)")
		return ""
	}
	tag, err := parseLanguage(raw, len(t.d.problems) < 100)
	if err != nil {
		t.d.addf(t.keyPath("script_language"), "%v", err)
		return ""
	}
	return tag
}

// readVoicePace reads a feature's words_per_minute, which only a voice has:
// a pace on an avatar or a resolution would be silently unused.
func readVoicePace(t *table, s Slot) int {
	if !t.given("words_per_minute") {
		return 0
	}
	if s != SlotVoice && s < NumSlots {
		t.d.addf(t.keyPath("words_per_minute"), "words_per_minute applies only to voice features (the pace a voice reads a script at), not to %s features", s.Key())
		return 0
	}
	return readWordsPerMinute(t)
}

// readScriptKeys reads a video's script_words or script = "FILE" and reports
// whether the video's length comes from a script (so length is not also
// required). A length beside a script, or both kinds of script, is an error:
// which one is meant would be a guess.
func readScriptKeys(card *RateCard, t *table, has uint32, v *Video) bool {
	words := has&bitScriptWords != 0
	if words {
		v.ScriptWords = int(t.integer("script_words", false, 0, 1, MaxScriptWords))
	}
	file := false
	// Most videos name no script: only those that do are looked up.
	if raw, ok := scriptValue(t, has); ok {
		if id, isText := raw.(string); isText {
			id = strings.TrimSpace(id)
			// Refused text (a control character) is reported as such, not as a file.
			if _, known := card.featureIndex[id]; !known && looksLikeScriptFile(id) && !t.d.refused[t.keyPath("script")] {
				v.ScriptFile, file = id, true
			}
		}
	}
	if words && file {
		t.d.addf(t.keyPath("script_words"), "give the script's words or its file (script = %q), not both", v.ScriptFile)
	}
	if (words || file) && has&bitLength != 0 {
		key := "script"
		if words {
			key = "script_words"
		}
		t.d.addf(t.keyPath("length"), "the length follows from the script (%s); give length or the script, not both", key)
	}
	if has&bitScriptLanguage != 0 {
		v.ScriptLanguage = readScriptLanguage(t, words || file)
	}
	return words || file
}

// scriptValue is the video's script value, looked up only when it has one.
func scriptValue(t *table, has uint32) (any, bool) {
	if has&slotKeyBit[SlotScript] == 0 {
		return nil, false
	}
	return t.get("script")
}

// checkScriptLength refuses a script too long for one video at its pace.
func checkScriptLength(card *RateCard, d *decoder, path string, v *Video) {
	if !v.FromScript() {
		return
	}
	wpm := card.ScriptPace(v)
	if sec := ScriptSeconds(v.ScriptWords, wpm); sec > MaxVideoSeconds {
		d.addf(path, "%s words at %d words a minute is %s, longer than any video (at most %s)",
			Count(v.ScriptWords), wpm, FormatLength(sec), FormatLength(MaxVideoSeconds))
	}
}

// readVideoScripts reads the videos' script files (in order, each once) and
// sets every script-measured video's length from its words.
func readVideoScripts(card *RateCard, d *decoder, videos []Video, s ProjectSources) {
	var refs []scriptRef
	for i := range videos {
		if videos[i].ScriptFile != "" {
			refs = append(refs, scriptRef{video: i, path: "videos[" + itoa(i) + "].script"})
		}
	}
	readScripts(d, videos, refs, s)
	for i := range videos {
		if v := &videos[i]; v.FromScript() {
			key := "script_words"
			if v.ScriptFile != "" {
				key = "script"
			}
			checkScriptLength(card, d, "videos["+itoa(i)+"]."+key, v)
			card.ApplyScript(v)
		}
	}
}

// knownScripts is the words of every script file the projects' videos name.
func knownScripts(ps ...*Project) ProjectSources {
	var known map[string]int
	for _, p := range ps {
		if p == nil {
			continue
		}
		for i := range p.Videos {
			if v := &p.Videos[i]; v.ScriptFile != "" {
				if known == nil {
					known = make(map[string]int)
				}
				known[v.ScriptFile] = v.ScriptWords
			}
		}
	}
	return ProjectSources{known: known}
}

// sameScriptAndDrafts compares what script.go and drafts.go add to a video.
func sameScriptAndDrafts(a, b *Video) bool {
	return a.ScriptWords == b.ScriptWords && a.ScriptFile == b.ScriptFile && a.ScriptLanguage == b.ScriptLanguage &&
		a.Drafts == b.Drafts && a.DraftResolution == b.DraftResolution
}

// writeLengthKeys writes a video's length as EncodeProject does: its script
// file, its script's words, or its length.
func writeLengthKeys(line func(key, value string), v *Video) {
	line(lengthKey(v))
	if v.ScriptLanguage != "" && v.FromScript() {
		line("script_language", tomlQuote(v.ScriptLanguage))
	}
}

// editScriptKeys records a change to a video's length, its script's words or
// its script file, keeping the file's other lines: a video measured by its
// script loses its length line and the other way round, the line that goes
// becoming the one that comes, so its comment stays.
func editScriptKeys(t *tableEditor, s, e *Video, card *RateCard) {
	key, text := lengthKey(e)
	was, _ := lengthKey(s)
	pick := e.Picks[SlotScript]
	pickKept := pick != "" && pick != card.Defaults[SlotScript]
	defer editScriptLanguage(t, s, e)
	if was == key {
		if s.ScriptFile != e.ScriptFile || s.ScriptWords != e.ScriptWords && e.ScriptFile == "" || s.Seconds != e.Seconds && !e.FromScript() {
			t.set(key, text)
		}
		return
	}
	switch {
	case was == "script" && pickKept:
		// The key goes back to naming the script feature.
		t.set("script", tomlQuote(pick))
		t.set(key, text)
	case key == "script" && t.find("script") != nil:
		// The key named a script feature: it names the file now.
		t.set("script", text)
		t.remove(was)
	case !t.replaceKey(was, key, text):
		t.set(key, text)
	}
}

// editScriptLanguage records a change to a video's script language; a video
// whose length is typed has none.
func editScriptLanguage(t *tableEditor, s, e *Video) {
	switch {
	case e.ScriptLanguage == "" || !e.FromScript():
		t.remove("script_language")
	case s.ScriptLanguage != e.ScriptLanguage:
		t.set("script_language", tomlQuote(e.ScriptLanguage))
	}
}

// lengthKey is the key and value a video's length is written with.
func lengthKey(v *Video) (key, text string) {
	switch {
	case v.ScriptFile != "":
		return "script", tomlQuote(v.ScriptFile)
	case v.ScriptWords > 0:
		return "script_words", strconv.Itoa(v.ScriptWords)
	}
	return "length", lengthValue(v.Seconds)
}

// replaceKey turns the line of key old into key = text, keeping its
// indentation and its trailing comment (in its column when there is room);
// false when the table has no old key.
func (t *tableEditor) replaceKey(old, key, text string) bool {
	e := t.find(old)
	if e == nil {
		return false
	}
	src := t.d.src
	text = key + " = " + text
	end := e.valEnd
	if e.commentAt > e.valEnd && !strings.ContainsAny(string(src[e.keyStart:e.commentAt]), "\n\t") {
		room := utf8.RuneCount(src[e.keyStart:e.commentAt])
		text += strings.Repeat(" ", max(1, room-utf8.RuneCountInString(text)))
		end = e.commentAt
	}
	*t.edits = append(*t.edits, srcEdit{e.keyStart, end, text})
	return true
}

// ScriptLength is what a video's script says of its length, and what the
// billing increments then make of it.
type ScriptLength struct {
	// Words read at WPM words a minute take Seconds (ScriptSeconds). File is
	// the script file they were counted in, "" for script_words.
	Words, WPM, Seconds int
	File                string
	// Language is the script's language when its pace set WPM, else "".
	Language string
	// Billed is the length the video's premium time charges bill: the
	// longest of their roundings up to an increment; 0 when none charges by
	// time. Increment is that charge's increment.
	Billed, Increment int
	// TrimWords is how many words fewer would bill less time, and TrimSaves
	// what that saves over every copy; both 0 when no trim saves anything.
	TrimWords int
	TrimSaves Credits
}

// ScriptLength reports the length a video's script gives it and the saving
// in trimming it, or false for a video with a length of its own. The trim is
// to one increment less of the charge that bills the longest (the one
// Rounding names): at 150 wpm, 420 words are 2m48s, billed as 3m in 30 s increments;
// 2m30s holds 150 × 150 / 60 = 375 words, so trimming 45 words bills 2m30s.
func (c *RateCard) ScriptLength(v *Video) (ScriptLength, bool) {
	if !v.FromScript() {
		return ScriptLength{}, false
	}
	s := ScriptLength{Words: v.ScriptWords, Seconds: v.Seconds, File: v.ScriptFile}
	var byLanguage bool
	if s.WPM, byLanguage = c.scriptPace(v); byLanguage {
		s.Language = v.ScriptLanguage
	}
	for _, l := range c.Lines(v) {
		f := l.Feature
		if !f.Premium || !f.Unit.IsTime() || l.Credits == 0 {
			continue
		}
		inc := max(f.IncrementSeconds, 1)
		if l.BilledSeconds > s.Billed || l.BilledSeconds == s.Billed && inc > s.Increment {
			s.Billed, s.Increment = l.BilledSeconds, inc
		}
	}
	target := s.Billed - s.Increment
	if target <= 0 || v.Count <= 0 {
		return s, true
	}
	keep := wordsWithin(target, s.WPM)
	if keep <= 0 || keep >= s.Words {
		return s, true
	}
	w := *v
	w.Seconds = ScriptSeconds(keep, s.WPM)
	saves := times(minus(c.VideoCredits(v), c.VideoCredits(&w)), int64(v.Count))
	if saves > 0 {
		s.TrimWords, s.TrimSaves = s.Words-keep, saves
	}
	return s, true
}

// Reading is the length as the script gives it: "420 words ≈ 2m48s at 150
// wpm", with the file's name after the words when there is one, and the
// language when its pace was used ("at 140 wpm for es").
func (s ScriptLength) Reading() string {
	out := Plural(s.Words, "word")
	if s.File != "" {
		out += " (" + s.File + ")"
	}
	return out + " ≈ " + FormatLength(s.Seconds) + " at " + paceText(s.WPM, s.Language)
}

// Rounding is what billing makes of the length: "2m48s is billed as 3m;
// trimming 45 words saves 10 premium credits". "" when nothing charges by time.
func (s ScriptLength) Rounding(c *RateCard) string {
	if s.Billed == 0 {
		return ""
	}
	out := FormatLength(s.Seconds) + " is billed as " + FormatLength(s.Billed)
	if s.Billed == s.Seconds {
		out = FormatLength(s.Seconds) + " is billed as it is"
	}
	if s.Increment > 1 {
		out += " (" + FormatLength(s.Increment) + " increments)"
	}
	if s.TrimWords > 0 {
		out += "; trimming " + Plural(s.TrimWords, "word") + " saves " + c.CreditWord(s.TrimSaves)
	}
	return out
}
