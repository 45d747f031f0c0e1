package pricing

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// decodeTOML parses src into a generic tree; a syntax error is the one problem
// returned. The text must first pass the source limits of its kind, so the
// decoder never starts on input whose work is unbounded.
func decodeTOML(file string, src []byte, kind sourceKind) (map[string]any, error) {
	if ps := checkSource(file, src, kind); ps != nil {
		return nil, ps
	}
	var tree map[string]any
	// What toml.Decode does with a string, without first copying src into one:
	// the decoder reads the text into a buffer of its own either way.
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&tree); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := inFile(src, pe.Position.Line, pe.Position.Col)
			return nil, Problems{{File: file, Line: line, Col: col, Msg: "TOML syntax: " + pe.Message}}
		}
		return nil, Problems{{File: file, Line: 1, Col: 1, Msg: "TOML: " + err.Error()}}
	}
	collectAfter(src)
	return tree, nil
}

// inFile brings a position the TOML parser gives into the file: a line it
// has, a column on that line or just past its end (an error at the end of the
// file is reported past its last character, never beyond).
func inFile(src []byte, line, col int) (int, int) {
	lines := 1 + bytes.Count(src, []byte("\n"))
	line = min(max(line, 1), lines)
	start := 0
	for range line - 1 {
		start += bytes.IndexByte(src[start:], '\n') + 1
	}
	length := bytes.IndexByte(src[start:], '\n')
	if length < 0 {
		length = len(src) - start
	}
	return line, min(max(col, 1), length+1)
}

// table reads the keys of one TOML table. Its key path ("videos[12]") is
// built only when a problem needs it: a 10,000-video month would otherwise
// format 10,000 paths that are never printed.
type table struct {
	d *decoder
	m map[string]any
	// parent is the table this one sits in (nil for the root); key is its key
	// there, and index its place in an array of tables ([[key]]), or -1.
	parent *table
	key    string
	index  int
	// missing lists the required keys this table lacks, each with the index of
	// its problem, so finish can drop it when an unknown key is its misspelling.
	missing []missingKey
}

type missingKey struct {
	key     string
	problem int
}

// missingf reports that the table lacks the required key.
func (t *table) missingf(key, format string, args ...any) {
	n := len(t.d.problems)
	t.d.addf(t.path(), format, args...)
	if len(t.d.problems) > n {
		t.missing = append(t.missing, missingKey{key, n})
	}
}

func (d *decoder) table(m map[string]any) *table {
	return &table{d: d, m: m, index: -1}
}

// path is the table's key path: "" for the root, "card", "plans[1].topups[0]".
func (t *table) path() string {
	if t.parent == nil {
		return ""
	}
	p := t.parent.keyPath(t.key)
	if t.index >= 0 {
		p += "[" + strconv.Itoa(t.index) + "]"
	}
	return p
}

func (t *table) keyPath(key string) string {
	if p := t.path(); p != "" {
		return p + "." + key
	}
	return key
}

func (t *table) get(key string) (any, bool) {
	v, ok := t.m[key]
	return v, ok
}

// finish reports every key that is not one of the valid keys, naming them, so
// a typo is never silently ignored. It looks each present key up in the short
// valid list rather than remembering which keys were read: that took a map
// per table, 10,000 of them for a 10,000-video month.
func (t *table) finish(valid []string) {
	var unknown []string
	for k := range t.m {
		if !contains(valid, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		hint := ""
		if s := Closest(k, valid); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
			// "missing required key" beside its misspelling says the same thing twice.
			for _, m := range t.missing {
				if m.key == s {
					t.d.problems[m.problem].dropped = true
				}
			}
		}
		t.d.addf(t.keyPath(k), "unknown key%s; valid keys here: %s", hint, strings.Join(valid, ", "))
	}
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	default:
		return "a date"
	}
}

func (t *table) str(key string, required bool) string {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.missingf(key, "missing required key %q", key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.d.addf(t.keyPath(key), "must be a string, not %s", typeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.d.addf(t.keyPath(key), "must not be empty")
	}
	return s
}

// optionalText reads an optional string whose absence means something (no
// limit, the default): written but blank, it is a problem saying how to get
// that meaning, never silently the same as leaving the key out.
func (t *table) optionalText(key, absentMeans string) (string, bool) {
	if _, ok := t.get(key); !ok {
		return "", false
	}
	s := t.str(key, false)
	if strings.TrimSpace(s) == "" {
		if _, isText := t.m[key].(string); isText {
			t.d.addf(t.keyPath(key), "must not be empty; leave %s out %s", key, absentMeans)
		}
		return "", false
	}
	return s, true
}

func (t *table) boolean(key string) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.d.addf(t.keyPath(key), "must be true or false, not %s", typeName(v))
	}
	return b
}

