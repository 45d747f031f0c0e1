package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"creditplan/pricing"
	"creditplan/ui"
)

// The documentation's sample sessions are the real binary's: every fenced
// block in README.md and docs/*.md whose first line is "$ creditplan ..." is
// run from the repository's root, and its output must be what the block shows.
//
//	$ creditplan check plans.toml     a command (quotes group words, as in sh)
//	ok  plans.toml (...)              its output, stdout then stderr
//	...                               any number of lines (at most one a command)
//	[exit 2]                          its exit code, when not 0
//
// go test -run TestDocsSessions -update rewrites the outputs that no longer
// match, keeping as many lines before the first "..." and after the last as
// the block showed (a block of "..." alone is filled in full); read the diff
// before committing.
func TestDocsSessions(t *testing.T) {
	sessions := 0
	for _, file := range docFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		var out []string
		for i := 0; i < len(lines); i++ {
			out = append(out, lines[i])
			if !strings.HasPrefix(lines[i], "```") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "$ creditplan") {
				continue
			}
			end := i + 1
			for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
				end++
			}
			for _, c := range parseSession(lines[i+1 : end]) {
				sessions++
				got, code := runDocCommand(t, c.args)
				where := fmt.Sprintf("%s:%d: $ %s", file, i+2+c.line, strings.Join(c.args, " "))
				ok := code == c.exit && matchLines(c.want, got)
				if updating() && !ok {
					out = append(out, c.updated(got, code)...)
					continue
				}
				out = append(out, c.raw...)
				if updating() {
					continue
				}
				if code != c.exit {
					t.Errorf("%s\nexits %d; the doc says %d", where, code, c.exit)
				}
				if !matchLines(c.want, got) {
					t.Errorf("%s\nthe doc shows:\n%s\nthe binary prints:\n%s", where, strings.Join(c.want, "\n"), strings.Join(got, "\n"))
				}
			}
			i = end - 1
		}
		if updating() {
			if res := strings.Join(out, "\n"); res != string(src) {
				if err := os.WriteFile(file, []byte(res), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if sessions == 0 {
		t.Fatal("no sample sessions found in the docs")
	}
}

// docFiles are the pages these tests keep honest: the README and docs/*.md,
// except docs/performance.md, whose commands are measurements of other tools
// (hyperfine, ptybench) and whose figures vary from machine to machine.
func docFiles(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"README.md"}
	for _, p := range pages {
		if filepath.Base(p) != "performance.md" {
			files = append(files, p)
		}
	}
	return files
}

// docCommand is one "$ creditplan ..." of a sample session and what follows it.
type docCommand struct {
	line int      // of the command, within the block
	args []string // after "creditplan"
	want []string // the output shown ("..." for any lines)
	exit int
	raw  []string // the block's lines for this command, as written
}

func parseSession(lines []string) []docCommand {
	var cmds []docCommand
	for i, l := range lines {
		if strings.HasPrefix(l, "$ ") {
			args, err := splitWords(strings.TrimPrefix(l, "$ creditplan"))
			if err != nil {
				args = []string{"<" + err.Error() + ">"}
			}
			cmds = append(cmds, docCommand{line: i, args: args})
		}
		if len(cmds) == 0 {
			continue
		}
		c := &cmds[len(cmds)-1]
		c.raw = append(c.raw, l)
		if i == c.line {
			continue
		}
		if m := exitLine.FindStringSubmatch(l); m != nil {
			c.exit, _ = strconv.Atoi(m[1])
			continue
		}
		c.want = append(c.want, l)
	}
	return cmds
}

var exitLine = regexp.MustCompile(`^\[exit (\d+)\]$`)

// updated is the command's block lines rewritten from the binary's output.
func (c docCommand) updated(got []string, code int) []string {
	out := []string{c.raw[0]}
	last := -1
	for i, l := range c.want {
		if l == "..." {
			last = i
		}
	}
	if at := slices.Index(c.want, "..."); at >= 0 && len(c.want) > 1 && len(got) > len(c.want)-1 {
		tail := len(c.want) - last - 1
		out = append(out, got[:at]...)
		out = append(out, "...")
		out = append(out, got[len(got)-tail:]...)
	} else {
		out = append(out, got...)
	}
	if code != 0 {
		out = append(out, fmt.Sprintf("[exit %d]", code))
	}
	return out
}

// runDocCommand runs the real binary as the docs show it, at the default width.
func runDocCommand(t *testing.T, args []string) ([]string, int) {
	t.Helper()
	var expanded []string
	for _, a := range args {
		if strings.ContainsAny(a, "*?[") {
			if m, _ := filepath.Glob(a); len(m) > 0 {
				expanded = append(expanded, m...)
				continue
			}
		}
		expanded = append(expanded, a)
	}
	cmd := exec.Command(binary, expanded...)
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "COLUMNS=") && !strings.HasPrefix(e, "NO_COLOR=") {
			env = append(env, e)
		}
	}
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("creditplan %v: %v", args, err)
		}
		code = exit.ExitCode()
	}
	text := strings.TrimRight(stdout.String()+stderr.String(), "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines, code
}

