package raster

import (
	"bytes"
	"image"
	_ "image/jpeg" // photos come as JPEG or PNG
	_ "image/png"
	"math"

	"golang.org/x/image/draw"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/units"
)

// picture is a decoded photo and its reductions: levels[0] is the photo,
// each next level half the size of the one before. A thumbnail is drawn
// from the level nearest above its size, so that the final scaling is by
// less than two and a cheap filter does not alias, and so that its cost
// follows the frame's pixels, not the photo's.
type picture struct {
	levels []*image.RGBA
	opaque bool
	bad    bool // not decodable: drawn as a grey box
}

// picture decodes p on first use.
func (r *Renderer) picture(p *display.Picture) *picture {
	if pc, ok := r.pictures[p]; ok {
		return pc
	}
	pc := &picture{}
	r.pictures[p] = pc
	img, _, err := image.Decode(bytes.NewReader(p.Data))
	if err != nil || img.Bounds().Empty() {
		pc.bad = true
		return pc
	}
	b := img.Bounds()
	full := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(full, full.Rect, img, b.Min, draw.Src)
	pc.levels = []*image.RGBA{full}
	pc.opaque = full.Opaque()
	return pc
}

// level returns reduction n (or the smallest there is) and how many photo
// pixels one of its pixels spans.
func (pc *picture) level(n int) (*image.RGBA, int) {
	for len(pc.levels) <= n {
		last := pc.levels[len(pc.levels)-1]
		if last.Rect.Dx() < 2 || last.Rect.Dy() < 2 {
			break
		}
		pc.levels = append(pc.levels, halve(last))
	}
	n = min(n, len(pc.levels)-1)
	return pc.levels[n], 1 << n
}

// halve averages each 2×2 block of src into one pixel; an odd last row or
// column is averaged with itself, so that every pixel spans exactly two.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, (w+1)/2, (h+1)/2))
	for y := 0; y < dst.Rect.Dy(); y++ {
		r0 := src.Pix[2*y*src.Stride:]
		r1 := r0
		if 2*y+1 < h {
			r1 = src.Pix[(2*y+1)*src.Stride:]
		}
		out := dst.Pix[y*dst.Stride:]
		for x := 0; x < dst.Rect.Dx(); x++ {
			i, j := 8*x, 8*x+4
			if 2*x+1 >= w {
				j = i
			}
			for c := 0; c < 4; c++ {
				s := uint32(r0[i+c]) + uint32(r0[j+c]) + uint32(r1[i+c]) + uint32(r1[j+c])
				out[4*x+c] = uint8((s + 2) / 4)
			}
		}
	}
	return dst
}

// image draws the Crop of a photo into its frame. Reductions are drawn
// with bilinear filtering (after the halving that keeps it within a factor
// of two); enlargements, which show the filter, with Catmull-Rom.
func (r *Renderer) image(c *canvas, im *display.Image, dx, dy units.Length) {
	if im.Picture == nil {
		return
	}
	x0, y0 := c.px(im.X+dx), c.px(im.Y+dy)
	x1, y1 := x0+c.px(im.W), y0+c.px(im.H)
	dr := image.Rect(iround(x0), iround(y0), iround(x1), iround(y1))
	if dr.Empty() || !dr.Overlaps(c.img.Rect) {
		return
	}
	pc := r.picture(im.Picture)
	if pc.bad {
		r.fill(c, [3]uint8{0xc8, 0xc8, 0xc8}, box(x0, y0, x1, y1))
		return
	}
	full := pc.levels[0].Rect
	crop := im.Crop
	if crop.Empty() {
		crop = full
	}
	crop = crop.Intersect(full)
	if crop.Empty() {
		return
	}
	ratio := min(float64(crop.Dx())/float64(dr.Dx()), float64(crop.Dy())/float64(dr.Dy()))
	n := 0
	for ratio >= 2 {
		ratio /= 2
		n++
	}
	src, f := pc.level(n)
	ff := float64(f)
	sr := image.Rect(iround(float64(crop.Min.X)/ff), iround(float64(crop.Min.Y)/ff),
		iround(float64(crop.Max.X)/ff), iround(float64(crop.Max.Y)/ff)).Intersect(src.Rect)
	if sr.Empty() {
		return
	}
	var interp draw.Interpolator = draw.ApproxBiLinear
	if float64(sr.Dx()) < float64(dr.Dx()) {
		interp = draw.CatmullRom
	}
	op := draw.Src
	if !pc.opaque {
		op = draw.Over
	}
	interp.Scale(c.img, dr, src, sr, op, nil)
}

func iround(v float64) int { return int(math.Round(v)) }
