// Package pdf writes a display list as PDF: the print file the plant
// receives (process CMYK, PDF/X-4) and the e-paper subscribers read (RGB,
// navigable). It is the only package that uses the PDF library (fpdf).
//
// Writing happens in two stages. fpdf lays out the document's structure
// (with empty pages) and subsets and embeds the fonts; the content streams
// are written here directly, so that every glyph sits exactly where layout
// put it. Then a finishing stage of our own (finish.go) reads fpdf's output
// back, puts the compressed content streams in, puts right what fpdf cannot
// do or does wrongly for print (page boxes in a fixed order, subset-tagged
// font names, CMYK photos, the PDF/X OutputIntent, XMP metadata, a
// content-derived /ID), adds the e-paper's navigation (outline, links,
// article threads), and writes a new file. WriteSplit also cuts each page
// of a finished print document into a file of its own (split.go).
//
// The same display list and Options always give the same bytes.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Mode selects the output.
type Mode int

// Outputs.
const (
	// Print is for the plant: process CMYK, PDF/X-4.
	Print Mode = iota
	// EPaper is for screens: RGB, outline, links, article threads.
	EPaper
)

// Options control a PDF.
type Options struct {
	Mode Mode
	// Date stamps the file (creation and modification). Set it from
	// SOURCE_DATE_EPOCH or the edition for reproducible output; the zero
	// time is refused, so that no clock ever leaks into a file.
	Date     time.Time
	Producer string

	// Marks are the printer's marks around each print page; the zero
	// value has none (the media box is then the bleed box).
	Marks Marks
	// PhotoPPI, when set, is the most a photo's resolution may be as
	// placed: above it, it is resampled to it. Proofs for the desk set it
	// low (they are read on screen or a laser printer) to come out fast;
	// 0 keeps print's 300 ppi rule (resample above 450 ppi).
	PhotoPPI int
	// InkLimit is the highest total ink (C+M+Y+K, %) of separated photos;
	// 0 means 240, the bundled newsprint profile's.
	InkLimit int
	// Intent is the printing condition of print files; nil means the
	// bundled newsprint profile (CGATS TR 002).
	Intent *OutputIntent
	// Cache shares separated and compressed photos between the files of a
	// build (the edition and its pages); nil keeps them for this call only.
	Cache *Cache
}

// Marks says which printer's marks a print page gets outside its bleed.
type Marks struct {
	Crop bool // crop marks at the trim corners and registration targets
	Slug bool // a slug line: paper, date, edition, page, time of the build
	// Offset is the distance of the marks from the trim; it is raised to
	// the bleed when smaller, so that no mark reaches into the bleed.
	Offset units.Length
	// Face sets the slug line; nil takes a face the document uses.
	Face *shape.Face
}

// Write renders doc as one PDF to w.
func Write(w io.Writer, doc *display.Document, opt Options) error {
	fin, err := prepare(doc, opt)
	if err != nil {
		return err
	}
	return fin.run(w)
}

// prepare draws doc with fpdf and reads the result back for finishing.
func prepare(doc *display.Document, opt Options) (*finisher, error) {
	if opt.Date.IsZero() {
		return nil, fmt.Errorf("pdf: no date given (reproducible output needs one)")
	}
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("pdf: the document has no pages")
	}
	if opt.Producer == "" {
		opt.Producer = "pressroom typeset"
	}
	if opt.InkLimit <= 0 {
		opt.InkLimit = defaultInkLimit
	}
	if opt.Intent == nil {
		opt.Intent = Newsprint()
	}
	if opt.Cache == nil {
		opt.Cache = NewCache()
	}
	wr := &writer{doc: doc, opt: opt, fonts: map[*shape.Face]*fontRes{}, images: map[imageKey]*placedImage{}}
	data, err := wr.draw()
	if err == nil {
		var f *file
		if f, err = parseFile(data); err == nil {
			return &finisher{wr: wr, f: f}, nil
		}
		err = fmt.Errorf("pdf: finishing: reading fpdf's output: %w", err)
	}
	if wr.pack != nil {
		wr.pack.wait()
	}
	return nil, err
}

// writer holds one document being written.
type writer struct {
	doc   *display.Document
	opt   Options
	pdf   *fpdf.Fpdf
	fonts map[*shape.Face]*fontRes
	order []*shape.Face
	pages []*pageJob
	pack  *packer // compresses the pages' streams as they are drawn

	images     map[imageKey]*placedImage
	imageOrder []*placedImage
}

// pageJob is one page as the PDF places it: the display page, the marks
// drawn around it, its geometry in points and what the finishing stage
// adds to it.
type pageJob struct {
	pg    *display.Page
	marks pageMarks
	// margin is the distance from the media box to the trim on every
	// side; w, h the trim size; bleed the bleed; all in points.
	margin, w, h, bleed float64
	links               []pageLink
	// content is the page's content stream, uncompressed; packed the
	// same compressed (the packer drops content then).
	content, packed []byte
	// used holds the resource names (fonts, images) the page's content
	// stream calls, so that a page's own file carries only those.
	used map[string]bool
}

// mediaW and mediaH are the size of the media box.
func (p *pageJob) mediaW() float64 { return p.w + 2*p.margin }
func (p *pageJob) mediaH() float64 { return p.h + 2*p.margin }

// pageLink is a link annotation to add: a rectangle in PDF space and a
// target page index or URI.
type pageLink struct {
	x1, y1, x2, y2 float64
	page           int
	uri            string
}

// draw makes fpdf write the document with our content streams.
func (wr *writer) draw() ([]byte, error) {
	for _, pg := range wr.doc.Pages {
		wr.pages = append(wr.pages, wr.layoutPage(pg))
	}
	first := wr.pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: first.mediaW(), Ht: first.mediaH()},
	})
	wr.pdf = pdf
	pdf.SetCatalogSort(true)
	// Page content is ours and compressed in the finishing stage; fpdf
	// only sees empty pages.
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	// The finishing stage writes /Info itself; these keep fpdf's own
	// output free of a clock.
	pdf.SetCreationDate(wr.opt.Date)
	pdf.SetModificationDate(wr.opt.Date)
	if err := wr.registerFonts(); err != nil {
		return nil, err
	}
	wr.pack = newPacker(packLevel(wr.opt.Mode), len(wr.pages))
	for _, pj := range wr.pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: pj.mediaW(), Ht: pj.mediaH()})
		if err := wr.page(pj); err != nil {
			return nil, err
		}
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdf: page %d: %w", pj.pg.Number, err)
		}
		wr.pack.add(pj)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// layoutPage works out a page's geometry and marks.
func (wr *writer) layoutPage(pg *display.Page) *pageJob {
	pj := &pageJob{pg: pg, w: pg.Width.Points(), h: pg.Height.Points()}
	if wr.opt.Mode == Print {
		pj.bleed = pg.Bleed.Points()
		pj.marks, pj.margin = wr.marks(pg)
	}
	return pj
}
