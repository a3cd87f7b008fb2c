package build

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/internal/pdfcheck"
	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/units"
)

// expectedEditionText is every word an edition should print: each story's
// own (compose.Kit.Text), the heads of its continuations, and the text of
// the page furniture (masthead, folios, jump lines, ads and fillers) as
// the display list has it.
func expectedEditionText(t *testing.T, kit *compose.Kit, doc *display.Document, rep *Report, arts map[string]string) string {
	var b strings.Builder
	for _, a := range rep.Articles {
		b.WriteString(arts[a.Slug])
		b.WriteByte('\n')
	}
	for _, pg := range doc.Pages {
		display.Walk(pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
			g, ok := it.(*display.Group)
			if !ok {
				return
			}
			switch {
			case g.Label == "folio", g.Label == "masthead", g.Label == "jump", g.Label == "ad", g.Label == "filler":
				b.WriteString(groupText(g))
				b.WriteByte('\n')
			case strings.HasPrefix(g.Label, "continuation:"):
				// The jump head: the story's headline and its
				// "Continued from Page N" line, the first lines of the
				// group.
				head := groupText(&display.Group{Items: g.Items[:headItems(g)]})
				b.WriteString(head)
				b.WriteByte('\n')
			}
		})
	}
	return b.String()
}

// headItems counts the leading text runs of a continuation group that
// belong to its head (they come before the first body group).
func headItems(g *display.Group) int {
	for i, it := range g.Items {
		if _, ok := it.(*display.Group); ok {
			return i
		}
	}
	return len(g.Items)
}

func groupText(g *display.Group) string {
	var b strings.Builder
	display.Walk(g.Items, 0, 0, func(it display.Item, _, _ units.Length) {
		if t, ok := it.(*display.Text); ok {
			b.WriteString(t.String())
			b.WriteByte(' ')
		}
	})
	return b.String()
}

// TestEditionFidelity builds the sample edition with automatic make-up
// and checks, in the e-paper PDF, that every word of every story is there
// exactly once across pages and jumps, with nothing extra beyond the page
// furniture; that jumps point both ways; and that the report accounts for
// every story without overset.
func TestEditionFidelity(t *testing.T) {
	manifest := filepath.Join(samples, "edition.yaml")
	m, err := edition.Load(manifest)
	if err != nil {
		t.Fatal(err)
	}
	checkFidelity(t, manifest, m, EditionOptions{}, nil)
}

// TestGeneratedEditionFidelity is TestEditionFidelity for the benchmark
// generator's 16-page edition (seed 1, as ninjs), built as a folder. It
// needs python3 and ../shared/bench/corpus; without them it is skipped.
func TestGeneratedEditionFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 16-page edition")
	}
	gen := "../../../shared/bench/corpus"
	if _, err := os.Stat(filepath.Join(gen, "gen.py")); err != nil {
		t.Skip("the shared benchmark corpus is not here")
	}
	dir := t.TempDir()
	js := filepath.Join(dir, "edition.json")
	if out, err := exec.Command("python3", filepath.Join(gen, "gen.py"), "--pages", "16", "-o", js).CombinedOutput(); err != nil {
		t.Skipf("gen.py: %v %s", err, out)
	}
	nj := filepath.Join(dir, "ninjs")
	if out, err := exec.Command("python3", filepath.Join(gen, "to_ninjs.py"), js, nj).CombinedOutput(); err != nil {
		t.Skipf("to_ninjs.py: %v %s", err, out)
	}
	opt := EditionOptions{Paper: "The Daily Benchmark", NoPreview: true}
	m, err := edition.FromFolder(nj, opt.Paper, opt.Date)
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext sometimes reads a line of one column into the line of
	// the next (the generator's URLs are long): a URL split there cannot
	// be joined again, so URLs are left out of the comparison.
	checkFidelity(t, nj, m, opt, func(w string) bool { return strings.Contains(w, "/") })
}

// checkFidelity builds an edition (a manifest or a folder, read as m) and
// compares the e-paper PDF's words with what the edition should print
// (but for the words ignore matches).
func checkFidelity(t *testing.T, manifest string, m *edition.Manifest, opt EditionOptions, ignore func(string) bool) {
	dir := t.TempDir()
	rep, err := Edition(manifest, dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	as, err := m.ReadArticles()
	if err != nil {
		t.Fatal(err)
	}
	if m.Date.IsZero() { // as Edition dates a folder: its latest dateline
		for _, a := range as {
			if d := a.Dateline.Date; d.String() > m.Date.String() {
				m.Date = d
			}
		}
	}
	kit, err := loadStyle(m.Style, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, a := range as {
		texts[a.Slug] = kit.Text(a)
	}
	doc, _, err := kit.MakeUp(runningOrder(m, as), ads(m), compose.Edition{Paper: m.Paper, Date: m.Date, Name: m.Edition, Issue: m.Issue, Price: m.Price, Lang: m.Lang})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != len(as) {
		t.Fatalf("report lists %d stories, the edition has %d", len(rep.Articles), len(as))
	}
	for _, a := range rep.Articles {
		if a.OversetLines != 0 {
			t.Errorf("%s: %d lines overset", a.Slug, a.OversetLines)
		}
		if a.JumpTo != 0 && (len(a.Pages) != 2 || a.Pages[1] != a.JumpTo || a.JumpTo <= a.Pages[0]) {
			t.Errorf("%s: jump to page %d, pages %v", a.Slug, a.JumpTo, a.Pages)
		}
	}
	var epaper string
	for _, f := range rep.Files {
		if strings.HasPrefix(f, "epaper/") && strings.HasSuffix(f, ".pdf") {
			epaper = filepath.Join(dir, f)
		}
	}
	if _, err := os.Stat(epaper); err != nil {
		t.Fatalf("no e-paper PDF among %v", rep.Files)
	}
	text, err := pdfcheck.Text(epaper)
	if err != nil {
		t.Fatal(err)
	}
	want := expectedEditionText(t, kit, doc, rep, texts)
	missing, extra := pdfcheck.Diff(want, text, ignore)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("missing %v\nextra %v", missing, extra)
	}
}

// TestPreviews: a build draws a PNG of every page and the flatplan.
func TestPreviews(t *testing.T) {
	dir := t.TempDir()
	rep, err := Edition(filepath.Join(samples, "edition.yaml"), dir, EditionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var pngs int
	for _, f := range rep.Files {
		if strings.HasPrefix(f, "preview/") {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if f != "preview/flatplan.png" && img.Bounds().Dx() < 500 {
				t.Errorf("%s is only %d px wide", f, img.Bounds().Dx())
			}
			pngs++
		}
	}
	if pngs != len(rep.Pages)+1 {
		t.Errorf("%d previews for %d pages (+ the flatplan)", pngs, len(rep.Pages))
	}
	// Switched off, there are none.
	dir2 := t.TempDir()
	rep2, err := Edition(filepath.Join(samples, "edition.yaml"), dir2, EditionOptions{NoPreview: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep2.Files {
		if strings.HasPrefix(f, "preview/") {
			t.Errorf("--no-preview wrote %s", f)
		}
	}
}
