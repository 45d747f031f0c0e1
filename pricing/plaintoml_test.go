package pricing

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// plainTOMLCases are texts at the edges of the plain shape: each either
// decodes to BurntSushi's tree or is left to BurntSushi.
var plainTOMLCases = []string{
	"",
	"\n\n",
	"# only a comment",
	"a = 1",
	"a = 1\r\n",
	"a = 1\r",
	"a = 1\rb = 2",
	"a = -0\nb = 0\nc = -12\nd = 9223372036854775807\ne = -9223372036854775808",
	"a = 9223372036854775808",
	"a = 01",
	"a = -01",
	"a = 1_000",
	"a = +1",
	"a = 0x1f",
	"a = 1e3",
	"a = 2.5\nb = -0.0\nc = 0.1\nd = 10.25",
	"a = 2.\n",
	"a = .5",
	"a = 00.5",
	"a = 1.5.3",
	"a = 1979-05-27",
	"a = 07:32:00",
	"a = inf",
	"a = nan",
	"a = true\nb = false",
	"a = truee",
	"a = tru",
	`a = ""`,
	`a = "x" "y"`,
	`a = """x"""`,
	`a = ''`,
	`a = '''x'''`,
	`a = 'C:\path'`,
	`a = "C:\path"`,
	`a = "tab	inside"`,
	"a = \"nul\x00\"",
	"a = \"del\x7f\"",
	"a = \"bell\x07\"",
	"a = \"bad\xff\"",
	"a = \"Café ünïcode ☃ 😀\"",
	"a = \"\u202e\"",
	"a = \"unterminated",
	"a = 'unterminated",
	"a = \"line\nbreak\"",
	"# comment with ünïcode ☃\na = 1 # trailing\tcomment",
	"# bad \x01 comment",
	"# bad \xff comment",
	"a = 1 # comment\r\n[[v]] # c\r\nb = 2\r\n",
	"a = 1\na = 2",
	"a = 1\nA = 2",
	"a=1\nb\t=\t2  \n\t c = 3",
	"a =",
	"= 1",
	"a 1",
	"a = 1 2",
	"a.b = 1",
	`"a" = 1`,
	"'a' = 1",
	"a = {b = 1}",
	"a = []\nb = [ ]\nc = [1, 2, 3]\nd = [\"es\", 'de', ]\ne = [1, \"x\", true, 2.5]",
	"a = [,]",
	"a = [1,,2]",
	"a = [1 2]",
	"a = [[1], [2]]",
	"a = [\n1]",
	"a = [1, # c\n]",
	"a = [1",
	"[t]\na = 1\n[u]\nb = 2",
	"[t]\n[t]",
	"[t]\na = 1\n[[t]]",
	"[[t]]\n[t]",
	"t = 1\n[t]",
	"t = 1\n[[t]]",
	"t = [1]\n[[t]]",
	"[[v]]\n[[v]]\na = 1\n[[v]]\nb = 'x'",
	"[[v]]\na = 1\na = 2",
	"[ t ]",
	"[[ t ]]",
	"[t.u]",
	"[\"t\"]",
	"[[t]",
	"[t]]",
	"[[t]]]",
	"[]",
	"[[]]",
	"[t] # c\na = 1",
	"[t] x",
	"\xef\xbb\xbfa = 1",
	"a = 1\n\x00",
	"plan = \"business\"\n[customer]\nname = \"Ada\"\n[[videos]]\nname = \"V\"\nlength = 2.5\ncount = 3\nlanguages = [\"es\", \"de\"]\n",
	"[[videos]]\nname = \"V\"\n[customer]\nname = 'x'\n[[videos]]\nname = \"W\"",
	"1234 = 1\n-_- = 2",
}

// checkPlainTOML holds decodePlainTOML to BurntSushi/toml on src: when it
// decodes src, BurntSushi decodes it to the same tree.
func checkPlainTOML(t *testing.T, src string) (decoded bool) {
	t.Helper()
	got, ok := decodePlainTOML(src)
	if !ok {
		return false
	}
	var want map[string]any
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("plain decoder took %q, BurntSushi refuses it: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("trees differ for %q:\n plain %#v\n toml  %#v", src, got, want)
	}
	return true
}

// TestPlainTOMLAgreesWithBurntSushi: the plain decoder gives BurntSushi's tree
// for every edge case it takes, for the shipped card, every example and test
// project it takes, and for the generated months; and it takes the months
// and examples, so the fast path is the one a month goes through.
func TestPlainTOMLAgreesWithBurntSushi(t *testing.T) {
	for _, src := range plainTOMLCases {
		checkPlainTOML(t, src)
	}
	for _, n := range []int{0, 1, 100} {
		if !checkPlainTOML(t, string(genMonth(n))) {
			t.Errorf("the generated month of %d videos is not plain", n)
		}
	}
	files, _ := filepath.Glob("../examples/*.toml")
	more, _ := filepath.Glob("testdata/*.toml")
	files = append(append(files, more...), "../plans.toml")
	plain := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if checkPlainTOML(t, string(src)) {
			plain++
		} else if strings.HasPrefix(f, "../examples/") && strings.HasSuffix(f, "-month.toml") {
			t.Errorf("%s is not plain: the fast path misses a shipped month", f)
		}
	}
	t.Logf("%d of %d files plain", plain, len(files))
}

// FuzzPlainTOML holds the plain decoder to BurntSushi/toml on any text.
func FuzzPlainTOML(f *testing.F) {
	for _, src := range plainTOMLCases {
		f.Add(src)
	}
	f.Add(string(genMonth(3)))
	f.Fuzz(func(t *testing.T, src string) {
		checkPlainTOML(t, src)
	})
}
