package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/units"
)

// page writes one page's content stream: the display items, then the
// marks around the page.
func (wr *writer) page(pj *pageJob) error {
	pj.used = map[string]bool{}
	c := &content{wr: wr, pj: pj, h: pj.pg.Height, ox: pj.margin, oy: pj.margin, tz: 100}
	var err error
	display.Walk(pj.pg.Items, 0, 0, func(it display.Item, dx, dy units.Length) {
		if err != nil {
			return
		}
		switch it := it.(type) {
		case *display.Text:
			c.text(it, dx, dy)
		case *display.Rule:
			c.rule(it, dx, dy)
		case *display.Rect:
			c.rect(it, dx, dy)
		case *display.Image:
			err = c.image(it, dx, dy)
		case *display.Link:
			if wr.opt.Mode == EPaper {
				pj.links = append(pj.links, c.link(it, dx, dy))
			}
		}
	})
	if err != nil {
		return err
	}
	c.marks(&pj.marks)
	pj.content = c.b.Bytes()
	return nil
}

// content accumulates a page's operators; the finishing stage compresses
// them into the page's content stream.
type content struct {
	wr *writer
	pj *pageJob
	// The text state and colours in force: a stream sets them only when
	// they change (text state outlives BT … ET), which keeps streams
	// short, so that they deflate fast.
	tc        float64 // the character spacing (Tc)
	font      *fontRes
	size, tz  float64 // font size (Tf), horizontal scaling (Tz, %)
	fillCol   []byte  // the operands of the fill colour, "" before the first
	strokeCol []byte
	gaps      []float64    // letterSpace's scratch
	h         units.Length // page height, to flip y
	ox, oy    float64      // where the trim's bottom-left corner is in the media box, pt
	b         bytes.Buffer
	num       []byte
	// overprint is whether the overprinting graphics state is in force
	// (print only): 100 % black overprints, everything else knocks out.
	overprint bool
}

// n writes a number in points, at most three decimals.
func (c *content) n(v float64) {
	c.num = appendMilli(c.num[:0], int64(v*1000+0.5*sign(v)))
	c.b.Write(c.num)
	c.b.WriteByte(' ')
}

// appendMilli writes m thousandths as a decimal without trailing zeros:
// the shortest form of round3's value (strconv.AppendFloat(round3(v),
// 'f', -1, 64)), without the cost of finding it.
func appendMilli(dst []byte, m int64) []byte {
	if m < 0 {
		dst = append(dst, '-')
		m = -m
	}
	dst = strconv.AppendInt(dst, m/1000, 10)
	if f := m % 1000; f != 0 {
		digits := [4]byte{'.', byte('0' + f/100), byte('0' + f/10%10), byte('0' + f%10)}
		n := 4
		for digits[n-1] == '0' {
			n--
		}
		dst = append(dst, digits[:n]...)
	}
	return dst
}