// matchLines reports whether got is want, where a "..." line in want stands
// for any number of lines; trailing blanks on a line and blank last lines do
// not count.
func matchLines(want, got []string) bool {
	for len(want) > 0 && strings.TrimSpace(want[len(want)-1]) == "" {
		want = want[:len(want)-1]
	}
	if len(want) == 0 {
		return len(got) == 0 || (len(got) == 1 && got[0] == "")
	}
	if want[0] == "..." {
		for skip := 0; skip <= len(got); skip++ {
			if matchLines(want[1:], got[skip:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && strings.TrimRight(want[0], " ") == got[0] && matchLines(want[1:], got[1:])
}

// splitWords splits a command line as sh would, for the quoting the docs use.
func splitWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errors.New("unclosed quote")
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// TestDocsNameRealFlags: every flag the README and docs/ name (`--rates`,
// `--format`...) is one the binary's help lists, so no page invents a flag.
func TestDocsNameRealFlags(t *testing.T) {
	var help strings.Builder
	for _, cmd := range [][]string{{"--help"}, {"quote", "-h"}, {"compare", "-h"}, {"fit", "-h"}, {"year", "-h"}, {"check", "-h"}, {"proposal", "-h"}, {"verify", "-h"}, {"serve", "-h"}} {
		out, _ := exec.Command(binary, cmd...).CombinedOutput()
		help.Write(out)
	}
	known := map[string]bool{"help": true} // -h and --help are the flag package's own
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z][a-z-]*)\b`).FindAllStringSubmatch(help.String(), -1) {
		known[m[1]] = true
	}
	for _, file := range docFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile("(?:`|\\s)--([a-z][a-z-]*)").FindAllStringSubmatch(string(src), -1) {
			if !known[m[1]] {
				t.Errorf("%s names --%s, which no command's help lists", file, m[1])
			}
		}
	}
}

