package raster

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

var fonts = shape.NewFonts("")

func openFace(tb testing.TB, file string) *shape.Face {
	tb.Helper()
	f, err := fonts.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// run sets s in face at size with nominal glyphs and advances, scaled by
// scale per mille, as layout would place them.
func run(tb testing.TB, face *shape.Face, s string, x, y, size units.Length, scale int) *display.Text {
	tb.Helper()
	t := &display.Text{X: x, Y: y, Face: face, Size: size, Scale: scale, Color: display.Black}
	var pen units.Length
	for _, r := range s {
		g, ok := face.Font().NominalGlyph(r)
		if !ok {
			tb.Fatalf("%s has no glyph for %q", face.Name, r)
		}
		t.Glyphs = append(t.Glyphs, display.Glyph{ID: uint16(g), Code: r, X: pen})
		pen += face.Scale(face.Advance(uint16(g)), size).Scale(int64(scale), 1000)
	}
	return t
}

// inkBox is the bounding box of the pixels darker than a quarter grey.
func inkBox(img *image.RGBA) image.Rectangle {
	var box image.Rectangle
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if luma(img, x, y) < 192 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

func luma(img *image.RGBA, x, y int) int {
	c := img.RGBAAt(x, y)
	return (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000
}

// at72 is a page the size of w × h pixels at 72 dpi, one pixel a point.
func at72(w, h int, items ...display.Item) *display.Page {
	return &display.Page{Width: units.Length(w) * units.Pt, Height: units.Length(h) * units.Pt, Items: items}
}

func TestBlankPageIsWhiteAndSized(t *testing.T) {
	pg := &display.Page{Width: units.FromMm(315), Height: units.FromMm(470)}
	img := Page(pg, Options{DPI: 50})
	// 315 mm = 12.40 in → 620 px; 470 mm = 18.50 in → 925 px.
	if got := img.Rect.Size(); got != (image.Point{620, 925}) {
		t.Errorf("size %v, want 620×925", got)
	}
	for i, b := range img.Pix {
		if b != 0xff {
			t.Fatalf("byte %d is %#x, want white", i, b)
		}
	}
}

func TestGlyphMatchesOutlineBox(t *testing.T) {
	face := openFace(t, "PTSerif-Regular.ttf")
	ff := font.NewFace(face.Font())
	for _, ch := range "HOgQ&" {
		g, _ := ff.NominalGlyph(ch)
		ext, ok := ff.GlyphExtents(g)
		if !ok {
			t.Fatalf("%q: no extents", ch)
		}
		// 200 pt at 72 dpi: 200 px to the em, origin at (50, 250).
		size := 200 * units.Pt
		img := Page(at72(400, 400, run(t, face, string(ch), 50*units.Pt, 250*units.Pt, size, 1000)), Options{DPI: 72})
		k := 200 / float64(face.Upem)
		want := image.Rect(
			int(math.Round(50+float64(ext.XBearing)*k)), int(math.Round(250-float64(ext.YBearing)*k)),
			int(math.Round(50+float64(ext.XBearing+ext.Width)*k)), int(math.Round(250-float64(ext.YBearing+ext.Height)*k)))
		got := inkBox(img)
		if d := maxDiff(got, want); d > 2 {
			t.Errorf("%q: ink %v, outline %v (off by %d px)", ch, got, want, d)
		}
	}
}

func maxDiff(a, b image.Rectangle) int {
	abs := func(v int) int { return max(v, -v) }
	return max(abs(a.Min.X-b.Min.X), abs(a.Min.Y-b.Min.Y), abs(a.Max.X-b.Max.X), abs(a.Max.Y-b.Max.Y))
}

func TestScaleNarrowsInk(t *testing.T) {
	face := openFace(t, "PTSans-Bold.ttf")
	width := func(scale int) int {
		img := Page(at72(800, 200, run(t, face, "WHAM", 20*units.Pt, 150*units.Pt, 120*units.Pt, scale)), Options{DPI: 72})
		return inkBox(img).Dx()
	}
	full := width(1000)
	for _, scale := range []int{800, 950, 1020} {
		got := width(scale)
		want := float64(full) * float64(scale) / 1000
		if math.Abs(float64(got)-want) > 2 {
			t.Errorf("scale %d‰: ink %d px wide, want %.1f (%d at 1000‰)", scale, got, want, full)
		}
	}
}

func TestColoursComeOutAsGiven(t *testing.T) {
	accent := display.Color{CMYK: [4]float64{100, 68, 0, 12}, RGB: [3]uint8{0x1c, 0x4f, 0x8f}}
	tint := display.Color{RGB: [3]uint8{0xe6, 0xe6, 0xe6}}
	red := display.Color{RGB: [3]uint8{0xc0, 0x10, 0x20}}
	face := openFace(t, "PTSans-Bold.ttf")
	txt := run(t, face, "I", 200*units.Pt, 180*units.Pt, 150*units.Pt, 1000)
	txt.Color = accent
	pg := at72(300, 200,
		&display.Rect{X: 10 * units.Pt, Y: 10 * units.Pt, W: 80 * units.Pt, H: 50 * units.Pt, Fill: &tint},
		&display.Rule{X1: 10 * units.Pt, Y1: 100 * units.Pt, X2: 150 * units.Pt, Y2: 100 * units.Pt, Width: 4 * units.Pt, Color: red},
		txt,
	)
	img := Page(pg, Options{DPI: 72})
	check := func(what string, x, y int, want [3]uint8) {
		t.Helper()
		c := img.RGBAAt(x, y)
		if c != (color.RGBA{want[0], want[1], want[2], 0xff}) {
			t.Errorf("%s at (%d,%d) is %v, want %v", what, x, y, c, want)
		}
	}
	check("tint box", 50, 35, tint.RGB)
	check("rule", 80, 100, red.RGB)
	// The stem of the I: the middle of the ink box is inside it.
	box := inkBox(img.SubImage(image.Rect(160, 0, 300, 200)).(*image.RGBA))
	check("text", (box.Min.X+box.Max.X)/2, (box.Min.Y+box.Max.Y)/2, accent.RGB)
	check("paper", 5, 5, [3]uint8{0xff, 0xff, 0xff})
}

func TestRulesAndStrokes(t *testing.T) {
	hair := &display.Rule{X1: 0, Y1: 100 * units.Pt, X2: 300 * units.Pt, Y2: 100 * units.Pt, Width: units.FromPt(0.25), Color: display.Black}
	vert := &display.Rule{X1: 200 * units.Pt, Y1: 0, X2: 200 * units.Pt, Y2: 90 * units.Pt, Width: units.FromPt(0.25), Color: display.Black}
	black := display.Black
	box := &display.Rect{X: 20 * units.Pt, Y: 150 * units.Pt, W: 100 * units.Pt, H: 80 * units.Pt, Stroke: &black, LineWidth: 2 * units.Pt}
	// At 20 dpi a quarter-point hairline is 0.07 px: it must still show.
	img := Page(at72(300, 300, hair, vert, box), Options{DPI: 20})
	k := 20.0 / 72
	darkest := func(r image.Rectangle) int {
		d := 255
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				d = min(d, luma(img, x, y))
			}
		}
		return d
	}
	if d := darkest(image.Rect(10, int(100*k)-1, 70, int(100*k)+2)); d > 64 {
		t.Errorf("hairline rule: darkest pixel %d, want black", d)
	}
	if d := darkest(image.Rect(int(200*k)-1, 5, int(200*k)+2, 20)); d > 64 {
		t.Errorf("vertical hairline: darkest pixel %d, want black", d)
	}
	// The stroked box: its edges inked, its inside and outside paper.
	img = Page(at72(300, 300, box), Options{DPI: 72})
	if d := darkest(image.Rect(60, 149, 61, 151)); d > 64 {
		t.Errorf("box top edge: %d, want black", d)
	}
	if d := darkest(image.Rect(23, 153, 117, 227)); d != 255 {
		t.Errorf("inside the box: darkest %d, want paper", d)
	}
	if d := darkest(image.Rect(0, 0, 300, 147)); d != 255 {
		t.Errorf("above the box: darkest %d, want paper", d)
	}
}

// twoTone is a 100 × 50 PNG, red on the left half and blue on the right.
func twoTone(tb testing.TB) *display.Picture {
	img := image.NewRGBA(image.Rect(0, 0, 100, 50))
	for y := 0; y < 50; y++ {
		for x := 0; x < 100; x++ {
			c := color.RGBA{0xff, 0, 0, 0xff}
			if x >= 50 {
				c = color.RGBA{0, 0, 0xff, 0xff}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return &display.Picture{File: "two-tone.png", Data: b.Bytes(), Format: "png", Width: 100, Height: 50}
}

func TestImageCropLandsInFrame(t *testing.T) {
	pic := twoTone(t)
	red, blue := color.RGBA{0xff, 0, 0, 0xff}, color.RGBA{0, 0, 0xff, 0xff}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	for _, c := range []struct {
		name         string
		crop         image.Rectangle
		left, right  color.RGBA // colour of the frame's left and right quarters
		frameW, dpi  int
		frameX, size int
	}{
		{"right half", image.Rect(50, 0, 100, 50), blue, blue, 100, 72, 40, 200},
		{"middle", image.Rect(25, 0, 75, 50), red, blue, 100, 72, 40, 200},
		{"middle enlarged", image.Rect(25, 0, 75, 50), red, blue, 100, 300, 40, 200},
		{"whole, reduced", image.Rectangle{}, red, blue, 100, 18, 40, 200},
	} {
		h := c.frameW * c.crop.Dy() / max(c.crop.Dx(), 1)
		if c.crop.Empty() {
			h = c.frameW / 2
		}
		im := &display.Image{X: units.Length(c.frameX) * units.Pt, Y: 50 * units.Pt,
			W: units.Length(c.frameW) * units.Pt, H: units.Length(h) * units.Pt, Picture: pic, Crop: c.crop}
		r := NewRenderer()
		img := r.Page(at72(c.size, c.size, im), Options{DPI: float64(c.dpi)})
		k := float64(c.dpi) / 72
		px := func(v float64) int { return int(math.Round(v * k)) }
		x0, x1 := px(float64(c.frameX)), px(float64(c.frameX+c.frameW))
		y0, y1 := px(50), px(float64(50+h))
		ym := (y0 + y1) / 2
		q := (x1 - x0) / 4
		if got := img.RGBAAt(x0+q/2, ym); !near(got, c.left) {
			t.Errorf("%s: left of frame %v, want %v", c.name, got, c.left)
		}
		if got := img.RGBAAt(x1-q/2, ym); !near(got, c.right) {
			t.Errorf("%s: right of frame %v, want %v", c.name, got, c.right)
		}
		for _, p := range []image.Point{{x0 - 2, ym}, {x1 + 1, ym}, {(x0 + x1) / 2, y0 - 2}, {(x0 + x1) / 2, y1 + 1}} {
			if got := img.RGBAAt(p.X, p.Y); got != white {
				t.Errorf("%s: outside the frame at %v: %v, want paper", c.name, p, got)
			}
		}
		// Drawn again, the photo is not decoded again.
		r.Page(at72(c.size, c.size, im), Options{DPI: float64(c.dpi)})
		if len(r.pictures) != 1 {
			t.Errorf("%s: %d pictures decoded, want 1", c.name, len(r.pictures))
		}
	}
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) bool { return max(int(x)-int(y), int(y)-int(x)) < 8 }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func TestPNGIsDeterministic(t *testing.T) {
	pg := textPage(t)
	encode := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := WritePNG(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	r := NewRenderer()
	a := encode(r.Page(pg, Options{DPI: 50}))
	b := encode(r.Page(pg, Options{DPI: 50})) // from the caches
	c := encode(Page(pg, Options{DPI: 50}))   // from a fresh renderer
	if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
		t.Errorf("renders differ: %d, %d, %d bytes", len(a), len(b), len(c))
	}
	if _, err := png.Decode(bytes.NewReader(a)); err != nil {
		t.Errorf("not a PNG: %v", err)
	}
}

// Renderers on several goroutines share the faces and pictures of the
// display list; the race detector checks that they only read them.
func TestRenderersInParallel(t *testing.T) {
	doc, _ := sampleEdition(t)
	var wg sync.WaitGroup
	out := make([][]byte, 2)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := NewRenderer()
			var b bytes.Buffer
			for _, pg := range doc.Pages[:2] {
				b.Reset()
				WritePNG(&b, r.Page(pg, Options{DPI: 20}))
			}
			out[i] = b.Bytes()
		}()
	}
	wg.Wait()
	if !bytes.Equal(out[0], out[1]) {
		t.Error("the two goroutines drew page 2 differently")
	}
}

// A disc of radius 40 px drawn with cubic and with quadratic Bézier arcs
// covers π·40² pixels; a square hole cut by a contour running the other
// way (non-zero winding) leaves it empty.
func TestOutlineCurves(t *testing.T) {
	const R = 40.0
	pt := func(x, y float64) font.SegmentPoint { return font.SegmentPoint{X: float32(x), Y: float32(y)} }
	seg := func(op ot.SegmentOp, p ...font.SegmentPoint) font.Segment {
		s := font.Segment{Op: op}
		copy(s.Args[:], p)
		return s
	}
	// Four cubic quarter circles, centre (50, 50).
	const c = 0.5522847498 * R
	cubic := []font.Segment{
		seg(ot.SegmentOpMoveTo, pt(50+R, 50)),
		seg(ot.SegmentOpCubeTo, pt(50+R, 50+c), pt(50+c, 50+R), pt(50, 50+R)),
		seg(ot.SegmentOpCubeTo, pt(50-c, 50+R), pt(50-R, 50+c), pt(50-R, 50)),
		seg(ot.SegmentOpCubeTo, pt(50-R, 50-c), pt(50-c, 50-R), pt(50, 50-R)),
		seg(ot.SegmentOpCubeTo, pt(50+c, 50-R), pt(50+R, 50-c), pt(50+R, 50)),
	}
	// Eight quadratic arcs of 45°.
	quad := []font.Segment{seg(ot.SegmentOpMoveTo, pt(50+R, 50))}
	for i := range 8 {
		a0, a1 := float64(i)*math.Pi/4, float64(i+1)*math.Pi/4
		m := (a0 + a1) / 2
		rc := R / math.Cos(math.Pi/8)
		quad = append(quad, seg(ot.SegmentOpQuadTo, pt(50+rc*math.Cos(m), 50+rc*math.Sin(m)), pt(50+R*math.Cos(a1), 50+R*math.Sin(a1))))
	}
	hole := []font.Segment{ // clockwise in y-up units, against the discs
		seg(ot.SegmentOpMoveTo, pt(40, 40)),
		seg(ot.SegmentOpLineTo, pt(40, 60)),
		seg(ot.SegmentOpLineTo, pt(60, 60)),
		seg(ot.SegmentOpLineTo, pt(60, 40)),
	}
	r := NewRenderer()
	for name, segs := range map[string][]font.Segment{"cubic": cubic, "quadratic": quad} {
		m := r.fillOutline(segs, 1, 1, 0)
		area := 0.0
		for _, a := range m.pix {
			area += float64(a) / 255
		}
		if want := math.Pi * R * R; math.Abs(area-want) > want*0.005 {
			t.Errorf("%s disc: area %.1f px², want %.1f", name, area, want)
		}
		if m.w != 80 || m.h != 80 || m.x != 10 || m.y != -90 {
			t.Errorf("%s disc: mask %d×%d at (%d,%d), want 80×80 at (10,-90)", name, m.w, m.h, m.x, m.y)
		}
		m = r.fillOutline(append(append([]font.Segment(nil), segs...), hole...), 1, 1, 0)
		// Pixel (50, 50) up is row 90-50 = 40, column 40 of the mask.
		if a := m.pix[40*m.w+40]; a != 0 {
			t.Errorf("%s disc with a hole: centre covered %d, want 0", name, a)
		}
		if a := m.pix[40*m.w+5]; a != 255 {
			t.Errorf("%s disc with a hole: ring covered %d, want 255", name, a)
		}
		// The same square running with the disc is inside it twice:
		// still covered (non-zero), not a hole (even-odd).
		same := []font.Segment{hole[0], hole[3], hole[2], hole[1]}
		m = r.fillOutline(append(append([]font.Segment(nil), segs...), same...), 1, 1, 0)
		if a := m.pix[40*m.w+40]; a != 255 {
			t.Errorf("%s disc with a square inside: centre covered %d, want 255", name, a)
		}
	}
}

// TestGreek: with Options.Greek, text under the size is a grey bar at
// x-height over the run's width, half as dark as the text; bigger text
// is still drawn as letters.
func TestGreek(t *testing.T) {
	face := openFace(t, "PTSerif-Regular.ttf")
	small := run(t, face, "body copy here", 10*units.Pt, 40*units.Pt, 9*units.Pt, 1000)
	big := run(t, face, "Head", 10*units.Pt, 90*units.Pt, 30*units.Pt, 1000)
	pg := at72(200, 100, small, big)
	img := NewRenderer().Page(pg, Options{DPI: 72, Greek: 12 * units.Pt})
	// The middle of the bar: between the baseline and the x-height, half
	// way along the run.
	xh := face.Scale(face.XHeight, 9*units.Pt).Points()
	mx := int((small.X + small.Advance()/2).Points())
	my := int(40 - xh/2)
	if l := luma(img, mx, my); l < 110 || l > 145 {
		t.Errorf("the bar's middle has luma %d, want about 127 (black lightened halfway)", l)
	}
	// Above the x-height (ascenders' zone) the bar leaves white.
	if l := luma(img, mx, int(40-xh-2)); l < 250 {
		t.Errorf("above the bar: luma %d, want white", l)
	}
	// The headline keeps letters: some pixel is near black.
	dark := false
	for y := 60; y < 95; y++ {
		for x := 10; x < 80; x++ {
			if luma(img, x, y) < 40 {
				dark = true
			}
		}
	}
	if !dark {
		t.Error("the 30 pt headline was greeked too")
	}
}
