package raster

import (
	"image"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"pressroom.dev/internal/pdfcheck"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/render/pdf"
	"pressroom.dev/typeset/units"
)

// extents lists where the display list may put ink on a page, in pixels at
// k pixels a unit: each text run's box from a little above its face's
// ascender to below its descender (accents on capitals rise above the
// ascender), each rule, box and photo, all grown by a pixel for
// anti-aliasing and the one-pixel minimum of hairlines.
func extents(pg *display.Page, k float64) (runs []image.Rectangle, other []image.Rectangle) {
	px := func(v units.Length) float64 { return float64(v) * k }
	rect := func(x0, y0, x1, y1, grow float64) image.Rectangle {
		return image.Rect(int(math.Floor(min(x0, x1)-grow)), int(math.Floor(min(y0, y1)-grow)),
			int(math.Ceil(max(x0, x1)+grow)), int(math.Ceil(max(y0, y1)+grow)))
	}
	display.Walk(pg.Items, 0, 0, func(it display.Item, dx, dy units.Length) {
		switch it := it.(type) {
		case *display.Text:
			if len(it.Glyphs) == 0 {
				return
			}
			em := px(it.Size)
			up := float64(it.Face.Ascender) / float64(it.Face.Upem) * 1.15 * em
			down := -float64(it.Face.Descender) / float64(it.Face.Upem) * 1.15 * em
			x, y := px(it.X+dx), px(it.Y+dy)
			runs = append(runs, rect(x-0.1*em, y-up, x+px(it.Advance())+0.1*em, y+down, 1))
		case *display.Rule:
			w := max(px(it.Width), 1)/2 + 1
			other = append(other, rect(px(it.X1+dx), px(it.Y1+dy), px(it.X2+dx), px(it.Y2+dy), w))
		case *display.Rect:
			w := px(it.LineWidth)/2 + 1
			other = append(other, rect(px(it.X+dx), px(it.Y+dy), px(it.X+dx+it.W), px(it.Y+dy+it.H), w))
		case *display.Image:
			other = append(other, rect(px(it.X+dx), px(it.Y+dy), px(it.X+dx+it.W), px(it.Y+dy+it.H), 1))
		}
	})
	return runs, other
}

// Every page of the sample edition has ink inside every text run and none
// outside what the display list draws.
func TestInkOnlyWhereTheDisplayListDraws(t *testing.T) {
	doc, _ := sampleEdition(t)
	r := NewRenderer()
	const dpi = 50
	k := dpi / 72.0 / float64(units.Pt)
	for i, pg := range doc.Pages {
		img := r.Page(pg, Options{DPI: dpi})
		runs, other := extents(pg, k)
		allowed := image.NewAlpha(img.Rect)
		for _, b := range append(append([]image.Rectangle(nil), runs...), other...) {
			b = b.Intersect(img.Rect)
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					allowed.Pix[allowed.PixOffset(x, y)] = 1
				}
			}
		}
		stray, ink := 0, 0
		var first image.Point
		for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
			for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
				if luma(img, x, y) >= 224 {
					continue
				}
				ink++
				if allowed.Pix[allowed.PixOffset(x, y)] == 0 {
					if stray == 0 {
						first = image.Pt(x, y)
					}
					stray++
				}
			}
		}
		if stray > 0 {
			t.Errorf("page %d: %d of %d inked pixels lie outside every item (first at %v)", i+1, stray, ink, first)
		}
		empty := 0
		for _, b := range runs {
			if inkBox(img.SubImage(b).(*image.RGBA)).Empty() {
				empty++
			}
		}
		// A run of spaces alone would be empty; layout makes none.
		if empty > 0 {
			t.Errorf("page %d: %d of %d text runs drew nothing", i+1, empty, len(runs))
		}
		if len(runs) < 20 {
			t.Errorf("page %d: only %d text runs; is the sample edition set?", i+1, len(runs))
		}
	}
}