// TestFormatsDocNamesEveryKey: every JSON key the commands write on the
// examples is named in docs/formats.md, and every CSV header is listed there
// column by column, so a new field cannot go undocumented.
func TestFormatsDocNamesEveryKey(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("docs", "formats.md"))
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(doc)), "") // a list may wrap anywhere
	named := map[string]bool{}
	for _, w := range regexp.MustCompile(`[a-z][a-z0-9_]*`).FindAllString(string(doc), -1) {
		named[w] = true
	}
	runs := [][]string{
		{"quote", "examples/creator-month.toml"},
		{"compare", "examples/sales-demo.toml"},
		{"fit", "examples/creator-month.toml"},
		{"fit", "--balance", "150", "examples/agency-month.toml"},
		{"year", "examples/seasonal-creator.toml"},
		{"compare", "--rates", "docs/examples/vendors-minutes.toml", "--rates", "docs/examples/vendors-videos.toml", "--fx", "docs/examples/vendors-rates.toml", "docs/examples/vendors-month.toml"},
	}
	for _, run := range runs {
		out, err := exec.Command(binary, append([]string{run[0], "--format", "json"}, run[1:]...)...).Output()
		if err != nil {
			t.Fatalf("creditplan %v --format json: %v", run, err)
		}
		var doc any
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range jsonKeys(doc, nil) {
			if !named[k] {
				t.Errorf("creditplan %s --format json writes %q; docs/formats.md does not name it", run[0], k)
			}
		}
		out, err = exec.Command(binary, append([]string{run[0], "--format", "csv"}, run[1:]...)...).Output()
		if err != nil {
			t.Fatalf("creditplan %v --format csv: %v", run, err)
		}
		header, _, _ := strings.Cut(string(out), "\n")
		header = strings.TrimSpace(header)
		// The doc lists each header in order, card,as_of included or said once for all.
		if !strings.Contains(flat, header) && !strings.Contains(flat, strings.TrimSuffix(header, ",card,as_of")) &&
			!strings.Contains(flat, strings.TrimSuffix(header, ",customer,prepared_on,valid_until,custom_pricing,estimates,rates_as_of,scheduled_changes,failed_renders,card,as_of")) {
			t.Errorf("creditplan %s --format csv writes the header\n%s\nwhich docs/formats.md does not list", run[0], header)
		}
	}
}

// jsonKeys is every object key in v, at any depth.
func jsonKeys(v any, keys []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys = append(keys, k)
			keys = jsonKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			keys = jsonKeys(x, keys)
		}
	}
	return keys
}

// TestDocsLinksResolve: every relative link of the README and docs/ reaches a
// file of the tree, and a #fragment a heading of that page.
func TestDocsLinksResolve(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, file := range docFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(src), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, frag, _ := strings.Cut(target, "#")
			page := file
			if path != "" {
				page = filepath.Join(filepath.Dir(file), path)
				if _, err := os.Stat(page); err != nil {
					t.Errorf("%s links to %s, which does not exist", file, target)
					continue
				}
			}
			if frag != "" && !slices.Contains(headingAnchors(t, page), frag) {
				t.Errorf("%s links to %s, but %s has no heading #%s", file, target, page, frag)
			}
		}
	}
}

// headingAnchors are the #fragments GitHub gives a Markdown page's headings.
func headingAnchors(t *testing.T, page string) []string {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var anchors []string
	inCode := false
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(l, "#") {
			continue
		}
		h := strings.ToLower(strings.TrimSpace(strings.TrimLeft(l, "#")))
		var b strings.Builder
		for _, r := range h {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
				b.WriteRune(r)
			}
		}
		anchors = append(anchors, b.String())
	}
	return anchors
}

// TestPlannerDocNamesEveryKey: every key the planner's KeyMap binds, on every
// screen and prompt, is named in docs/planner.md, so a new key cannot go
// undocumented.
func TestPlannerDocNamesEveryKey(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("docs", "planner.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile("(?s)```.*?```").ReplaceAllString(string(src), "")
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(text, -1) {
		named[m[1]] = true
	}
	if strings.Contains(text, "`0`–`9`") {
		for d := '0'; d <= '9'; d++ {
			named[string(d)] = true
		}
	}
	// How the page writes a key Bubble Tea names otherwise.
	written := map[string]string{
		"up": "↑", "down": "↓", "left": "←", "right": "→", "backspace": "⌫", "pgdown": "pgdn",
		"shift+up": "shift+↑", "shift+down": "shift+↓",
	}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if b, ok := v.Interface().(key.Binding); ok {
			for _, k := range b.Keys() {
				if k == "letters" || strings.Contains(k, " ") {
					// Help-only entries ("type into a text row", "mouse click"), not keys.
					continue
				}
				w := k
				if alt, ok := written[k]; ok {
					w = alt
				}
				if !named[w] && !named[strings.ToLower(w)] {
					t.Errorf("%s binds %q; docs/planner.md does not name it (as `%s`)", path, k, w)
				}
			}
			return
		}
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		}
	}
	walk("KeyMap", reflect.ValueOf(ui.DefaultKeyMap()))
}

