package raster

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Overset marks a page of the flatplan that holds text that did not fit.
// Several marks for one page (several stories) add up.
type Overset struct {
	Page  int // 0-based index of the page in the flatplan
	Lines int // lines that did not fit
	Words int // words in them
}

// FlatplanOptions control the layout of a flatplan.
type FlatplanOptions struct {
	// SpreadsPerRow is how many spreads stand side by side; 0 means 4.
	SpreadsPerRow int
	// Gap is the space between spreads, between rows and around the plan,
	// in pixels; 0 means a sixth of a page's width, at least 12.
	Gap int
	// Face sets the page numbers and overset marks; nil means the bundled
	// PT Sans Bold.
	Face *shape.Face
}

// Flatplan lays out page thumbnails with a Renderer of its own; see
// Renderer.Flatplan.
func Flatplan(pages []*image.RGBA, over []Overset, opt FlatplanOptions) *image.RGBA {
	return NewRenderer().Flatplan(pages, over, opt)
}

// Colours of the flatplan.
var (
	planGround = color.RGBA{0xd6, 0xd6, 0xd6, 0xff} // the desk
	planFrame  = color.RGBA{0x80, 0x80, 0x80, 0xff} // a page's edge
	planRed    = color.RGBA{0xd8, 0x10, 0x10, 0xff} // overset
	planInk    = display.Color{RGB: [3]uint8{0x20, 0x20, 0x20}}
)

// fold is the space between the two pages of a spread, in pixels: the two
// page edges and a line of the desk between them.
const fold = 3

// Flatplan lays out the pages of an edition, already rendered as
// thumbnails (Renderer.Page at 20–50 dpi; pages[0] is page 1), as a desk
// pins them up: in spreads, page 1 alone on the right, then 2–3, 4–5, …,
// an even last page alone on the left, with each page's number under it.
// A page with overset gets a red frame and a red label ("OVERSET 12
// lines").
func (r *Renderer) Flatplan(pages []*image.RGBA, over []Overset, opt FlatplanOptions) *image.RGBA {
	pl := newPlan(pages, opt)
	img := image.NewRGBA(image.Rectangle{Max: pl.size()})
	draw.Draw(img, img.Rect, image.NewUniform(planGround), image.Point{}, draw.Src)

	lines := make([]int, len(pages))
	words := make([]int, len(pages))
	for _, o := range over {
		if o.Page >= 0 && o.Page < len(pages) && o.Lines+o.Words > 0 {
			lines[o.Page] += o.Lines
			words[o.Page] += o.Words
		}
	}
	face := opt.Face
	if face == nil {
		face = r.defaultLabelFace()
	}
	c := &canvas{img: img, k: 1 / float64(units.Pt)} // one pixel a point
	for i, p := range pages {
		x, y := pl.place(i)
		pr := image.Rect(x, y, x+pl.tw, y+pl.th)
		if p != nil {
			pr = image.Rect(x, y, x+p.Rect.Dx(), y+p.Rect.Dy())
		}
		draw.Draw(img, pr.Inset(-1), image.NewUniform(planFrame), image.Point{}, draw.Src)
		if p != nil {
			draw.Draw(img, pr, p, p.Rect.Min, draw.Src)
		} else {
			draw.Draw(img, pr, image.White, image.Point{}, draw.Src)
		}
		if lines[i]+words[i] > 0 {
			// Inside the page's edge, over its margin, so that it
			// cannot touch the facing page.
			red := image.NewUniform(planRed)
			for _, e := range edges(pr, 3) {
				draw.Draw(img, e, red, image.Point{}, draw.Src)
			}
		}
		if face == nil {
			continue
		}
		cx := float64(x) + float64(pl.tw)/2
		top := float64(y+pl.th) + pl.em*0.5
		r.label(c, face, fmt.Sprint(i+1), cx, top, pl.em, float64(pl.tw), planInk)
		if lines[i]+words[i] > 0 {
			red := display.Color{RGB: [3]uint8{planRed.R, planRed.G, planRed.B}}
			r.label(c, face, oversetLabel(lines[i], words[i]), cx, top+pl.em*1.5, pl.em*0.8, float64(pl.tw), red)
		}
	}
	return img
}

// plan is the geometry of a flatplan, in pixels.
type plan struct {
	n       int // pages
	tw, th  int // a page's thumbnail
	gap     int
	em      float64 // size of the page numbers
	band    int     // height of the numbers and marks under a row
	perRow  int     // spreads a row
	spreads int
}

