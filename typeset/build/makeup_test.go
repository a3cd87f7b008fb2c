package build

import (
	"bytes"
	"image/png"
	"os"
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
	dir := t.TempDir()
	manifest := filepath.Join(samples, "edition.yaml")
	rep, err := Edition(manifest, dir, EditionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := edition.Load(manifest)
	if err != nil {
		t.Fatal(err)
	}
	as, err := m.ReadArticles()
	if err != nil {
		t.Fatal(err)
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
	missing, extra := pdfcheck.Diff(want, text, nil)
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