// darkness returns 1 − luma of every pixel of img (0 white … 1 black), row
// by row.
func darkness(img image.Image) (d []float64, w, h int) {
	b := img.Bounds()
	w, h = b.Dx(), b.Dy()
	d = make([]float64, 0, w*h)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			switch m := img.(type) {
			case *image.Gray:
				d = append(d, 1-float64(m.GrayAt(x, y).Y)/255)
			case *image.RGBA:
				c := m.RGBAAt(x, y)
				d = append(d, 1-(0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B))/255)
			default:
				r, g, bl, _ := img.At(x, y).RGBA()
				d = append(d, 1-(0.299*float64(r)+0.587*float64(g)+0.114*float64(bl))/0xffff)
			}
		}
	}
	return d, w, h
}

// densities is the mean darkness of each cell of a cols × rows grid laid
// over an image's darkness.
func densities(d []float64, w, h, cols, rows int) []float64 {
	sum := make([]float64, cols*rows)
	n := make([]int, cols*rows)
	for y := range h {
		row := y * rows / h
		for x := range w {
			i := row*cols + x*cols/w
			sum[i] += d[y*w+x]
			n[i]++
		}
	}
	for i := range sum {
		sum[i] /= float64(max(n[i], 1))
	}
	return sum
}

func correlation(a, b []float64) float64 {
	var ma, mb float64
	for i := range a {
		ma += a[i]
		mb += b[i]
	}
	ma /= float64(len(a))
	mb /= float64(len(b))
	var sab, saa, sbb float64
	for i := range a {
		sab += (a[i] - ma) * (b[i] - mb)
		saa += (a[i] - ma) * (a[i] - ma)
		sbb += (b[i] - mb) * (b[i] - mb)
	}
	return sab / math.Sqrt(saa*sbb)
}

// The preview and poppler's rendering of the e-paper PDF put the same
// amount of ink in the same places: the darkness of the cells of a coarse
// grid correlates. Misplaced, missing or doubled text would not.
func TestMatchesPoppler(t *testing.T) {
	if err := pdfcheck.Tool("pdftoppm"); err != nil {
		t.Skip(err)
	}
	ed, _ := sampleEdition(t)
	// The front page with the photo, and two of text; without the
	// outline and threads, which point at the pages left out.
	pages := []int{0, 8, 13}
	doc := &display.Document{Title: ed.Title, Lang: ed.Lang, Date: ed.Date}
	for _, i := range pages {
		doc.Pages = append(doc.Pages, ed.Pages[i])
	}
	file := filepath.Join(t.TempDir(), "edition.pdf")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	err = pdf.Write(f, doc, pdf.Options{Mode: pdf.EPaper, Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	r := NewRenderer()
	worst := 1.0
	for i, n := range pages {
		ref, err := pdfcheck.Render(file, i+1, 50)
		if err != nil {
			t.Fatal(err)
		}
		img := r.Page(ed.Pages[n], Options{DPI: 50})
		if d := ref.Bounds().Size().Sub(img.Rect.Size()); max(d.X, -d.X, d.Y, -d.Y) > 1 {
			t.Errorf("page %d: %v pixels, poppler %v", n+1, img.Rect.Size(), ref.Bounds().Size())
		}
		a, aw, ah := darkness(img)
		b, bw, bh := darkness(ref)
		coarse := correlation(densities(a, aw, ah, 20, 30), densities(b, bw, bh, 20, 30))
		fine := correlation(densities(a, aw, ah, 60, 90), densities(b, bw, bh, 60, 90))
		t.Logf("page %d: ink correlation with pdftoppm %.4f on 20×30 cells, %.4f on 60×90", n+1, coarse, fine)
		if coarse < 0.99 || fine < 0.97 {
			t.Errorf("page %d: ink correlation with pdftoppm %.3f (20×30), %.3f (60×90); want > 0.99, > 0.97", n+1, coarse, fine)
		}
		worst = min(worst, coarse)
	}
	t.Logf("lowest correlation on 20×30 cells: %.4f", worst)
}
