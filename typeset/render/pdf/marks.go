package pdf

import (
	"fmt"
	"strings"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Printer's marks sit outside the bleed, where the plant trims them away:
// crop marks at the corners of the trim, a registration target in the
// middle of each side, and below them a slug line that names the page. The
// media box is made large enough to hold them. Preflight measures ink
// coverage inside the bleed box only, so the marks may use all four inks.

const (
	markLength = 6 * units.Mm       // crop mark and registration band
	slugBand   = 5 * units.Mm       // room for the slug line
	slugSize   = 6 * units.Pt       // its type size
	markWidth  = units.Pt / 4       // hairline for marks
	targetR    = 18 * units.Mm / 10 // radius of a registration circle
)

// pageMarks are the marks around one page, in display coordinates (from
// the trim's top-left corner, so mostly negative or beyond the trim size).
type pageMarks struct {
	rules   []*display.Rule
	targets [][2]units.Length // centres of registration circles
	slug    *display.Text
}

// registration is the colour of marks: all four inks, so that they show on
// every plate.
var registration = display.Color{CMYK: [4]float64{100, 100, 100, 100}}

// marks returns the marks around pg and the margin from the media box to
// the trim, in points.
func (wr *writer) marks(pg *display.Page) (pageMarks, float64) {
	var pm pageMarks
	m := wr.opt.Marks
	if !m.Crop && !m.Slug {
		return pm, pg.Bleed.Points()
	}
	off := m.Offset
	if off < pg.Bleed {
		off = pg.Bleed
	}
	w, h := pg.Width, pg.Height
	line := func(x1, y1, x2, y2 units.Length) {
		pm.rules = append(pm.rules, &display.Rule{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: markWidth, Color: registration})
	}
	margin := off
	if m.Crop {
		far := off + markLength
		for _, x := range []units.Length{0, w} {
			for _, y := range []units.Length{0, h} {
				sx, sy := sideOf(x, w), sideOf(y, h)
				line(x+sx*off, y, x+sx*far, y) // horizontal, level with the trim edge
				line(x, y+sy*off, x, y+sy*far)
			}
		}
		mid := off + markLength/2
		for _, c := range [][2]units.Length{{w / 2, -mid}, {w / 2, h + mid}, {-mid, h / 2}, {w + mid, h / 2}} {
			line(c[0]-markLength/2, c[1], c[0]+markLength/2, c[1])
			line(c[0], c[1]-markLength/2, c[0], c[1]+markLength/2)
			pm.targets = append(pm.targets, c)
		}
		margin = far
	}
	if m.Slug {
		pm.slug = wr.slug(pg, margin+slugBand*7/10)
		margin += slugBand
	}
	return pm, margin.Points()
}

// sideOf is −1 for the near edge (0) and +1 for the far edge.
func sideOf(v, size units.Length) units.Length {
	if v == 0 {
		return -1
	}
	return 1
}

// slug sets the slug line with its baseline dy below the trim.
func (wr *writer) slug(pg *display.Page, dy units.Length) *display.Text {
	face := wr.opt.Marks.Face
	if face == nil {
		face = wr.anyFace()
	}
	if face == nil {
		return nil
	}
	d := wr.doc
	parts := []string{d.Paper, d.Date, d.Edition}
	page := fmt.Sprintf("page %d", pg.Number)
	if pg.Section != "" {
		page += " " + pg.Section
	}
	parts = append(parts, page, "built "+wr.opt.Date.UTC().Format("2006-01-02 15:04 MST"))
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	sep := " · "
	if !face.Has('·') {
		sep = " | "
	}
	glyphs := shape.NewShaper().Shape(face, strings.Join(keep, sep), shape.Kern)
	t := &display.Text{Y: pg.Height + dy, Face: face, Size: slugSize, Color: display.Black}
	var x int32
	for _, g := range glyphs {
		if g.Code != 0 {
			t.Glyphs = append(t.Glyphs, display.Glyph{ID: g.ID, Code: g.Code, X: face.Scale(x+g.XOffset, slugSize)})
		}
		x += g.Advance
	}
	return t
}

// anyFace is the first face (by name) the document sets text in.
func (wr *writer) anyFace() *shape.Face {
	var best *shape.Face
	for _, pg := range wr.doc.Pages {
		display.Walk(pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
			if t, ok := it.(*display.Text); ok && t.Face != nil && (best == nil || t.Face.Name < best.Name) {
				best = t.Face
			}
		})
	}
	return best
}
