// Package pdf writes a display list as PDF: the print file the plant
// receives (process CMYK) and the e-paper subscribers read (RGB,
// navigable). It is the only package that uses the PDF library (fpdf);
// content streams are written here directly, so that every glyph sits
// exactly where layout put it.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
)

// Mode selects the output.
type Mode int

// Outputs.
const (
	// Print is for the plant: process CMYK.
	Print Mode = iota
	// EPaper is for screens: RGB, outline, links.
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
}

// Write renders doc as one PDF to w.
func Write(w io.Writer, doc *display.Document, opt Options) error {
	if opt.Date.IsZero() {
		return fmt.Errorf("pdf: no date given (reproducible output needs one)")
	}
	if len(doc.Pages) == 0 {
		return fmt.Errorf("pdf: the document has no pages")
	}
	wr := &writer{doc: doc, opt: opt, fonts: map[*shape.Face]*fontRes{}}
	return wr.write(w)
}

type writer struct {
	doc   *display.Document
	opt   Options
	pdf   *fpdf.Fpdf
	fonts map[*shape.Face]*fontRes
	order []*shape.Face
	pics  map[*display.Picture]string
	buf   bytes.Buffer
}

func (wr *writer) write(w io.Writer) error {
	first := wr.doc.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: first.Width.Points(), Ht: first.Height.Points()},
	})
	wr.pdf = pdf
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCreationDate(wr.opt.Date)
	pdf.SetModificationDate(wr.opt.Date)
	pdf.SetTitle(wr.doc.Title, true)
	pdf.SetSubject(wr.doc.Subject, true)
	pdf.SetAuthor(wr.doc.Author, true)
	pdf.SetCreator("pressroom typeset", true)
	producer := wr.opt.Producer
	if producer == "" {
		producer = "pressroom typeset"
	}
	pdf.SetProducer(producer, true)
	if wr.doc.Lang != "" {
		pdf.SetLang(wr.doc.Lang)
	}
	if err := wr.registerFonts(); err != nil {
		return err
	}
	wr.pics = map[*display.Picture]string{}
	for i, pg := range wr.doc.Pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width.Points(), Ht: pg.Height.Points()})
		if wr.opt.Mode == EPaper {
			wr.bookmarks(i)
		}
		if err := wr.page(pg); err != nil {
			return err
		}
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("pdf: page %d: %w", pg.Number, err)
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// bookmarks adds the outline entries that point at page i.
func (wr *writer) bookmarks(i int) {
	var walk func(bs []display.Bookmark, level int)
	walk = func(bs []display.Bookmark, level int) {
		for _, b := range bs {
			if b.Page == i {
				wr.pdf.Bookmark(b.Title, level, b.Y.Points())
			}
			walk(b.Children, level+1)
		}
	}
	walk(wr.doc.Outline, 0)
}
