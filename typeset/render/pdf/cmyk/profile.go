// Package cmyk separates photos into process CMYK through an ICC output
// profile, the way a prepress RIP does: sRGB pixels become CIE XYZ (D50),
// then CIELAB, which the profile's perceptual B-to-A table (input curves,
// a three-dimensional colour lookup table, output curves) turns into ink
// percentages. Only what print profiles of the ICC v2 era use is read:
// lut16Type and lut8Type tables with a Lab connection space.
package cmyk

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// Profile is the part of an ICC output profile needed to separate colours:
// its header facts and the perceptual Lab → CMYK table. It is immutable and
// safe to share.
type Profile struct {
	Version     uint32 // header version, e.g. 0x02200000
	Class       string // "prtr" for an output profile
	ColorSpace  string // "CMYK"
	PCS         string // "Lab "
	Description string
	toDevice    *lut // BToA0, the perceptual rendering
}

// Parse reads an ICC profile. It refuses what it cannot separate with: a
// profile that is not CMYK, not Lab-based, or whose perceptual B-to-A table
// is missing or of another type than lut16/lut8.
func Parse(data []byte) (*Profile, error) {
	if len(data) < 132 {
		return nil, fmt.Errorf("icc: %d bytes is too short for a profile", len(data))
	}
	be := binary.BigEndian
	if size := be.Uint32(data[0:]); int(size) > len(data) {
		return nil, fmt.Errorf("icc: header says %d bytes, the data has %d", size, len(data))
	}
	if string(data[36:40]) != "acsp" {
		return nil, fmt.Errorf("icc: no 'acsp' signature: not an ICC profile")
	}
	p := &Profile{
		Version:    be.Uint32(data[8:]),
		Class:      string(data[12:16]),
		ColorSpace: string(data[16:20]),
		PCS:        string(data[20:24]),
	}
	if p.ColorSpace != "CMYK" {
		return nil, fmt.Errorf("icc: colour space %q, want CMYK", p.ColorSpace)
	}
	if p.PCS != "Lab " {
		return nil, fmt.Errorf("icc: connection space %q: only Lab profiles are supported", p.PCS)
	}
	if p.Version>>24 != 2 {
		return nil, fmt.Errorf("icc: version %d.%d: only ICC v2 profiles are supported", p.Version>>24, p.Version>>20&0xf)
	}
	tags, err := readTags(data)
	if err != nil {
		return nil, err
	}
	if d, ok := tags["desc"]; ok {
		p.Description = textDescription(d)
	}
	b2a, ok := tags["B2A0"]
	if !ok {
		return nil, fmt.Errorf("icc: no perceptual B-to-A table (B2A0)")
	}
	if p.toDevice, err = parseLut(b2a); err != nil {
		return nil, fmt.Errorf("icc: B2A0: %w", err)
	}
	if p.toDevice.in != 3 || p.toDevice.out != 4 {
		return nil, fmt.Errorf("icc: B2A0 maps %d to %d channels, want Lab (3) to CMYK (4)", p.toDevice.in, p.toDevice.out)
	}
	return p, nil
}

// readTags returns each tag's data by signature.
func readTags(data []byte) (map[string][]byte, error) {
	be := binary.BigEndian
	n := int(be.Uint32(data[128:]))
	if n > (len(data)-132)/12 {
		return nil, fmt.Errorf("icc: tag table of %d entries runs past the end", n)
	}
	tags := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		e := data[132+12*i:]
		off, size := int64(be.Uint32(e[4:])), int64(be.Uint32(e[8:]))
		if off+size > int64(len(data)) {
			return nil, fmt.Errorf("icc: tag %q runs past the end", e[0:4])
		}
		tags[string(e[0:4])] = data[off : off+size]
	}
	return tags, nil
}

// textDescription reads the ASCII part of a v2 textDescriptionType.
func textDescription(d []byte) string {
	if len(d) < 12 || string(d[0:4]) != "desc" {
		return ""
	}
	n := int(binary.BigEndian.Uint32(d[8:]))
	if n > len(d)-12 {
		n = len(d) - 12
	}
	return strings.TrimRight(string(d[12:12+n]), "\x00")
}

// lut is a lut16Type or lut8Type table with its values scaled to 0…1:
// input curves, an in-dimensional grid of out-channel points, output
// curves.
type lut struct {
	in, out  int
	grid     int         // points per grid dimension
	inCurve  [][]float64 // per input channel
	clut     []float64   // grid^in points × out channels, first input varies slowest
	outCurve [][]float64 // per output channel
	bits16   bool        // lut16 (v2 16-bit Lab encoding) rather than lut8
}