func round3(v float64) float64 {
	r := float64(int64(v*1000+0.5*sign(v))) / 1000
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

func (c *content) x(v units.Length)         { c.n(c.ox + v.Points()) }
func (c *content) y(v units.Length)         { c.n(c.oy + (c.h - v).Points()) }
func (c *content) length(v units.Length)    { c.n(v.Points()) }
func (c *content) op(s string)              { c.b.WriteString(s); c.b.WriteByte('\n') }
func (c *content) fill(col display.Color)   { c.color(col, false) }
func (c *content) stroke(col display.Color) { c.color(col, true) }

// color sets a colour: process CMYK for print, RGB for the e-paper. In
// print, solid black (K 100, no other ink) overprints, so that a slightly
// misregistered plate cannot leave a white halo around type and rules;
// every other colour knocks out what is under it.
func (c *content) color(col display.Color, stroke bool) {
	if c.wr.opt.Mode == Print {
		c.setOverprint(col.CMYK == [4]float64{0, 0, 0, 100})
	}
	// The operands are written first and taken back when they repeat
	// the colour in force.
	at := c.b.Len()
	var op string
	if c.wr.opt.Mode == Print {
		for _, v := range col.CMYK {
			c.n(v / 100)
		}
		op = "k"
	} else {
		for _, v := range col.RGB {
			c.n(float64(v) / 255)
		}
		op = "rg"
	}
	cur := &c.fillCol
	if stroke {
		cur, op = &c.strokeCol, strings.ToUpper(op)
	}
	if ops := c.b.Bytes()[at:]; bytes.Equal(ops, *cur) {
		c.b.Truncate(at)
		return
	}
	*cur = append((*cur)[:0], c.b.Bytes()[at:]...)
	c.op(op)
}

// setOverprint switches between the two graphics states of print pages
// (resources added by the finishing stage).
func (c *content) setOverprint(on bool) {
	if on == c.overprint {
		return
	}
	c.overprint = on
	if on {
		c.op("/" + gsOverprint + " gs")
	} else {
		c.op("/" + gsKnockout + " gs")
	}
}

func (c *content) rule(r *display.Rule, dx, dy units.Length) {
	c.stroke(r.Color)
	c.length(r.Width)
	c.op("w")
	c.x(r.X1 + dx)
	c.y(r.Y1 + dy)
	c.op("m")
	c.x(r.X2 + dx)
	c.y(r.Y2 + dy)
	c.op("l S")
}

func (c *content) rect(r *display.Rect, dx, dy units.Length) {
	path := func() {
		c.x(r.X + dx)
		c.y(r.Y + dy + r.H)
		c.length(r.W)
		c.length(r.H)
		c.b.WriteString("re ")
	}
	if r.Fill != nil {
		c.fill(*r.Fill)
		path()
		c.op("f")
	}
	if r.Stroke != nil && r.LineWidth > 0 {
		c.stroke(*r.Stroke)
		c.length(r.LineWidth)
		c.op("w")
		path()
		c.op("S")
	}
}

// text writes a run as one TJ array per stretch of glyphs, with the
// adjustments that put every glyph exactly at its X. Glyphs that stand for
// other text (ligatures) are wrapped in ActualText so that copying and
// searching see the letters.
func (c *content) text(t *display.Text, dx, dy units.Length) {
	fr := c.wr.fonts[t.Face]
	if fr == nil || len(t.Glyphs) == 0 {
		return
	}
	size := t.Size.Points()
	scale := 1.0
	if t.Scale != 0 && t.Scale != 1000 {
		scale = float64(t.Scale) / 1000
	}
	c.pj.used[fr.name] = true
	c.fill(t.Color)
	c.b.WriteString("BT ")
	if sz := round3(size); fr != c.font || sz != c.size {
		c.b.WriteByte('/')
		c.b.WriteString(fr.name)
		c.b.WriteByte(' ')
		c.n(sz)
		c.b.WriteString("Tf ")
		c.font, c.size = fr, sz
	}
	if tz := round3(scale * 100); tz != c.tz {
		c.n(tz)
		c.b.WriteString("Tz ")
		c.tz = tz
	}
	// Letter spacing (justification's share of the boxes, a style's
	// tracking) is the same after every glyph of a run: set it once as the
	// character spacing, so that the TJ array needs no number between
	// letters; Tc is scaled by Tz like the advances.
	tc := round3(c.letterSpace(t, size, scale) / scale)
	if tc != c.tc {
		c.n(tc)
		c.b.WriteString("Tc ")
		c.tc = tc
	}
	// BT starts at the origin: Td from there is the run's Tm.
	c.x(t.X + dx)
	c.y(t.Y + dy)
	c.op("Td")
	// Glyphs follow each other in one hex string until a kerning or
	// justification adjustment, or a glyph with its own text, breaks it.
	open, hex := false, false
	var pen float64 // where the pen is, in points from the run's origin
	closeHex := func() {
		if hex {
			c.b.WriteByte('>')
			hex = false
		}
	}
	altK := 0 // where the walk over t.Alt has got to
	for i, g := range t.Glyphs {
		gx := g.X.Points()
		var alt string
		var own bool // a glyph with its own ActualText ("" for none at all)
		alt, own, altK = t.AltAt(i, altK)
		if own && open {
			closeHex()
			c.b.WriteString("] TJ\n")
			open = false
		}
		if own {
			c.b.WriteString("/Span <</ActualText ")
			if alt == "" {
				c.b.WriteString("()")
			} else {
				c.b.WriteString(utf16Hex(alt))
			}
			c.b.WriteString(">> BDC ")
		}
		if !open {
			c.b.WriteByte('[')
			open = true
		}
		if i > 0 || gx != 0 {
			// TJ moves the pen back by adj/1000 of the scaled size.
			// An error under 0.005 pt (1/14,400 in) is left alone, and
			// adj is written to a tenth (0.0001 em): the pen follows
			// where the viewer will put it, so such errors never add up.
			if d := pen - gx; d >= 0.005 || d <= -0.005 {
				adj := math.Round(d*10000/(size*scale)) / 10
				if adj != 0 {
					closeHex()
					c.n(adj)
					pen -= adj * size * scale / 1000
				}
			}
		} else {
			pen = gx
		}
		if !hex {
			c.b.WriteByte('<')
			hex = true
		}
		hex4(&c.b, uint16(g.Code))
		pen += (width0(t.Face, g.ID)*size/1000 + tc) * scale
		if own {
			closeHex()
			c.b.WriteString("] TJ EMC\n")
			open = false
		}
	}
	if open {
		closeHex()
		c.b.WriteString("] TJ")
	}
	c.op(" ET")
}

// letterSpace is the space a run leaves after each glyph beyond its
// advance, in points: the median of the gaps between letters (not next to
// a space, where word spacing adds its own), 0 for a run too short to tell.
func (c *content) letterSpace(t *display.Text, size, scale float64) float64 {
	gaps := c.gaps[:0]
	for i := 0; i+1 < len(t.Glyphs); i++ {
		g, n := t.Glyphs[i], t.Glyphs[i+1]
		if g.Code == ' ' || n.Code == ' ' {
			continue
		}
		gaps = append(gaps, n.X.Points()-g.X.Points()-width0(t.Face, g.ID)*size*scale/1000)
	}
	c.gaps = gaps
	if len(gaps) < 3 {
		return 0
	}
	m := nth(gaps, len(gaps)/2)
	if math.Abs(m) < 0.005 {
		return 0
	}
	return m
}

// nth returns what a[k] would be were a sorted (and reorders a): the
// selection half of quicksort, linear on average where a sort of every
// run's gaps was not.
func nth(a []float64, k int) float64 {
	lo, hi := 0, len(a)-1
	for lo < hi {
		// Median of three for the pivot; then Hoare's partition.
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		p := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return a[k]
		}
	}
	return a[k]
}

