package raster

import (
	"image"
	"image/color"
	"testing"
)

// solid is a w × h thumbnail in one colour.
func solid(w, h int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}

func pageColour(i int) color.RGBA { return color.RGBA{uint8(20 + 10*i), 180, 120, 0xff} }

// find returns the bounding box of the pixels exactly of colour c.
func find(img *image.RGBA, c color.RGBA) image.Rectangle {
	var box image.Rectangle
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if img.RGBAAt(x, y) == c {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

func isRed(c color.RGBA) bool { return c.R > 180 && c.G < 80 && c.B < 80 }

func count(img *image.RGBA, r image.Rectangle, pred func(color.RGBA) bool) int {
	n := 0
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if pred(img.RGBAAt(x, y)) {
				n++
			}
		}
	}
	return n
}

func dark(c color.RGBA) bool { return int(c.R)+int(c.G)+int(c.B) < 3*100 }

func TestFlatplanSpreads(t *testing.T) {
	const tw, th, gap = 120, 180, 20
	var pages []*image.RGBA
	for i := range 6 {
		pages = append(pages, solid(tw, th, pageColour(i)))
	}
	over := []Overset{{Page: 2, Lines: 12, Words: 80}, {Page: 5, Words: 5}, {Page: 4}}
	img := Flatplan(pages, over, FlatplanOptions{SpreadsPerRow: 2, Gap: gap})
	writeOut(t, "flatplan-synthetic.png", img)
	box := make([]image.Rectangle, len(pages))
	for i := range pages {
		box[i] = find(img, pageColour(i))
		// The red frame of an overset page covers its edge.
		if i == 2 || i == 5 {
			box[i] = box[i].Inset(-3)
		}
		if box[i].Size() != (image.Point{tw, th}) {
			t.Fatalf("page %d drawn %v, want %d×%d", i+1, box[i], tw, th)
		}
	}
	// Spreads: [–, 1] [2, 3] on the first row, [4, 5] [6, –] on the second.
	left0 := gap
	right0 := gap + tw + fold
	left1 := right0 + tw + gap
	right1 := left1 + tw + fold
	row1 := box[0].Max.Y
	for i, want := range []image.Point{{right0, gap}, {left1, gap}, {right1, gap}, {left0, -1}, {right0, -1}, {left1, -1}} {
		got := box[i].Min
		if got.X != want.X || (want.Y >= 0 && got.Y != want.Y) || (want.Y < 0 && got.Y <= row1) {
			t.Errorf("page %d at %v, want x %d on row %d", i+1, got, want.X, map[bool]int{true: 1, false: 2}[want.Y >= 0])
		}
	}
	if box[1].Min.Y != box[2].Min.Y || box[3].Min.Y != box[4].Min.Y || box[4].Min.Y != box[5].Min.Y {
		t.Errorf("pages of a row not level: %v", box)
	}
	if box[2].Min.X-box[1].Max.X != fold {
		t.Errorf("pages 2 and 3 %d px apart, want %d (facing)", box[2].Min.X-box[1].Max.X, fold)
	}
	// The empty slots (left of page 1, right of page 6) show the desk.
	for _, r := range []image.Rectangle{box[0].Sub(image.Pt(tw+fold, 0)), box[5].Add(image.Pt(tw+fold, 0))} {
		if n := count(img, r, func(c color.RGBA) bool { return c != planGround }); n > 0 {
			t.Errorf("empty slot %v has %d pixels that are not the desk", r, n)
		}
	}
	// A number under every page, none under the empty slots; the red
	// marks on pages 3 and 6 only.
	below := func(r image.Rectangle) image.Rectangle {
		return image.Rect(r.Min.X, r.Max.Y+2, r.Max.X, r.Max.Y+gap*2)
	}
	for i, b := range box {
		if n := count(img, below(b), dark); n == 0 {
			t.Errorf("no number under page %d", i+1)
		}
		cell := image.Rect(b.Min.X-2, b.Min.Y-2, b.Max.X+2, b.Max.Y+gap*2)
		red := count(img, cell, isRed)
		labelRed := count(img, below(b).Add(image.Pt(0, 10)), isRed)
		if (i == 2 || i == 5) != (red > 0) {
			t.Errorf("page %d: %d red pixels", i+1, red)
		}
		if (i == 2 || i == 5) && labelRed == 0 {
			t.Errorf("page %d: no red label under it", i+1)
		}
	}
	for _, r := range []image.Rectangle{box[0].Sub(image.Pt(tw+fold, 0)), box[5].Add(image.Pt(tw+fold, 0))} {
		if n := count(img, below(r), dark); n > 0 {
			t.Errorf("ink under the empty slot %v", r)
		}
	}
	// "14" is set wider than "1".
	pages = pages[:0]
	for i := range 14 {
		pages = append(pages, solid(tw, th, pageColour(i)))
	}
	img = Flatplan(pages, nil, FlatplanOptions{Gap: gap})
	w1 := inkBox(img.SubImage(below(find(img, pageColour(0)))).(*image.RGBA)).Dx()
	w14 := inkBox(img.SubImage(below(find(img, pageColour(13)))).(*image.RGBA)).Dx()
	if w14 <= w1 || w1 == 0 {
		t.Errorf("number 14 is %d px wide, number 1 %d", w14, w1)
	}
}

func TestFlatplanOfTheSampleEdition(t *testing.T) {
	doc, placed := sampleEdition(t)
	r := NewRenderer()
	var thumbs []*image.RGBA
	for _, pg := range doc.Pages {
		thumbs = append(thumbs, r.Page(pg, Options{DPI: 24}))
	}
	var over []Overset
	for _, p := range placed {
		if p.Overset.Lines > 0 {
			over = append(over, Overset{Page: p.Page - 1, Lines: p.Overset.Lines, Words: p.Overset.Words})
		}
	}
	if len(over) == 0 { // the samples all fit: mark one as a desk would see it
		over = append(over, Overset{Page: 4, Lines: 12, Words: 96})
	}
	img := r.Flatplan(thumbs, over, FlatplanOptions{})
	writeOut(t, "flatplan.png", img)
	marked := map[int]bool{}
	for _, o := range over {
		marked[o.Page] = true
	}
	pl := newPlan(thumbs, FlatplanOptions{})
	for i := range thumbs {
		// The page and the band under it.
		x, y := pl.place(i)
		cell := image.Rect(x-1, y-1, x+pl.tw+1, y+pl.th+pl.band)
		if n := count(img, cell, isRed); (n > 0) != marked[i] {
			t.Errorf("page %d: %d red pixels, overset %v", i+1, n, marked[i])
		}
	}
}