func newPlan(pages []*image.RGBA, opt FlatplanOptions) plan {
	pl := plan{n: len(pages), tw: 1, th: 1, gap: opt.Gap, perRow: opt.SpreadsPerRow}
	for _, p := range pages {
		if p != nil {
			pl.tw, pl.th = max(pl.tw, p.Rect.Dx()), max(pl.th, p.Rect.Dy())
		}
	}
	if pl.gap <= 0 {
		pl.gap = max(12, pl.tw/6)
	}
	pl.em = math.Min(28, math.Max(11, float64(pl.tw)/10))
	pl.band = int(math.Ceil(pl.em*1.5+pl.em*0.8*1.5)) + 4
	pl.spreads = pl.n/2 + 1 // page 1 alone, then pairs
	if pl.perRow <= 0 {
		pl.perRow = 4
	}
	pl.perRow = min(pl.perRow, pl.spreads)
	return pl
}

// size is the size of the whole plan.
func (pl plan) size() image.Point {
	rows := (pl.spreads + pl.perRow - 1) / pl.perRow
	return image.Pt(2*pl.gap+pl.perRow*(2*pl.tw+fold)+(pl.perRow-1)*pl.gap,
		2*pl.gap+rows*(pl.th+pl.band)+(rows-1)*pl.gap)
}

// place returns the top-left pixel of page index i (page i+1): odd pages
// on the right of their spread, even ones on the left.
func (pl plan) place(i int) (x, y int) {
	spread, right := (i+1)/2, i%2 == 0
	row, col := spread/pl.perRow, spread%pl.perRow
	x = pl.gap + col*(2*pl.tw+fold+pl.gap)
	if right {
		x += pl.tw + fold
	}
	y = pl.gap + row*(pl.th+pl.band+pl.gap)
	return x, y
}

// edges returns the four bands of width w inside r's border.
func edges(r image.Rectangle, w int) []image.Rectangle {
	return []image.Rectangle{
		image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+w),
		image.Rect(r.Min.X, r.Max.Y-w, r.Max.X, r.Max.Y),
		image.Rect(r.Min.X, r.Min.Y, r.Min.X+w, r.Max.Y),
		image.Rect(r.Max.X-w, r.Min.Y, r.Max.X, r.Max.Y),
	}
}

func oversetLabel(lines, words int) string {
	switch {
	case lines == 1:
		return "OVERSET 1 line"
	case lines > 1:
		return fmt.Sprintf("OVERSET %d lines", lines)
	case words == 1:
		return "OVERSET 1 word"
	default:
		return fmt.Sprintf("OVERSET %d words", words)
	}
}

// defaultLabelFace opens PT Sans Bold once; nil when it cannot (the plan
// is then drawn without labels).
func (r *Renderer) defaultLabelFace() *shape.Face {
	if r.labelFace == nil {
		f, err := shape.NewFonts("").Open("PTSans-Bold.ttf")
		if err != nil {
			return nil
		}
		r.labelFace = f
	}
	return r.labelFace
}

// label sets s centred on cx with its capitals' top at top, size pixels to
// the em, narrowed to fit maxW. It uses the face's nominal glyphs and
// advances, without kerning: enough for numbers and short marks.
func (r *Renderer) label(c *canvas, face *shape.Face, s string, cx, top, size, maxW float64, col display.Color) {
	ff := r.fontFace(face)
	upem := float64(face.Upem)
	t := &display.Text{Face: face, Color: col, Scale: 1000}
	var pen int32
	for _, ch := range s {
		g, ok := ff.NominalGlyph(ch)
		if !ok {
			continue
		}
		t.Glyphs = append(t.Glyphs, display.Glyph{ID: uint16(g), Code: ch, X: units.Length(pen)})
		pen += face.Advance(uint16(g))
	}
	width := float64(pen) * size / upem
	if width > maxW && width > 0 {
		size *= maxW / width
		width = maxW
	}
	px := func(v float64) units.Length { return units.Length(math.Round(v / c.k)) }
	for i := range t.Glyphs {
		t.Glyphs[i].X = px(float64(t.Glyphs[i].X) * size / upem)
	}
	t.Size = px(size)
	t.X = px(cx - width/2)
	t.Y = px(top + float64(face.CapHeight)*size/upem)
	r.text(c, t, 0, 0)
}
