package pdf

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pressroom.dev/fonts"
	"pressroom.dev/internal/pdfcheck"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// testCache spares each test building the colour transform again.
var testCache = NewCache()

// testDate is the date every test file carries.
var testDate = time.Date(2026, 11, 27, 4, 5, 6, 0, time.UTC)

var accent = display.Color{CMYK: [4]float64{100, 68, 0, 12}, RGB: [3]uint8{0x1c, 0x4f, 0x8f}}

func face(t testing.TB, file string) *shape.Face {
	t.Helper()
	data, err := fonts.FS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := shape.ParseFace(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// setText shapes s into a run at x, y.
func setText(f *shape.Face, s string, x, y, size units.Length, col display.Color) *display.Text {
	t := &display.Text{X: x, Y: y, Face: f, Size: size, Color: col}
	var pen int32
	for _, g := range shape.NewShaper().Shape(f, s, shape.Default) {
		t.Glyphs = append(t.Glyphs, display.Glyph{ID: g.ID, Code: g.Code, X: f.Scale(pen+g.XOffset, size)})
		pen += g.Advance
	}
	return t
}

// picture is a w×h PNG: the left half white, the right half black.
func picture(w, h int) *display.Picture {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return &display.Picture{File: "test.png", Data: buf.Bytes(), Format: "png", Width: w, Height: h}
}

// testDoc is a two-page document with everything the writers handle:
// K-only and coloured text, rules, a tint box, two photos (one placed at
// 300 ppi, one at 600), links, a three-level outline and a thread.
func testDoc(t testing.TB) *display.Document {
	serif, sans := face(t, "PTSerif-Regular.ttf"), face(t, "PTSans-Bold.ttf")
	mm := units.Mm
	tint := display.Color{CMYK: [4]float64{0, 0, 0, 12}, RGB: [3]uint8{230, 230, 230}}
	page := func(n int, section string) *display.Page {
		return &display.Page{Number: n, Section: section, Width: 315 * mm, Height: 470 * mm, Bleed: 3 * mm}
	}
	p1, p2 := page(1, "World"), page(2, "Europe")
	p1.Items = []display.Item{
		setText(sans, "WORLD NEWS", 12*mm, 20*mm, 9*units.Pt, accent),
		&display.Group{X: 12 * mm, Y: 30 * mm, Label: "article:test", Items: []display.Item{
			setText(serif, "The first line of the body, with fine figures.", 0, 10*mm, 9*units.Pt, display.Black),
			&display.Rule{X1: 0, Y1: 12 * mm, X2: 55 * mm, Y2: 12 * mm, Width: units.Pt / 2, Color: display.Black},
			&display.Rect{X: 0, Y: 14 * mm, W: 55 * mm, H: 20 * mm, Fill: &tint},
			&display.Image{X: 60 * mm, Y: 0, W: 48 * units.Pt, H: 24 * units.Pt, Picture: picture(200, 100)},
			&display.Image{X: 60 * mm, Y: 20 * mm, W: 72 * units.Pt, H: 36 * units.Pt, Picture: picture(600, 300)},
			setText(sans, "Continued on Page 2", 0, 40*mm, 8*units.Pt, display.Black),
			&display.Link{X: 0, Y: 37 * mm, W: 40 * mm, H: 4 * mm, Page: 1},
			&display.Link{X: 0, Y: 45 * mm, W: 40 * mm, H: 4 * mm, Page: -1, URI: "https://example.org/päge (1)"},
		}},
	}
	p2.Items = []display.Item{
		setText(serif, "Continued from Page 1: the rest of the story.", 12*mm, 30*mm, 9*units.Pt, display.Black),
		&display.Link{X: 12 * mm, Y: 26 * mm, W: 40 * mm, H: 4 * mm, Page: 0},
	}
	return &display.Document{
		Title: "The Test Courier — 27 November 2026", Lang: "en-GB", Paper: "The Test Courier",
		Edition: "City Edition", Date: "2026-11-27", Pages: []*display.Page{p1, p2},
		Outline: []display.Bookmark{
			{Title: "World", Page: 0, Children: []display.Bookmark{
				{Title: "Page 1", Page: 0, Children: []display.Bookmark{{Title: "Test story", Page: 0, Y: 30 * mm}}},
			}},
			{Title: "Europe", Page: 1, Children: []display.Bookmark{{Title: "Page 2", Page: 1}}},
		},
		Threads: []display.Thread{{Title: "Test story", Beads: []display.Bead{
			{Page: 0, X: 12 * mm, Y: 30 * mm, W: 55 * mm, H: 100 * mm},
			{Page: 0, X: 71 * mm, Y: 30 * mm, W: 55 * mm, H: 100 * mm},
			{Page: 1, X: 12 * mm, Y: 25 * mm, W: 55 * mm, H: 50 * mm},
		}}},
	}
}

// write renders doc to a file in a temporary folder and returns its path
// and bytes.
func write(t testing.TB, doc *display.Document, opt Options) (string, []byte) {
	t.Helper()
	if opt.Date.IsZero() {
		opt.Date = testDate
	}
	if opt.Cache == nil {
		opt.Cache = testCache
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// pdfObjects reads a file's objects with qpdf (through pdfcheck).
func pdfObjects(t testing.TB, path string) *pdfObjs {
	t.Helper()
	objs, err := pdfcheck.Objects(path)
	if err != nil {
		t.Fatal(err)
	}
	p := &pdfObjs{t: t, dicts: map[string]map[string]json.RawMessage{}, data: map[string][]byte{}}
	for id, o := range objs {
		p.dicts[id] = pdfcheck.Dict(o)
		if d := pdfcheck.Data(o); d != nil {
			p.data[id] = d
		}
		p.ids = append(p.ids, id)
	}
	return p
}

// pdfObjs is a qpdf dump: dictionaries and decoded stream data by id
// ("obj:N 0 R", "trailer").
type pdfObjs struct {
	t     testing.TB
	ids   []string
	dicts map[string]map[string]json.RawMessage
	data  map[string][]byte
}

// ref turns a JSON reference "N 0 R" into an id.
func (p *pdfObjs) ref(raw json.RawMessage) string {
	p.t.Helper()
	var s string
	json.Unmarshal(raw, &s)
	if !strings.HasSuffix(s, " R") {
		p.t.Helper()
		p.t.Fatalf("%s is not a reference", raw)
	}
	return "obj:" + s
}

// dict resolves a value that is a dictionary or a reference to one.
func (p *pdfObjs) dict(raw json.RawMessage) map[string]json.RawMessage {
	p.t.Helper()
	if raw == nil {
		return nil
	}
	var d map[string]json.RawMessage
	if json.Unmarshal(raw, &d) == nil {
		return d
	}
	return p.dicts[p.ref(raw)]
}

func (p *pdfObjs) catalog() map[string]json.RawMessage {
	return p.dict(p.dicts["trailer"]["/Root"])
}

// pages returns the page dictionaries in order.
func (p *pdfObjs) pages() []map[string]json.RawMessage {
	var kids []string
	json.Unmarshal(p.dict(p.catalog()["/Pages"])["/Kids"], &kids)
	var out []map[string]json.RawMessage
	for _, k := range kids {
		out = append(out, p.dicts["obj:"+k])
	}
	return out
}

func str(raw json.RawMessage) string {
	var s string
	json.Unmarshal(raw, &s)
	return strings.TrimPrefix(s, "u:")
}

func nums(raw json.RawMessage) []float64 {
	var v []float64
	json.Unmarshal(raw, &v)
	return v
}

// displayImageBroken places a picture whose data is not an image.
var displayImageBroken = display.Image{W: 72 * units.Pt, H: 72 * units.Pt,
	Picture: &display.Picture{File: "broken.jpg", Data: []byte("not a jpeg"), Format: "jpeg", Width: 100, Height: 100}}
