package cmyk

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"
)

// D50 is the white of the ICC connection space (CIE XYZ, Y = 1).
var d50 = [3]float64{0.9642, 1.0, 0.8249}

// srgbToXYZ is the sRGB (IEC 61966-2-1) matrix from linear RGB to XYZ,
// Bradford-adapted from the sRGB D65 white to D50, as the ICC's own sRGB
// profiles carry it.
var srgbToXYZ = [3][3]float64{
	{0.4360747, 0.3850649, 0.1430804},
	{0.2225045, 0.7168786, 0.0606169},
	{0.0139322, 0.0971045, 0.7141733},
}

// Linear returns the linear light of an sRGB-encoded value (0…1).
func Linear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// SRGBToLab converts an 8-bit sRGB colour to CIELAB relative to D50.
func SRGBToLab(r, g, b uint8) (L, a, bb float64) {
	return srgbToLab(float64(r)/255, float64(g)/255, float64(b)/255)
}

// srgbToLab converts sRGB values 0…1 to CIELAB (D50).
func srgbToLab(r, g, b float64) (L, a, bb float64) {
	return linearToLab(Linear(r), Linear(g), Linear(b))
}

// linearToLab converts linear-light sRGB values 0…1 to CIELAB (D50).
func linearToLab(r, g, b float64) (L, a, bb float64) {
	lin := [3]float64{r, g, b}
	var xyz [3]float64
	for i := range xyz {
		xyz[i] = srgbToXYZ[i][0]*lin[0] + srgbToXYZ[i][1]*lin[1] + srgbToXYZ[i][2]*lin[2]
	}
	return XYZToLab(xyz)
}

// XYZToLab converts CIE XYZ (D50, Y = 1 for the white) to CIELAB.
func XYZToLab(xyz [3]float64) (L, a, b float64) {
	f := func(t float64) float64 {
		const e = 216.0 / 24389
		const k = 24389.0 / 27
		if t > e {
			return math.Cbrt(t)
		}
		return (k*t + 16) / 116
	}
	fx, fy, fz := f(xyz[0]/d50[0]), f(xyz[1]/d50[1]), f(xyz[2]/d50[2])
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

// LabToCMYK separates a CIELAB colour through the perceptual table: ink
// percentages C, M, Y, K (0…100).
func (p *Profile) LabToCMYK(L, a, b float64) [4]float64 {
	var x [3]float64
	if p.toDevice.bits16 {
		// ICC v2 16-bit Lab: L 0…100 → 0…0xFF00, a and b −128…127.996
		// → 0…0xFFFF with 0 at 0x8000.
		x = [3]float64{L * 0xFF00 / 100 / 0xFFFF, (a + 128) * 256 / 0xFFFF, (b + 128) * 256 / 0xFFFF}
	} else {
		x = [3]float64{L / 100, (a + 128) / 255, (b + 128) / 255}
	}
	for i := range x {
		x[i] = math.Min(1, math.Max(0, x[i]))
	}
	var out [4]float64
	p.toDevice.eval3(x, out[:])
	for i := range out {
		out[i] = math.Min(100, math.Max(0, out[i]*100))
	}
	return out
}

// SRGBToCMYK separates one sRGB colour exactly (no precomputed grid).
func (p *Profile) SRGBToCMYK(r, g, b uint8) [4]float64 {
	return p.LabToCMYK(SRGBToLab(r, g, b))
}

// Transform separates sRGB pixels fast: the exact conversion is sampled on
// a grid over the sRGB cube once, and pixels interpolate in it
// tetrahedrally. It keeps every pixel within the ink limit. A Transform is
// immutable and safe for concurrent use.
type Transform struct {
	limit int // total ink, in 1/255 of a percent-point sum (255 = 100 %)
	// node holds C, M, Y, K (0…255 scaled by 256) for every grid point,
	// red varying slowest.
	node []int32
}

// gridN points per axis: nodes 255/64 apart in 8-bit sRGB. The perceptual
// table compresses dark saturated colours steeply; with 33 nodes pixels there
// came out up to 3.8 % ink off the exact conversion, with 65 they stay
// within 1.2 % (TestTransformGrid). Sampling costs about 40 ms once a build.
const gridN = 65

// NewTransform samples p for sRGB sources; inkLimit is the highest total of
// C+M+Y+K in percent (0 = 400, no limit). Grid points over the limit have
// their C, M and Y reduced in proportion (black stays, so detail in the
// shadows does), and since interpolation mixes grid points, pixels stay
// within it too, up to rounding, which Image corrects.
func NewTransform(p *Profile, inkLimit int) *Transform {
	if inkLimit <= 0 || inkLimit > 400 {
		inkLimit = 400
	}
	t := &Transform{limit: inkLimit * 255 / 100, node: make([]int32, gridN*gridN*gridN*4)}
	// The grid's levels, linearised once (srgbToLab would take each
	// one's power again at every node).
	var lin [gridN]float64
	for i := range lin {
		lin[i] = Linear(level(i))
	}
	var wg sync.WaitGroup
	for r := 0; r < gridN; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for g := 0; g < gridN; g++ {
				for b := 0; b < gridN; b++ {
					c := p.LabToCMYK(linearToLab(lin[r], lin[g], lin[b]))
					limitInk(&c, float64(inkLimit))
					i := ((r*gridN+g)*gridN + b) * 4
					for k := 0; k < 4; k++ {
						t.node[i+k] = int32(math.Round(c[k] * 255 * 256 / 100))
					}
				}
			}
		}(r)
	}
	wg.Wait()
	return t
}

