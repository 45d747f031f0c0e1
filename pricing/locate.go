package pricing

import (
	"strconv"
	"strings"
)

type position struct{ line, col int }

// locator maps key paths ("plans[1].credits") to where they stand in the source.
// BurntSushi/toml gives positions only for syntax errors, so after a successful
// decode we scan the text once, and only when there is a problem to place.
type locator struct {
	at map[string]position
}

func locate(src string) locator {
	l := locator{at: map[string]position{}}
	arrays := map[string]int{}
	cur := ""
	inMulti := ""
	lines := strings.Split(src, "\n")
	for n, raw := range lines {
		lineNo := n + 1
		if inMulti != "" {
			if strings.Count(raw, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(raw, " \t")
		indent := len(raw) - len(trimmed)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if strings.HasPrefix(trimmed, "[[") {
			segs := splitKey(headerBody(trimmed[2:], "]]"))
			cur = resolveHeader(segs, arrays, true)
			l.put(cur, lineNo, indent+3)
			// The array itself ("features", not "features[0]") is where its first
			// table starts: problems about the whole array (an unknown one) go there.
			if i := strings.LastIndexByte(cur, '['); i > 0 {
				l.put(cur[:i], lineNo, indent+3)
			}
			continue
		}
		if trimmed[0] == '[' {
			segs := splitKey(headerBody(trimmed[1:], "]"))
			cur = resolveHeader(segs, arrays, false)
			l.put(cur, lineNo, indent+2)
			continue
		}
		keyText, rest, ok := splitAssignment(trimmed)
		if !ok {
			continue
		}
		path := cur
		for _, s := range splitKey(keyText) {
			path = joinPath(path, s)
		}
		l.put(path, lineNo, indent+1)
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q)%2 == 1 {
				inMulti = q
			}
		}
	}
	return l
}

func (l locator) put(path string, line, col int) {
	if _, seen := l.at[path]; !seen {
		l.at[path] = position{line, col}
	}
}

// find returns the position of path, or of its nearest ancestor that was found.
func (l locator) find(path string) position {
	for {
		if p, ok := l.at[path]; ok {
			return p
		}
		if path == "" {
			return position{1, 1}
		}
		dot := strings.LastIndexByte(path, '.')
		br := strings.LastIndexByte(path, '[')
		cut := max(dot, br)
		if cut < 0 {
			path = ""
		} else {
			path = path[:cut]
		}
	}
}

func headerBody(s, closing string) string {
	if i := strings.Index(s, closing); i >= 0 {
		return s[:i]
	}
	return s
}

func resolveHeader(segs []string, arrays map[string]int, isArray bool) string {
	cur := ""
	for i, s := range segs {
		base := joinPath(cur, s)
		if i == len(segs)-1 && isArray {
			idx, seen := arrays[base]
			if !seen {
				idx = -1
			}
			idx++
			arrays[base] = idx
			return base + "[" + strconv.Itoa(idx) + "]"
		}
		if idx, ok := arrays[base]; ok {
			cur = base + "[" + strconv.Itoa(idx) + "]"
		} else {
			cur = base
		}
	}
	return cur
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// splitAssignment splits `key = value`, honouring quoted keys.
func splitAssignment(s string) (key, value string, ok bool) {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"' || c == '\'':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return "", "", false
			}
			i += end + 2
		case c == '=':
			return strings.TrimSpace(s[:i]), s[i+1:], i > 0
		case c == '.' || c == ' ' || c == '\t' || c == '-' || c == '_' ||
			(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'):
			i++
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// splitKey splits a dotted TOML key into its parts, unquoting quoted parts.
func splitKey(k string) []string {
	var parts []string
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch c {
		case '"', '\'':
			end := strings.IndexByte(k[i+1:], c)
			if end < 0 {
				b.WriteString(k[i+1:])
				i = len(k)
				continue
			}
			b.WriteString(k[i+1 : i+1+end])
			i += end + 1
		case '.':
			parts = append(parts, strings.TrimSpace(b.String()))
			b.Reset()
		case ' ', '\t':
		default:
			b.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(b.String()))
}

// formatFloatShortest writes a float as the shortest decimal that reads back to it,
// never in exponent form, so "0.1" in a file becomes exactly "0.1".
func formatFloatShortest(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
