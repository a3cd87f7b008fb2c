package raster

import (
	"image"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/style"
	"pressroom.dev/typeset/units"
)

// The sample edition, set once for all tests and benchmarks: the 14
// sample articles as proofs, one a page, page 1 with the masthead.
var sample struct {
	once   sync.Once
	doc    *display.Document
	placed []compose.Placement
	err    error
}

func sampleEdition(tb testing.TB) (*display.Document, []compose.Placement) {
	tb.Helper()
	sample.once.Do(func() {
		m, err := edition.Load(filepath.Join("..", "..", "..", "samples", "edition.yaml"))
		if err != nil {
			sample.err = err
			return
		}
		arts, err := m.ReadArticles()
		if err != nil {
			sample.err = err
			return
		}
		st, err := style.Load(m.Style)
		if err != nil {
			sample.err = err
			return
		}
		kit, err := compose.NewKit(st, nil, nil)
		if err != nil {
			sample.err = err
			return
		}
		ed := compose.Edition{Paper: m.Paper, Date: m.Date, Name: m.Edition, Issue: m.Issue, Price: m.Price, Lang: m.Lang}
		sample.doc, sample.placed, sample.err = kit.Proof(arts, compose.ProofOptions{Edition: ed, Masthead: true})
	})
	if sample.err != nil {
		tb.Fatal(sample.err)
	}
	return sample.doc, sample.placed
}

// textPage returns the sample page with the most glyphs: a page of body
// text, the benchmark's "Berliner page".
func textPage(tb testing.TB) *display.Page {
	doc, _ := sampleEdition(tb)
	var best *display.Page
	most := -1
	for _, pg := range doc.Pages {
		n := 0
		display.Walk(pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
			if t, ok := it.(*display.Text); ok {
				n += len(t.Glyphs)
			}
		})
		if n > most {
			best, most = pg, n
		}
	}
	return best
}

// writeOut writes img as name into $RASTER_OUT when it is set, so that a
// person can look at what the tests draw.
func writeOut(tb testing.TB, name string, img image.Image) {
	dir := os.Getenv("RASTER_OUT")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := WritePNG(f, img); err != nil {
		tb.Fatal(err)
	}
}

// TestWriteSamples writes what a person should look at into $RASTER_OUT:
// the front page at 50 and 150 dpi, the fullest text page at 100 dpi.
func TestWriteSamples(t *testing.T) {
	if os.Getenv("RASTER_OUT") == "" {
		t.Skip("set RASTER_OUT to a folder to write sample renderings")
	}
	doc, _ := sampleEdition(t)
	r := NewRenderer()
	writeOut(t, "page01-50dpi.png", r.Page(doc.Pages[0], Options{DPI: 50}))
	front := r.Page(doc.Pages[0], Options{DPI: 150})
	writeOut(t, "page01-150dpi.png", front)
	writeOut(t, "page01-150dpi-crop.png", front.SubImage(image.Rect(0, 700, 1100, 1500)))
	writeOut(t, "text-100dpi.png", r.Page(textPage(t), Options{DPI: 100}))
}