func parseLut(d []byte) (*lut, error) {
	if len(d) < 48 {
		return nil, fmt.Errorf("table too short")
	}
	be := binary.BigEndian
	t := &lut{in: int(d[8]), out: int(d[9]), grid: int(d[10])}
	if t.in < 1 || t.in > 4 || t.out < 1 || t.out > 8 || t.grid < 2 {
		return nil, fmt.Errorf("unusable table shape %d→%d, %d grid points", t.in, t.out, t.grid)
	}
	var inN, outN, width int
	pos := 48
	switch string(d[0:4]) {
	case "mft2":
		if len(d) < 52 {
			return nil, fmt.Errorf("table too short")
		}
		inN, outN, width, pos = int(be.Uint16(d[48:])), int(be.Uint16(d[50:])), 2, 52
		t.bits16 = true
	case "mft1":
		inN, outN, width = 256, 256, 1
	default:
		return nil, fmt.Errorf("table type %q is not supported (lut16 or lut8 only)", d[0:4])
	}
	if inN < 2 || outN < 2 {
		return nil, fmt.Errorf("curves of %d and %d entries", inN, outN)
	}
	points := 1
	for i := 0; i < t.in; i++ {
		points *= t.grid
	}
	need := pos + width*(t.in*inN+points*t.out+t.out*outN)
	if len(d) < need {
		return nil, fmt.Errorf("table needs %d bytes, has %d", need, len(d))
	}
	max := float64(0xFF)
	if width == 2 {
		max = 0xFFFF
	}
	read := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			if width == 2 {
				v[i] = float64(be.Uint16(d[pos:])) / max
			} else {
				v[i] = float64(d[pos]) / max
			}
			pos += width
		}
		return v
	}
	for i := 0; i < t.in; i++ {
		t.inCurve = append(t.inCurve, read(inN))
	}
	t.clut = read(points * t.out)
	for i := 0; i < t.out; i++ {
		t.outCurve = append(t.outCurve, read(outN))
	}
	return t, nil
}

// curve looks x (0…1) up in a sampled curve, interpolating linearly.
func curve(c []float64, x float64) float64 {
	if x <= 0 {
		return c[0]
	}
	if x >= 1 {
		return c[len(c)-1]
	}
	f := x * float64(len(c)-1)
	i := int(f)
	return c[i] + (f-float64(i))*(c[i+1]-c[i])
}

// eval3 runs a three-input table: curves, tetrahedral interpolation in the
// grid (the cube around the point is cut into six tetrahedra along its grey
// diagonal, so neutrals interpolate between neutrals only), curves.
func (t *lut) eval3(x [3]float64, out []float64) {
	var idx [3]int
	var frac [3]float64
	g := t.grid - 1
	for i := 0; i < 3; i++ {
		v := curve(t.inCurve[i], x[i]) * float64(g)
		k := int(v)
		if k >= g {
			k = g - 1
		}
		if k < 0 {
			k = 0
		}
		idx[i], frac[i] = k, v-float64(k)
	}
	n := t.out
	s0 := t.grid * t.grid * n // stride of the first input
	s1 := t.grid * n
	s2 := n
	base := idx[0]*s0 + idx[1]*s1 + idx[2]*s2
	fx, fy, fz := frac[0], frac[1], frac[2]
	// Corners of the tetrahedron after the origin, by the order of the
	// fractions.
	var a, b, c int // offsets of the 2nd, 3rd, 4th vertex
	var w1, w2, w3 float64
	switch {
	case fx >= fy && fy >= fz:
		a, b, c = s0, s0+s1, s0+s1+s2
		w1, w2, w3 = fx, fy, fz
	case fx >= fz && fz >= fy:
		a, b, c = s0, s0+s2, s0+s1+s2
		w1, w2, w3 = fx, fz, fy
	case fz >= fx && fx >= fy:
		a, b, c = s2, s0+s2, s0+s1+s2
		w1, w2, w3 = fz, fx, fy
	case fy >= fx && fx >= fz:
		a, b, c = s1, s0+s1, s0+s1+s2
		w1, w2, w3 = fy, fx, fz
	case fy >= fz && fz >= fx:
		a, b, c = s1, s1+s2, s0+s1+s2
		w1, w2, w3 = fy, fz, fx
	default: // fz >= fy >= fx
		a, b, c = s2, s1+s2, s0+s1+s2
		w1, w2, w3 = fz, fy, fx
	}
	for ch := 0; ch < n; ch++ {
		p0 := t.clut[base+ch]
		p1 := t.clut[base+a+ch]
		p2 := t.clut[base+b+ch]
		p3 := t.clut[base+c+ch]
		v := p0 + w1*(p1-p0) + w2*(p2-p1) + w3*(p3-p2)
		out[ch] = curve(t.outCurve[ch], v)
	}
}