// integer reads a whole number in [lo, hi]; def is used when the key is absent.
func (t *table) integer(key string, required bool, def, lo, hi int64) int64 {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.missingf(key, "missing required key %q", key)
		}
		return def
	}
	n, ok := v.(int64)
	if !ok {
		if f, isFloat := v.(float64); isFloat && f == float64(int64(f)) {
			t.d.addf(t.keyPath(key), "must be a whole number, not %v (write it without a decimal point)", f)
		} else {
			t.d.addf(t.keyPath(key), "must be a whole number, not %s", typeName(v))
		}
		return def
	}
	if n < lo || n > hi {
		if n < 0 && lo >= 0 {
			t.d.addf(t.keyPath(key), "must not be negative (got %d)", n)
		} else {
			t.d.addf(t.keyPath(key), "must be between %d and %d (got %d)", lo, hi, n)
		}
		return def
	}
	return n
}

// decimal reads a non-negative fixed-point number with at most `allowed` decimals,
// scaled by 10^scale. A TOML float is turned into its shortest decimal text first,
// so 0.1 is read as exactly one tenth; no float arithmetic touches the value.
func (t *table) decimal(key string, required bool, scale, allowed int, what string) (int64, bool) {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.missingf(key, "missing required key %q", key)
		}
		return 0, false
	}
	return t.d.decimalValue(t.keyPath(key), v, scale, allowed, what)
}

func (d *decoder) decimalValue(path string, v any, scale, allowed int, what string) (int64, bool) {
	var text string
	switch n := v.(type) {
	case int64:
		if n < 0 {
			d.addf(path, "must not be negative (got %d)", n)
			return 0, false
		}
		text = formatFixed(n, 0, false)
	case float64:
		if n != n || n > 1e15 || n < -1e15 {
			d.addf(path, "must be a finite number, not %v", n)
			return 0, false
		}
		if n < 0 {
			d.addf(path, "must not be negative (got %v)", n)
			return 0, false
		}
		text = formatFloatShortest(n)
	default:
		d.addf(path, "must be a number, not %s", typeName(v))
		return 0, false
	}
	val, decimals, err := parseDecimal(text, scale)
	if err != nil {
		d.addf(path, "%v", err)
		return 0, false
	}
	if decimals > allowed {
		d.addf(path, "%s has %s; this card allows %s", text, decimalCount(decimals), decimalCount(allowed))
		return 0, false
	}
	return val, true
}

// decimalCount words a number of decimals: "no decimals", "1 decimal", "2 decimals".
func decimalCount(n int) string {
	switch n {
	case 0:
		return "no decimals"
	case 1:
		return "1 decimal"
	}
	return strconv.Itoa(n) + " decimals"
}

func (t *table) credits(key string, required bool, precision int) (Credits, bool) {
	v, ok := t.decimal(key, required, 3, precision, "credits")
	return Credits(v), ok
}

func (t *table) money(key string, required bool) (Money, bool) {
	v, ok := t.decimal(key, required, 4, 4, "price")
	return Money(v), ok
}

func (t *table) strings(key string) []string {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.d.addf(t.keyPath(key), "must be an array of strings, not %s", typeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.d.addf(fmt.Sprintf("%s[%d]", t.keyPath(key), i), "must be a string, not %s", typeName(e))
			continue
		}
		out = append(out, s)
	}
	return out
}

// tables reads an array of tables ([[key]]).
// It returns the tables in one slice, not one allocation each.
func (t *table) tables(key string) []table {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	elem := func(i int, m map[string]any) table {
		return table{d: t.d, m: m, parent: t, key: key, index: i}
	}
	switch a := v.(type) {
	case []map[string]any:
		out := make([]table, len(a))
		for i, m := range a {
			out[i] = elem(i, m)
		}
		return out
	case []any:
		out := make([]table, 0, len(a))
		for i, e := range a {
			m, ok := e.(map[string]any)
			if !ok {
				t.d.addf(t.keyPath(key)+"["+strconv.Itoa(i)+"]", "must be a table, not %s", typeName(e))
				continue
			}
			out = append(out, elem(i, m))
		}
		return out
	}
	t.d.addf(t.keyPath(key), "must be an array of tables ([[%s]]), not %s", key, typeName(v))
	return nil
}

// sub reads a nested table ([key]).
func (t *table) sub(key string, required bool) *table {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.missingf(key, "missing required table [%s]", t.keyPath(key))
		}
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.d.addf(t.keyPath(key), "must be a table, not %s", typeName(v))
		return nil
	}
	return &table{d: t.d, m: m, parent: t, key: key, index: -1}
}

// oneOf checks s against the valid choices and reports them all when it is not one.
func (d *decoder) oneOf(path, what, s string, valid []string) bool {
	for _, v := range valid {
		if v == s {
			return true
		}
	}
	hint := ""
	if c := Closest(s, valid); c != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", c)
	}
	d.addf(path, "unknown %s %q%s; %s", what, s, hint, choices(what, valid))
	return false
}

// choices lists what may be chosen: "choose one of: a, b", or, when there is
// nothing, says so ("this card has no translation features") rather than
// ending the sentence on nothing.
func choices(what string, valid []string) string {
	if len(valid) == 0 {
		return "this card has no " + what + "s"
	}
	return "choose one of: " + strings.Join(valid, ", ")
}

// given reports whether the table has the key at all, readable or not.
func (t *table) given(key string) bool {
	_, ok := t.m[key]
	return ok
}
