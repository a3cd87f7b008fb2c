package raster

import (
	"image"
	"math"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Text is drawn from glyph masks: a glyph's coverage is rasterised once per
// face, glyph, pixel size, horizontal scale and quarter-pixel offset, then
// blended in the run's colour wherever the glyph occurs. A page of body
// text has a few hundred distinct masks and thousands of glyphs, so after
// the first page drawing text is mostly copying.
//
// Horizontal positions keep a quarter of a pixel, so that the spacing of
// justified lines shows; baselines are rounded to whole pixels, which keeps
// the lines of a column crisp and even and needs no vertical variants.

// subpixels is how many horizontal positions a glyph has within a pixel.
const subpixels = 4

// maxMaskBytes bounds the mask cache: a renderer that has drawn an
// unusual number of sizes starts again rather than growing without end.
const maxMaskBytes = 64 << 20

type outlineKey struct {
	face *shape.Face
	gid  uint16
}

type maskKey struct {
	face  *shape.Face
	gid   uint16
	sub   uint8 // offset from the pixel edge, in 1/subpixels px
	scale int32 // horizontal scale, per mille
	ppem  int32 // pixels per em, in 1/64 px
}

// mask is a glyph's coverage, 0–255 per pixel; x, y place its top-left
// pixel relative to the pixel of the glyph's origin.
type mask struct {
	x, y, w, h int
	pix        []uint8
}

// text draws a run: each glyph at Text.X + Glyph.X on the baseline Text.Y,
// its outline scaled horizontally by Text.Scale.
func (r *Renderer) text(c *canvas, t *display.Text, dx, dy units.Length) {
	if len(t.Glyphs) == 0 || t.Face == nil || t.Face.Font() == nil {
		return
	}
	ppem := int32(math.Round(c.px(t.Size) * 64))
	if ppem <= 0 {
		return
	}
	scale := int32(t.Scale)
	if scale <= 0 {
		scale = 1000
	}
	base := int(math.Round(c.px(t.Y + dy)))
	// A run whose baseline is more than two ems away from the canvas
	// cannot reach it.
	em := int(ppem/64) + 2
	if base+2*em < c.img.Rect.Min.Y || base-2*em > c.img.Rect.Max.Y {
		return
	}
	key := maskKey{face: t.Face, scale: scale, ppem: ppem}
	x0 := t.X + dx
	for _, g := range t.Glyphs {
		gx := c.px(x0 + g.X)
		ix := math.Floor(gx)
		sub := int(math.Round((gx - ix) * subpixels))
		if sub == subpixels {
			ix++
			sub = 0
		}
		key.gid, key.sub = g.ID, uint8(sub)
		m := r.masks[key]
		if m == nil {
			m = r.rasterise(key)
		}
		blend(c.img, m, int(ix)+m.x, base+m.y, t.Color.RGB)
	}
}

// outline returns a glyph's outline in font units, y up.
func (r *Renderer) outline(f *shape.Face, gid uint16) []font.Segment {
	k := outlineKey{f, gid}
	if s, ok := r.outlines[k]; ok {
		return s
	}
	var segs []font.Segment
	if o, ok := r.fontFace(f).GlyphDataOutline(font.GID(gid)); ok {
		segs = o.Segments
	}
	r.outlines[k] = segs
	return segs
}

// fontFace returns the renderer's go-text face of f (go-text faces keep
// caches and are not to be shared between goroutines).
func (r *Renderer) fontFace(f *shape.Face) *font.Face {
	ff := r.faces[f]
	if ff == nil {
		ff = font.NewFace(f.Font())
		r.faces[f] = ff
	}
	return ff
}

// rasterise makes and keeps the mask of k.
func (r *Renderer) rasterise(k maskKey) *mask {
	if r.maskSize > maxMaskBytes {
		clear(r.masks)
		r.maskSize = 0
	}
	m := &mask{}
	r.masks[k] = m
	segs := r.outline(k.face, k.gid)
	if len(segs) == 0 {
		return m // a space
	}
	upem := float64(k.face.Upem)
	if upem <= 0 {
		upem = 1000
	}
	sy := float64(k.ppem) / 64 / upem
	sx := sy * float64(k.scale) / 1000
	off := float64(k.sub) / subpixels
	*m = r.fillOutline(segs, sx, sy, off)
	r.maskSize += len(m.pix) + 64
	return m
}

// fillOutline rasterises an outline given in font units, y up: scaled by
// sx, sy, moved right by off pixels, y turned down. The mask's x, y place
// it relative to the pixel of the origin.
func (r *Renderer) fillOutline(segs []font.Segment, sx, sy, off float64) mask {
	// The control points hold the outline, so their box holds its ink.
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range segs {
		for _, p := range segs[i].ArgsSlice() {
			x, y := off+float64(p.X)*sx, -float64(p.Y)*sy
			minX, maxX = min(minX, x), max(maxX, x)
			minY, maxY = min(minY, y), max(maxY, y)
		}
	}
	x0, y0 := math.Floor(minX), math.Floor(minY)
	w, h := int(math.Ceil(maxX)-x0), int(math.Ceil(maxY)-y0)
	if w <= 0 || h <= 0 {
		return mask{}
	}
	pt := func(p font.SegmentPoint) (float32, float32) {
		return float32(off + float64(p.X)*sx - x0), float32(-float64(p.Y)*sy - y0)
	}
	z := &r.ras
	z.Reset(w, h)
	open := false
	for _, s := range segs {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			if open {
				z.ClosePath()
			}
			z.MoveTo(pt(s.Args[0]))
			open = true
		case ot.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			z.QuadTo(bx, by, cx, cy)
		case ot.SegmentOpCubeTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			dx, dy := pt(s.Args[2])
			z.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	if open {
		z.ClosePath()
	}
	pix := append([]uint8(nil), r.coverage(z)...)
	return mask{x: int(x0), y: int(y0), w: w, h: h, pix: pix}
}

// blend paints col through m with its top-left pixel at x, y, clipped to
// img. The canvas is opaque, so only the colour channels change.
func blend(img *image.RGBA, m *mask, x, y int, col [3]uint8) {
	b := img.Rect
	i0, j0, i1, j1 := 0, 0, m.w, m.h
	i0 = max(i0, b.Min.X-x)
	j0 = max(j0, b.Min.Y-y)
	i1 = min(i1, b.Max.X-x)
	j1 = min(j1, b.Max.Y-y)
	if i0 >= i1 || j0 >= j1 {
		return
	}
	cr, cg, cb := uint32(col[0]), uint32(col[1]), uint32(col[2])
	for j := j0; j < j1; j++ {
		src := m.pix[j*m.w+i0 : j*m.w+i1]
		o := img.PixOffset(x+i0, y+j)
		dst := img.Pix[o : o+4*len(src)]
		for i, a := range src {
			switch a {
			case 0:
				continue
			case 0xff:
				dst[4*i], dst[4*i+1], dst[4*i+2] = col[0], col[1], col[2]
				continue
			}
			sa, da := uint32(a), 255-uint32(a)
			d := dst[4*i : 4*i+3 : 4*i+3]
			d[0] = div255(uint32(d[0])*da + cr*sa)
			d[1] = div255(uint32(d[1])*da + cg*sa)
			d[2] = div255(uint32(d[2])*da + cb*sa)
		}
	}
}

// div255 returns v/255 rounded, for v up to 255·255.
func div255(v uint32) uint8 {
	v += 128
	return uint8((v + v>>8) >> 8)
}