// TestLimitsDocsMatchPricing: the input limits docs/project-file.md and
// docs/rate-card.md state are pricing's (sourcelimits.go, projectload.go).
func TestLimitsDocsMatchPricing(t *testing.T) {
	mib := func(n int) string { return fmt.Sprintf("%d MiB", n>>20) }
	for _, c := range []struct {
		page, row, want string
	}{
		{"project-file.md", "| file size |", mib(pricing.MaxProjectBytes)},
		{"project-file.md", "| values (", pricing.Count(pricing.MaxProjectValues)},
		{"project-file.md", "| videos (", pricing.Count(pricing.MaxVideos)},
		{"project-file.md", "| different key paths", pricing.Count(pricing.MaxDistinctKeys)},
		{"project-file.md", "| arrays and inline tables", pricing.Count(pricing.MaxNesting)},
		{"project-file.md", "| dotted parts", pricing.Count(pricing.MaxKeyParts)},
		{"project-file.md", "| bytes of one key", pricing.Count(pricing.MaxKeyBytes)},
		{"project-file.md", "`count` 0-", pricing.Count(pricing.MaxCount)},
		{"project-file.md", "`seats` 1-", pricing.Count(pricing.MaxSeats)},
		{"project-file.md", "`languages` at most", pricing.Count(pricing.MaxLanguages)},
		{"project-file.md", "`broll_clips` and `script_generations` 0-", pricing.Count(pricing.MaxClips)},
		{"project-file.md", "`script_generations` 0-", pricing.Count(pricing.MaxGenerations)},
		{"project-file.md", "`rerenders` 0-", pricing.Count(pricing.MaxRerenders)},
		{"rate-card.md", "| file size |", mib(pricing.MaxCardBytes)},
		{"rate-card.md", "| values (", pricing.Count(pricing.MaxCardValues)},
		{"rate-card.md", "| different key paths", pricing.Count(pricing.MaxDistinctKeys)},
		{"rate-card.md", "| arrays and inline tables", pricing.Count(pricing.MaxNesting)},
		{"rate-card.md", "| dotted parts", pricing.Count(pricing.MaxKeyParts)},
		{"rate-card.md", "| bytes of one key", pricing.Count(pricing.MaxKeyBytes)},
		{"../README.md", "A project file may be at most", mib(pricing.MaxProjectBytes)},
		{"../README.md", "and a month at most", pricing.Count(pricing.MaxVideos)},
		{"../README.md", "a rate card file may be at most", mib(pricing.MaxCardBytes)},
	} {
		src, err := os.ReadFile(filepath.Join("docs", c.page))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(src)), " ") // a sentence may wrap anywhere
		row := strings.Join(strings.Fields(c.row), " ")
		at := strings.Index(text, row)
		if at < 0 {
			t.Errorf("docs/%s has no %q", c.page, c.row)
			continue
		}
		line := text[at+len(row):]
		switch {
		case strings.HasSuffix(row, "|"): // the label is the whole cell: the value is the next
			line, _, _ = strings.Cut(line, " |")
		case strings.HasPrefix(row, "|"): // the label starts its cell
			cells := strings.Split(line, " |")
			line = cells[min(1, len(cells)-1)]
		default: // a sentence: up to the next clause
			line, _, _ = strings.Cut(line, ", ")
		}
		if !strings.Contains(line, c.want) {
			t.Errorf("docs/%s: %q says %q; pricing says %s", c.page, c.row, line, c.want)
		}
	}
}
