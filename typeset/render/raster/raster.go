// Package raster draws the display list as pixels: the page previews a
// build writes beside its PDFs, and the flatplan, every page of the edition
// as a thumbnail in spread order with its overset marked, that the desk
// checks before the pages go to the plant.
//
// It reads the same display list as the PDF writer and nothing else, so a
// preview shows what the PDF shows: glyph outlines from the embedded fonts,
// rules, boxes and photos, anti-aliased, in the e-paper's RGB colours.
// Links and article beads are not drawn.
//
// The preview is made on every build, so it is meant to be cheap: a
// Renderer keeps each glyph it has rasterised (per face, glyph, pixel size,
// horizontal scale and quarter-pixel offset) and each photo it has decoded,
// and is reused from page to page. A Renderer is not safe for concurrent
// use; a build that renders on several cores gives each goroutine its own.
package raster

import (
	"image"
	"math"

	"github.com/go-text/typesetting/font"
	"golang.org/x/image/draw"
	"golang.org/x/image/vector"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// DefaultDPI is the resolution of a page preview when Options leave it
// out: a thumbnail a desk can read headlines from.
const DefaultDPI = 50

// Options control a rendered page.
type Options struct {
	// DPI is the resolution in pixels per inch: about 50 for thumbnails,
	// 150 for proofs read on screen. 0 means DefaultDPI.
	DPI float64
	// Greek draws text smaller than this as grey bars at its x-height
	// instead of letters, as flatplans show body copy: at thumbnail sizes
	// the letters are unreadable anyway, and the bars draw faster and
	// compress far better. 0 draws all text.
	Greek units.Length
}

// Renderer draws pages and keeps what it can reuse between them: parsed
// glyph outlines, rasterised glyph masks and decoded photos. The zero value
// is not usable; call NewRenderer. Not safe for concurrent use.
type Renderer struct {
	faces    map[*shape.Face]*font.Face
	outlines map[outlineKey][]font.Segment
	masks    map[maskKey]*mask
	maskSize int // bytes held in masks, to bound the cache
	pictures map[*display.Picture]*picture
	ras      vector.Rasterizer
	cover    image.Alpha // coverage of the shape being filled

	labelFace *shape.Face // flatplan labels, opened on first use
}

// NewRenderer returns an empty Renderer.
func NewRenderer() *Renderer {
	return &Renderer{
		faces:    map[*shape.Face]*font.Face{},
		outlines: map[outlineKey][]font.Segment{},
		masks:    map[maskKey]*mask{},
		pictures: map[*display.Picture]*picture{},
	}
}

// Page renders one page with a Renderer of its own. To render many pages,
// reuse a Renderer: it keeps the glyphs and photos it has drawn.
func Page(pg *display.Page, opt Options) *image.RGBA {
	return NewRenderer().Page(pg, opt)
}

// Page renders one trimmed page on white at opt.DPI.
func (r *Renderer) Page(pg *display.Page, opt Options) *image.RGBA {
	dpi := opt.DPI
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	k := dpi / 72 / float64(units.Pt)
	w := max(1, int(math.Round(float64(pg.Width)*k)))
	h := max(1, int(math.Round(float64(pg.Height)*k)))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillWhite(img.Pix)
	c := &canvas{img: img, k: k, greek: opt.Greek}
	r.draw(c, pg.Items, 0, 0)
	return img
}

// canvas is an image being drawn on and the scale from layout units to its
// pixels.
type canvas struct {
	img   *image.RGBA
	k     float64      // pixels per units.Length
	greek units.Length // see Options.Greek
}

func (c *canvas) px(v units.Length) float64 { return float64(v) * c.k }

// draw draws items, moved by dx, dy.
func (r *Renderer) draw(c *canvas, items []display.Item, dx, dy units.Length) {
	display.Walk(items, dx, dy, func(it display.Item, dx, dy units.Length) {
		switch it := it.(type) {
		case *display.Text:
			if it.Size < c.greek {
				r.greekText(c, it, dx, dy)
			} else {
				r.text(c, it, dx, dy)
			}
		case *display.Rule:
			r.rule(c, it, dx, dy)
		case *display.Rect:
			r.rect(c, it, dx, dy)
		case *display.Image:
			r.image(c, it, dx, dy)
		}
	})
}

// greekText draws a run as a bar from its first glyph to the end of its
// last, at x-height, in its colour lightened halfway to white (a line of
// body copy seen from afar).
func (r *Renderer) greekText(c *canvas, t *display.Text, dx, dy units.Length) {
	if len(t.Glyphs) == 0 || t.Face == nil {
		return
	}
	x0 := c.px(t.X + dx + t.Glyphs[0].X)
	x1 := c.px(t.X + dx + t.Advance())
	base := c.px(t.Y + dy)
	xh := c.px(t.Face.Scale(t.Face.XHeight, t.Size))
	if xh <= 0 {
		xh = c.px(t.Size) / 2
	}
	var col [3]uint8
	for i, v := range t.Color.RGB {
		col[i] = uint8((int(v) + 255) / 2)
	}
	r.fill(c, col, box(x0, base-xh, x1, base))
}

// fillWhite sets every byte of pix to 0xff, doubling copies so that it runs
// at memory speed.
func fillWhite(pix []byte) {
	if len(pix) == 0 {
		return
	}
	pix[0] = 0xff
	for n := 1; n < len(pix); n *= 2 {
		copy(pix[n:], pix[:n])
	}
}

// minLine is the thinnest line drawn, in pixels: a hairline rule must stay
// visible on a thumbnail, where it is far thinner than a pixel.
const minLine = 1.0

// rule draws a straight line with butt ends, as PDF strokes it. A line
// thinner than a pixel is drawn one pixel wide and, when it is horizontal
// or vertical, centred on a pixel so that it is crisp rather than two grey
// half-pixels.
func (r *Renderer) rule(c *canvas, ru *display.Rule, dx, dy units.Length) {
	x1, y1 := c.px(ru.X1+dx), c.px(ru.Y1+dy)
	x2, y2 := c.px(ru.X2+dx), c.px(ru.Y2+dy)
	w := c.px(ru.Width)
	if w < minLine {
		w = minLine
		switch {
		case y1 == y2:
			y1 = math.Floor(y1) + 0.5
			y2 = y1
		case x1 == x2:
			x1 = math.Floor(x1) + 0.5
			x2 = x1
		}
	}
	l := math.Hypot(x2-x1, y2-y1)
	if l == 0 {
		return
	}
	nx, ny := -(y2-y1)/l*w/2, (x2-x1)/l*w/2
	r.fill(c, ru.Color.RGB, []point{
		{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny},
	})
}

// rect fills and strokes a rectangle; the stroke is centred on the edge,
// as in PDF, and at least a pixel wide.
func (r *Renderer) rect(c *canvas, re *display.Rect, dx, dy units.Length) {
	x0, y0 := c.px(re.X+dx), c.px(re.Y+dy)
	x1, y1 := x0+c.px(re.W), y0+c.px(re.H)
	if re.Fill != nil {
		r.fill(c, re.Fill.RGB, box(x0, y0, x1, y1))
	}
	if re.Stroke != nil && re.LineWidth > 0 {
		hw := max(c.px(re.LineWidth), minLine) / 2
		outer := box(x0-hw, y0-hw, x1+hw, y1+hw)
		if x1-x0 <= 2*hw || y1-y0 <= 2*hw {
			r.fill(c, re.Stroke.RGB, outer)
			return
		}
		inner := box(x0+hw, y0+hw, x1-hw, y1-hw)
		// The inner contour runs the other way round, so that non-zero
		// winding leaves it empty.
		inner[1], inner[3] = inner[3], inner[1]
		r.fill(c, re.Stroke.RGB, outer, inner)
	}
}

type point struct{ x, y float64 }

func box(x0, y0, x1, y1 float64) []point {
	return []point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

// fill paints the polygons (closed, non-zero winding) in col, anti-aliased.
func (r *Renderer) fill(c *canvas, col [3]uint8, polys ...[]point) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, q := range p {
			minX, maxX = min(minX, q.x), max(maxX, q.x)
			minY, maxY = min(minY, q.y), max(maxY, q.y)
		}
	}
	if math.IsInf(minX, 0) || math.IsNaN(minX+maxX+minY+maxY) {
		return
	}
	clip := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).
		Intersect(c.img.Bounds())
	if clip.Empty() {
		return
	}
	ox, oy := float64(clip.Min.X), float64(clip.Min.Y)
	z := &r.ras
	z.Reset(clip.Dx(), clip.Dy())
	for _, p := range polys {
		z.MoveTo(float32(p[0].x-ox), float32(p[0].y-oy))
		for _, q := range p[1:] {
			z.LineTo(float32(q.x-ox), float32(q.y-oy))
		}
		z.ClosePath()
	}
	m := &mask{w: clip.Dx(), h: clip.Dy(), pix: r.coverage(z)}
	blend(c.img, m, clip.Min.X, clip.Min.Y, col)
}

// coverage returns the rasteriser's coverage, one byte a pixel, in a
// buffer that the next call reuses.
func (r *Renderer) coverage(z *vector.Rasterizer) []uint8 {
	size := z.Size()
	n := size.X * size.Y
	if cap(r.cover.Pix) < n {
		r.cover.Pix = make([]uint8, n)
	}
	r.cover.Pix, r.cover.Stride, r.cover.Rect = r.cover.Pix[:n], size.X, z.Bounds()
	z.DrawOp = draw.Src // every pixel written: no need to clear the buffer
	z.Draw(&r.cover, r.cover.Rect, image.Opaque, image.Point{})
	return r.cover.Pix
}
