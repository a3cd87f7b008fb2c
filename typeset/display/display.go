// Package display is the display list: the finished pages as positioned
// glyph runs, rules, boxes, images, links and article beads. Layout makes
// it; every output (print PDF, e-paper PDF, raster preview, text dump)
// draws it and nothing else, so they cannot disagree.
//
// Coordinates are units.Length from the top-left corner of the trimmed
// page, y growing downwards; a Group moves its children by its offset.
package display

import (
	"image"

	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Document is a whole edition, or a proof.
type Document struct {
	Title    string // "The Meridian Courier — 27 November 2026"
	Subject  string
	Lang     string // BCP 47
	Author   string
	Paper    string
	Edition  string
	Date     string // ISO date of the edition
	Pages    []*Page
	Outline  []Bookmark // e-paper navigation: section → page → article
	Threads  []Thread   // e-paper article threads
	Warnings []string
}

// Page is one trimmed page.
type Page struct {
	Number  int // the folio number printed on it
	Section string
	Width   units.Length // trim size
	Height  units.Length
	Bleed   units.Length
	Items   []Item
}

// Item is anything drawn on a page: *Group, *Text, *Rule, *Rect, *Image,
// *Link.
type Item interface{ item() }

// Group moves a set of items together; Label says what it is
// ("article:kim-russia", "masthead").
type Group struct {
	X, Y  units.Length
	Label string
	Items []Item
}

// Text is a run of glyphs in one face, size and colour on one baseline.
type Text struct {
	X, Y   units.Length // origin of the run on the baseline
	Face   *shape.Face
	Size   units.Length
	Scale  int // horizontal glyph scale in per mille (1000 = none)
	Color  Color
	Glyphs []Glyph
	// Alt lists, in glyph order, the glyphs that stand for other text
	// than their Code; most runs have none.
	Alt []AltText
}

// AltAt returns the alternative text of glyph i and whether it has one,
// given the index k into Alt to start looking from (Alt is in glyph
// order, so a walk over the glyphs passes the k it got back).
func (t *Text) AltAt(i, k int) (text string, ok bool, next int) {
	for k < len(t.Alt) && t.Alt[k].Glyph < i {
		k++
	}
	if k < len(t.Alt) && t.Alt[k].Glyph == i {
		return t.Alt[k].Text, true, k + 1
	}
	return "", false, k
}

// Glyph is one glyph of a run, placed at X from the run's origin.
//
// A glyph holds no pointer and takes 16 bytes: an edition has about a
// million of them, several times over while the make-up tries settings,
// and the collector need not look inside them. What a glyph stands for
// when that is not just its Code is in its run's Alt.
type Glyph struct {
	ID   uint16
	Code rune         // code point that reaches the glyph in its face
	X    units.Length // from Text.X, already including kerning and justification
}

// AltText is what a glyph of a run stands for when that is not just its
// Code: "fi" for the ﬁ ligature, the original letters for a small
// capital; "" for a glyph that stands for no text of its own (a drop cap,
// whose letter the first glyph of its line carries). Outputs with a text
// layer use it (PDF ActualText).
type AltText struct {
	Glyph int // index in the run's Glyphs
	Text  string
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 units.Length
	Width          units.Length
	Color          Color
}

// Rect is a rectangle, filled, stroked or both.
type Rect struct {
	X, Y, W, H units.Length
	Fill       *Color
	Stroke     *Color
	LineWidth  units.Length
}

// Image places the Crop rectangle (in pixels) of a picture into the frame
// X, Y, W, H; the crop has the frame's proportions.
type Image struct {
	X, Y, W, H units.Length
	Picture    *Picture
	Crop       image.Rectangle
}

// Picture is an image file, shared by every place it is drawn.
type Picture struct {
	File          string // source file, for messages
	Data          []byte // the file's bytes
	Format        string // "jpeg" or "png"
	Width, Height int    // pixels
}

// Link is a clickable area: to another page of the document or to a URI.
type Link struct {
	X, Y, W, H units.Length
	Page       int // target page index (0-based) in Document.Pages, or -1
	URI        string
}

// Bookmark is an outline entry.
type Bookmark struct {
	Title    string
	Page     int // 0-based index in Document.Pages
	Y        units.Length
	Children []Bookmark
}

// Thread chains an article's text areas in reading order, across columns
// and pages (PDF article threads).
type Thread struct {
	Title string
	Beads []Bead
}

// Bead is one rectangle of a thread.
type Bead struct {
	Page       int // 0-based index in Document.Pages
	X, Y, W, H units.Length
}

// Color is a colour for both outputs: process CMYK in percent for print
// and sRGB for screens.
type Color struct {
	CMYK [4]float64
	RGB  [3]uint8
}

// Black is process black, K only.
var Black = Color{CMYK: [4]float64{0, 0, 0, 100}}

func (*Group) item() {}
func (*Text) item()  {}
func (*Rule) item()  {}
func (*Rect) item()  {}
func (*Image) item() {}
func (*Link) item()  {}

// Walk calls fn for every item, depth first, with the offset of the groups
// that hold it.
func Walk(items []Item, dx, dy units.Length, fn func(it Item, dx, dy units.Length)) {
	for _, it := range items {
		fn(it, dx, dy)
		if g, ok := it.(*Group); ok {
			Walk(g.Items, dx+g.X, dy+g.Y, fn)
		}
	}
}

// Advance returns the end of the run: the X of the last glyph plus its
// advance, from the run's origin.
func (t *Text) Advance() units.Length {
	if len(t.Glyphs) == 0 {
		return 0
	}
	last := t.Glyphs[len(t.Glyphs)-1]
	adv := t.Face.Scale(t.Face.Advance(last.ID), t.Size)
	if t.Scale != 0 && t.Scale != 1000 {
		adv = adv.Scale(int64(t.Scale), 1000)
	}
	return last.X + adv
}

// String returns the text of the run, with ligatures spelled out.
func (t *Text) String() string {
	b := make([]rune, 0, len(t.Glyphs))
	k := 0
	for i, g := range t.Glyphs {
		var alt string
		var ok bool
		if alt, ok, k = t.AltAt(i, k); ok {
			b = append(b, []rune(alt)...)
		} else if g.Code != 0 {
			b = append(b, g.Code)
		}
	}
	return string(b)
}
