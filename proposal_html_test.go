package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML proposal's structure, read back with an HTML5 parser (as a
// browser reads it): self-contained, no script, every table with header
// cells and a caption, the closing line last, names escaped.

// hostileProposal is the sales example's proposal on a card whose Creator
// plan is named with markup, for a month whose first video is too.
func hostileProposal(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	card, err := os.ReadFile("plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	card = bytes.Replace(card, []byte(`name = "Creator"`), []byte(`name = "<script>alert(1)</script> Creator & <b>co</b>"`), 1)
	project, err := os.ReadFile("examples/sales-demo.toml")
	if err != nil {
		t.Fatal(err)
	}
	project = bytes.Replace(project, []byte(`name = "Product walkthrough"`), []byte(`name = "<img src=x onerror=alert(1)> walkthrough"`), 1)
	cardPath, projectPath := filepath.Join(dir, "card.toml"), filepath.Join(dir, "month.toml")
	os.WriteFile(cardPath, card, 0o644)
	os.WriteFile(projectPath, project, 0o644)
	// The example's negotiated pricing, beside it as it names it.
	copyFile(t, "examples/acme-pricing.toml", filepath.Join(dir, "acme-pricing.toml"))
	out, errs, code := runProposalApp(t, "proposal", "--rates", cardPath, projectPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	return []byte(out)
}

func TestProposalHTMLStructure(t *testing.T) {
	example, _, code := runProposalApp(t, "proposal", "examples/sales-demo.toml")
	if code != 0 {
		t.Fatal("the example's proposal failed")
	}
	for name, doc := range map[string][]byte{"example": []byte(example), "hostile": hostileProposal(t)} {
		t.Run(name, func(t *testing.T) {
			root, err := html.Parse(bytes.NewReader(doc))
			if err != nil {
				t.Fatal(err)
			}
			checkSelfContained(t, root)
			checkTables(t, root)
			checkClosingLast(t, root)
			if n := countElements(root, atom.Svg); n != 1 {
				t.Errorf("%d svg charts, want 1", n)
			}
			pre := findElement(root, func(n *html.Node) bool { return n.DataAtom == atom.Pre && hasAttr(n, "hidden") })
			if pre == nil || !strings.Contains(textOf(pre), "BEGIN CREDITPLAN PROPOSAL INPUTS") {
				t.Error("no <pre hidden> holds the embedded inputs")
			}
			style := textOf(findElement(root, func(n *html.Node) bool { return n.DataAtom == atom.Style }))
			for _, want := range []string{"@page", "size: 210mm 279mm", "@media print", "break-inside: avoid"} {
				if !strings.Contains(style, want) {
					t.Errorf("the stylesheet has no %q", want)
				}
			}
		})
	}
}

func TestProposalHTMLEscapesEveryName(t *testing.T) {
	doc := hostileProposal(t)
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []atom.Atom{atom.Script, atom.Img, atom.B} {
		if n := countElements(root, a); n > 0 {
			t.Errorf("a name became %d <%s> element(s)", n, a)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt; Creator &amp; &lt;b&gt;co&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt; walkthrough"} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("the name does not appear escaped as %q", want)
		}
	}
	// And the names are there, as text, for the reader.
	if !strings.Contains(textOf(root), "<script>alert(1)</script> Creator & <b>co</b>") {
		t.Error("the plan's name is not in the text")
	}
}

// checkSelfContained fails on a script, a remote or any src/href, a CSS
// url(), @import or web font, and an inline event handler.
func checkSelfContained(t *testing.T, root *html.Node) {
	t.Helper()
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if n.DataAtom == atom.Script || n.Data == "script" {
			t.Error("the proposal has a <script> element")
		}
		if n.DataAtom == atom.Link || n.DataAtom == atom.Iframe || n.DataAtom == atom.Object || n.DataAtom == atom.Embed {
			t.Errorf("the proposal has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "src" || a.Key == "href" || a.Key == "srcset" || a.Key == "xlink:href" || a.Key == "action":
				t.Errorf("<%s %s=%q>: a proposal refers to nothing outside itself", n.Data, a.Key, a.Val)
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("<%s %s=...>: an event handler", n.Data, a.Key)
			case a.Key == "style" && strings.Contains(strings.ToLower(a.Val), "url("):
				t.Errorf("<%s style=%q>: url()", n.Data, a.Val)
			}
		}
		if n.DataAtom == atom.Style {
			css := strings.ToLower(textOf(n))
			for _, bad := range []string{"url(", "@import", "@font-face", "http:", "https:"} {
				if strings.Contains(css, bad) {
					t.Errorf("the stylesheet has %q", bad)
				}
			}
		}
	})
}

// checkTables fails on a table without a caption or without header cells.
func checkTables(t *testing.T, root *html.Node) {
	t.Helper()
	tables := 0
	walk(root, func(n *html.Node) {
		if n.DataAtom != atom.Table {
			return
		}
		tables++
		if countElements(n, atom.Caption) != 1 {
			t.Errorf("table %d has no caption", tables)
		}
		if countElements(n, atom.Th) == 0 {
			t.Errorf("table %d has no <th> cells", tables)
		}
		if countElements(n, atom.Thead) != 1 {
			t.Errorf("table %d has no <thead>", tables)
		}
	})
	if tables < 3 {
		t.Errorf("%d tables, want the plans, their costs and the year", tables)
	}
}

// checkClosingLast fails unless the body's last text is the closing line.
func checkClosingLast(t *testing.T, root *html.Node) {
	t.Helper()
	var last string
	walk(root, func(n *html.Node) {
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" && !insideHidden(n) {
			last = strings.TrimSpace(n.Data)
		}
	})
	if !strings.HasPrefix(last, "An estimate, not a contract: prices from ") || !strings.HasSuffix(last, " as of 2026-01-06.") {
		t.Errorf("the last visible text is %q, not the closing line", last)
	}
}

func insideHidden(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if hasAttr(p, "hidden") || p.DataAtom == atom.Style || p.DataAtom == atom.Head {
			return true
		}
	}
	return false
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func countElements(root *html.Node, a atom.Atom) int {
	k := 0
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == a {
			k++
		}
	})
	return k
}

func findElement(root *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) {
		if found == nil && n.Type == html.ElementNode && match(n) {
			found = n
		}
	})
	return found
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}