// hex4 writes v as four upper-case hexadecimal digits.
func hex4(b *bytes.Buffer, v uint16) {
	const digits = "0123456789ABCDEF"
	b.WriteByte(digits[v>>12])
	b.WriteByte(digits[v>>8&15])
	b.WriteByte(digits[v>>4&15])
	b.WriteByte(digits[v&15])
}

// utf16Hex writes a text string as UTF-16BE with a byte-order mark.
func utf16Hex(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// image places a photo: the finishing stage adds the image itself as an
// XObject under the name given here.
func (c *content) image(im *display.Image, dx, dy units.Length) error {
	pi, err := c.wr.placeImage(im)
	if err != nil {
		return err
	}
	c.pj.used[pi.name] = true
	if c.wr.opt.Mode == Print {
		c.setOverprint(false)
	}
	c.b.WriteString("q ")
	c.length(im.W)
	c.b.WriteString("0 0 ")
	c.length(im.H)
	c.x(im.X + dx)
	c.y(im.Y + dy + im.H)
	c.op("cm /" + pi.name + " Do Q")
	return nil
}

// link returns the annotation a link becomes (e-paper only).
func (c *content) link(l *display.Link, dx, dy units.Length) pageLink {
	x1 := c.ox + (l.X + dx).Points()
	y2 := c.oy + (c.h - l.Y - dy).Points()
	return pageLink{x1: x1, y1: y2 - l.H.Points(), x2: x1 + l.W.Points(), y2: y2, page: l.Page, uri: l.URI}
}

// marks draws the crop marks, registration targets and slug line.
func (c *content) marks(m *pageMarks) {
	for _, r := range m.rules {
		c.rule(r, 0, 0)
	}
	for _, t := range m.targets {
		c.stroke(registration)
		c.length(markWidth)
		c.op("w")
		c.circle(t[0], t[1], targetR)
		c.op("S")
	}
	if m.slug != nil {
		c.text(m.slug, 0, 0)
	}
}

// circle adds a circle of radius r around (x, y) to the path, as four
// Bézier quarters.
func (c *content) circle(x, y, r units.Length) {
	const k = 0.5522847498 // control point distance for a quarter circle
	cx, cy, rr := c.ox+x.Points(), c.oy+(c.h-y).Points(), r.Points()
	kr := k * rr
	c.n(cx + rr)
	c.n(cy)
	c.op("m")
	quarter := func(x1, y1, x2, y2, x3, y3 float64) {
		for _, v := range []float64{x1, y1, x2, y2, x3, y3} {
			c.n(v)
		}
		c.op("c")
	}
	quarter(cx+rr, cy+kr, cx+kr, cy+rr, cx, cy+rr)
	quarter(cx-kr, cy+rr, cx-rr, cy+kr, cx-rr, cy)
	quarter(cx-rr, cy-kr, cx-kr, cy-rr, cx, cy-rr)
	quarter(cx+kr, cy-rr, cx+rr, cy-kr, cx+rr, cy)
}