// level is the sRGB value (0…1) of grid point i.
func level(i int) float64 { return float64(i) / (gridN - 1) }

// limitInk scales C, M and Y down so that the total is at most limit.
func limitInk(c *[4]float64, limit float64) {
	sum := c[0] + c[1] + c[2] + c[3]
	if sum <= limit {
		return
	}
	cmy := c[0] + c[1] + c[2]
	room := math.Max(0, limit-c[3])
	if cmy <= 0 {
		c[3] = limit
		return
	}
	for i := 0; i < 3; i++ {
		c[i] *= room / cmy
	}
	if c[3] > limit {
		c[3] = limit
	}
}

// Pixel separates one sRGB colour through the grid: C, M, Y, K as 0…255.
func (t *Transform) Pixel(r, g, b uint8) [4]uint8 {
	var out [4]uint8
	t.pixel(r, g, b, out[:])
	return out
}

func (t *Transform) pixel(r, g, b uint8, out []byte) {
	// Position in the grid in 1/256 of a cell: value × (gridN−1)/255.
	pos := func(v uint8) (int, int32) {
		p := int32(v) * (gridN - 1) * 256 / 255
		i := int(p >> 8)
		if i >= gridN-1 {
			return gridN - 2, 256
		}
		return i, p & 0xff
	}
	ri, fr := pos(r)
	gi, fg := pos(g)
	bi, fb := pos(b)
	const s0, s1, s2 = gridN * gridN * 4, gridN * 4, 4
	base := ri*s0 + gi*s1 + bi*s2
	var a, bo, c int
	var w1, w2, w3 int32
	switch {
	case fr >= fg && fg >= fb:
		a, bo, c, w1, w2, w3 = s0, s0+s1, s0+s1+s2, fr, fg, fb
	case fr >= fb && fb >= fg:
		a, bo, c, w1, w2, w3 = s0, s0+s2, s0+s1+s2, fr, fb, fg
	case fb >= fr && fr >= fg:
		a, bo, c, w1, w2, w3 = s2, s0+s2, s0+s1+s2, fb, fr, fg
	case fg >= fr && fr >= fb:
		a, bo, c, w1, w2, w3 = s1, s0+s1, s0+s1+s2, fg, fr, fb
	case fg >= fb && fb >= fr:
		a, bo, c, w1, w2, w3 = s1, s1+s2, s0+s1+s2, fg, fb, fr
	default:
		a, bo, c, w1, w2, w3 = s2, s1+s2, s0+s1+s2, fb, fg, fr
	}
	n := t.node[base:]
	sum := 0
	for k := 0; k < 4; k++ {
		p0, p1, p2, p3 := n[k], n[a+k], n[bo+k], n[c+k]
		v := p0 + (w1*(p1-p0)+w2*(p2-p1)+w3*(p3-p2))>>8
		v = (v + 128) >> 8
		if v < 0 {
			v = 0
		} else if v > 255 {
			v = 255
		}
		out[k] = byte(v)
		sum += int(v)
	}
	// Rounding four channels may overshoot the limit by a few 1/255.
	for sum > t.limit {
		j := 0
		for k := 1; k < 3; k++ {
			if out[k] > out[j] {
				j = k
			}
		}
		if out[j] == 0 {
			j = 3
		}
		out[j]--
		sum--
	}
}

// Image separates the pixels of img inside r into an 8-bit CMYK sample
// array, rows top to bottom, 4 bytes a pixel (as PDF /DeviceCMYK wants:
// 0 = no ink). Transparent pixels are composited over white paper.
func (t *Transform) Image(img image.Image, r image.Rectangle) []byte {
	r = r.Intersect(img.Bounds())
	w, h := r.Dx(), r.Dy()
	out := make([]byte, w*h*4)
	workers := runtime.GOMAXPROCS(0)
	if workers > h {
		workers = h
	}
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for y := k; y < h; y += workers {
				row := out[y*w*4 : (y+1)*w*4]
				t.row(img, r.Min.X, r.Min.Y+y, w, row)
			}
		}(k)
	}
	wg.Wait()
	return out
}

// row separates one row, with fast paths for the decoders' usual types.
func (t *Transform) row(img image.Image, x0, y, w int, row []byte) {
	switch m := img.(type) {
	case *image.YCbCr:
		for x := 0; x < w; x++ {
			yi, ci := m.YOffset(x0+x, y), m.COffset(x0+x, y)
			r, g, b := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
			t.pixel(r, g, b, row[x*4:x*4+4])
		}
	case *image.Gray:
		for x := 0; x < w; x++ {
			v := m.Pix[m.PixOffset(x0+x, y)]
			t.pixel(v, v, v, row[x*4:x*4+4])
		}
	case *image.RGBA:
		for x := 0; x < w; x++ {
			i := m.PixOffset(x0+x, y)
			t.pixel(overWhite(m.Pix[i], m.Pix[i+3]), overWhite(m.Pix[i+1], m.Pix[i+3]), overWhite(m.Pix[i+2], m.Pix[i+3]), row[x*4:x*4+4])
		}
	default:
		for x := 0; x < w; x++ {
			r, g, b, a := img.At(x0+x, y).RGBA()
			// Premultiplied: add the white that shows through.
			white := 0xffff - a
			t.pixel(uint8((r+white)>>8), uint8((g+white)>>8), uint8((b+white)>>8), row[x*4:x*4+4])
		}
	}
}

// overWhite composites a premultiplied 8-bit value over white.
func overWhite(v, a uint8) uint8 { return v + (255 - a) }
