package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/units"
)

// page writes one page's content stream.
func (wr *writer) page(pg *display.Page) error {
	c := &content{wr: wr, h: pg.Height}
	var err error
	display.Walk(pg.Items, 0, 0, func(it display.Item, dx, dy units.Length) {
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
			c.flush()
			err = wr.image(it, dx, dy, pg.Height)
		case *display.Link:
			c.flush()
			wr.link(it, dx, dy)
		}
	})
	c.flush()
	return err
}

// content accumulates operators and hands them to fpdf in one piece.
type content struct {
	wr  *writer
	h   units.Length // page height, to flip y
	b   bytes.Buffer
	num []byte
}

func (c *content) flush() {
	if c.b.Len() > 0 {
		c.wr.pdf.RawWriteBuf(&c.b)
		c.b.Reset()
	}
}

// n writes a number in points, at most three decimals.
func (c *content) n(v float64) {
	c.num = strconv.AppendFloat(c.num[:0], round3(v), 'f', -1, 64)
	c.b.Write(c.num)
	c.b.WriteByte(' ')
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

func (c *content) x(v units.Length)         { c.n(v.Points()) }
func (c *content) y(v units.Length)         { c.n((c.h - v).Points()) }
func (c *content) op(s string)              { c.b.WriteString(s); c.b.WriteByte('\n') }
func (c *content) fill(col display.Color)   { c.color(col, false) }
func (c *content) stroke(col display.Color) { c.color(col, true) }

// color sets a colour: process CMYK for print, RGB for the e-paper.
func (c *content) color(col display.Color, stroke bool) {
	if c.wr.opt.Mode == Print {
		for _, v := range col.CMYK {
			c.n(v / 100)
		}
		if stroke {
			c.op("K")
		} else {
			c.op("k")
		}
		return
	}
	for _, v := range col.RGB {
		c.n(float64(v) / 255)
	}
	if stroke {
		c.op("RG")
	} else {
		c.op("rg")
	}
}

func (c *content) rule(r *display.Rule, dx, dy units.Length) {
	c.stroke(r.Color)
	c.x(r.Width)
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
		c.x(r.W)
		c.x(r.H)
		c.b.WriteString("re ")
	}
	if r.Fill != nil {
		c.fill(*r.Fill)
		path()
		c.op("f")
	}
	if r.Stroke != nil && r.LineWidth > 0 {
		c.stroke(*r.Stroke)
		c.x(r.LineWidth)
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
	c.fill(t.Color)
	c.b.WriteString("BT /")
	c.b.WriteString(fr.name)
	c.b.WriteByte(' ')
	c.n(size)
	c.b.WriteString("Tf ")
	c.n(scale * 100)
	c.b.WriteString("Tz 1 0 0 1 ")
	c.x(t.X + dx)
	c.y(t.Y + dy)
	c.op("Tm")
	open := false
	var pen float64 // where the pen is, in points from the run's origin
	for i, g := range t.Glyphs {
		gx := g.X.Points()
		if g.Text != "" && open {
			c.b.WriteString("] TJ\n")
			open = false
		}
		if g.Text != "" {
			c.b.WriteString("/Span <</ActualText ")
			c.b.WriteString(utf16Hex(g.Text))
			c.b.WriteString(">> BDC ")
		}
		if !open {
			c.b.WriteByte('[')
			open = true
		}
		if i > 0 || gx != 0 {
			// TJ moves the pen back by adj/1000 of the scaled size.
			adj := (pen - gx) * 1000 / (size * scale)
			if adj >= 0.05 || adj <= -0.05 {
				c.n(round3(adj))
			}
		}
		c.b.WriteByte('<')
		c.b.WriteString(fmt.Sprintf("%04X", g.Code))
		c.b.WriteByte('>')
		pen = gx + width0(t.Face, g.ID)*size*scale/1000
		if g.Text != "" {
			c.b.WriteString("] TJ EMC\n")
			open = false
		}
	}
	if open {
		c.b.WriteString("] TJ")
	}
	c.op(" ET")
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

// image draws the crop of a picture into its frame: the whole picture is
// placed so that the crop falls on the frame, clipped to the frame.
func (wr *writer) image(im *display.Image, dx, dy, pageH units.Length) error {
	name, ok := wr.pics[im.Picture]
	if !ok {
		name = fmt.Sprintf("pic%d", len(wr.pics)+1)
		tp := "JPG"
		if im.Picture.Format == "png" {
			tp = "PNG"
		}
		wr.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp, ReadDpi: false}, bytes.NewReader(im.Picture.Data))
		if err := wr.pdf.Error(); err != nil {
			return fmt.Errorf("pdf: photo %s: %w", im.Picture.File, err)
		}
		wr.pics[im.Picture] = name
	}
	crop := im.Crop
	if crop.Empty() {
		crop.Max.X, crop.Max.Y = im.Picture.Width, im.Picture.Height
	}
	s := im.W.Points() / float64(crop.Dx()) // points per pixel
	x, y := (im.X + dx).Points(), (im.Y + dy).Points()
	wr.pdf.ClipRect(x, y, im.W.Points(), im.H.Points(), false)
	wr.pdf.ImageOptions(name, x-float64(crop.Min.X)*s, y-float64(crop.Min.Y)*s,
		float64(im.Picture.Width)*s, float64(im.Picture.Height)*s, false, fpdf.ImageOptions{}, 0, "")
	wr.pdf.ClipEnd()
	return wr.pdf.Error()
}

// link makes a clickable area: to a page of the document or a URI.
func (wr *writer) link(l *display.Link, dx, dy units.Length) {
	x, y, w, h := (l.X + dx).Points(), (l.Y + dy).Points(), l.W.Points(), l.H.Points()
	if l.URI != "" {
		wr.pdf.LinkString(x, y, w, h, l.URI)
		return
	}
	if l.Page >= 0 {
		id := wr.pdf.AddLink()
		wr.pdf.SetLink(id, 0, l.Page+1)
		wr.pdf.Link(x, y, w, h, id)
	}
}
