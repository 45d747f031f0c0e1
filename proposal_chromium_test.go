package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// chromiumPath is where Debian's chromium package puts the browser; .ci/run
// installs it when it is missing.
const chromiumPath = "/usr/bin/chromium"

// chromium runs the browser headless on file with args added, offline and
// without a profile of its own (dir).
func chromium(t *testing.T, dir string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile")}
	cmd := exec.CommandContext(ctx, chromiumPath, append(base, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, out)
	}
}

// savePicture writes the screenshot as docs/proposal.md shows it: the top
// of the page at half size (a box filter over 2 x 2 pixels), compressed
// hard, so the picture stays small.
func savePicture(t *testing.T, img image.Image, path string) {
	t.Helper()
	b := img.Bounds()
	h := min(b.Dy(), 1400)
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx()/2, h/2))
	for y := 0; y < h/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			var r, g, bl uint32
			for _, d := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				cr, cg, cb, _ := img.At(b.Min.X+2*x+d[0], b.Min.Y+2*y+d[1]).RGBA()
				r, g, bl = r+cr, g+cg, bl+cb
			}
			out.Set(x, y, color.NRGBA{uint8(r / 4 >> 8), uint8(g / 4 >> 8), uint8(bl / 4 >> 8), 0xff})
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, out); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pdfPage is a page object of a PDF: /Type /Page, not /Pages.
var pdfPage = regexp.MustCompile(`/Type\s*/Page([^s]|$)`)

// TestProposalInChromium renders the example proposal in a real browser,
// to PNG as on screen and to PDF as printed: the picture is not blank, and
// the print fits on one or two pages.
func TestProposalInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CREDITPLAN_REQUIRE_CHROMIUM") != "" {
			t.Fatalf("CREDITPLAN_REQUIRE_CHROMIUM is set and there is no %s: %v", chromiumPath, err)
		}
		t.Skipf("no %s (apt-get install chromium; .ci/run does): %v", chromiumPath, err)
	}
	dir := t.TempDir()
	doc, errs, code := runProposalApp(t, "proposal", "examples/sales-demo.toml")
	if code != 0 {
		t.Fatal(errs)
	}
	page := filepath.Join(dir, "proposal.html")
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page
	shot, pdf := filepath.Join(dir, "proposal.png"), filepath.Join(dir, "proposal.pdf")
	chromium(t, dir, "--window-size=1000,1400", "--force-device-scale-factor=1", "--hide-scrollbars", "--screenshot="+shot, url)
	chromium(t, dir, "--no-pdf-header-footer", "--print-to-pdf="+pdf, url)

	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	colours := map[uint32]bool{}
	b := img.Bounds()
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[(r>>8)<<16|(g>>8)<<8|bl>>8] = true
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				inked++
			}
		}
	}
	if len(colours) < 32 || inked*100 < b.Dx()*b.Dy()*3 {
		t.Errorf("the screenshot looks blank: %d colours, %d of %d pixels not white", len(colours), inked, b.Dx()*b.Dy())
	}

	if updating() {
		savePicture(t, img, filepath.Join("docs", "pictures", "proposal.png"))
	}

	raw, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-")) {
		t.Fatalf("the print is not a PDF")
	}
	if n := len(pdfPage.FindAll(raw, -1)); n < 1 || n > 2 {
		t.Errorf("the proposal prints on %d pages, want one or two", n)
	}
}
