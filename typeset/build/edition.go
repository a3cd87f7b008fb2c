package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/render/pdf"
)

// EditionOptions are the settings of an edition build.
type EditionOptions struct {
	Style string // overrides the manifest's style when set
}

// Report is the machine-readable account of a build (DIR/report.json).
type Report struct {
	Paper    string          `json:"paper"`
	Date     string          `json:"date"`
	Edition  string          `json:"edition"`
	Pages    []PageReport    `json:"pages"`
	Articles []ArticleReport `json:"articles"`
	Files    []string        `json:"files"`
	Warnings []string        `json:"warnings"`
}

// PageReport lists what is on a page.
type PageReport struct {
	Number   int      `json:"number"`
	Section  string   `json:"section,omitempty"`
	Articles []string `json:"articles"`
}

// ArticleReport says where a story went and what did not fit.
type ArticleReport struct {
	Slug         string `json:"slug"`
	Source       string `json:"source"`
	Page         int    `json:"page"`
	Words        int    `json:"words"`
	OversetLines int    `json:"overset_lines"`
	OversetWords int    `json:"overset_words"`
}

// Edition builds the edition a manifest describes into dir:
// dir/print/edition.pdf (process CMYK, for the plant), dir/epaper/ (the
// subscribers' PDF) and dir/report.json.
func Edition(manifest, dir string, opt EditionOptions) (*Report, error) {
	m, err := edition.Load(manifest)
	if err != nil {
		return nil, err
	}
	arts, err := m.ReadArticles()
	if err != nil {
		return nil, err
	}
	styleName := m.Style
	if opt.Style != "" {
		styleName = opt.Style
	}
	kit, err := loadStyle(styleName, 0, 0)
	if err != nil {
		return nil, err
	}
	ed := compose.Edition{Paper: m.Paper, Date: m.Date, Name: m.Edition, Issue: m.Issue, Price: m.Price, Lang: m.Lang}
	doc, placed, err := kit.Proof(arts, compose.ProofOptions{Edition: ed, Masthead: true})
	if err != nil {
		return nil, err
	}
	stamp, err := Stamp(m.Date)
	if err != nil {
		return nil, err
	}
	base := fileStem(m.Paper) + "_" + strings.ReplaceAll(m.Date.String(), "-", "")
	rep := &Report{Paper: m.Paper, Date: m.Date.String(), Edition: m.Edition, Warnings: doc.Warnings}
	for _, pg := range doc.Pages {
		rep.Pages = append(rep.Pages, PageReport{Number: pg.Number, Section: pg.Section})
	}
	for _, p := range placed {
		rep.Pages[p.Page-1].Articles = append(rep.Pages[p.Page-1].Articles, p.Article.Slug)
		rep.Articles = append(rep.Articles, ArticleReport{Slug: p.Article.Slug, Source: p.Article.Source, Page: p.Page, Words: p.Words,
			OversetLines: p.Overset.Lines, OversetWords: p.Overset.Words})
	}
	outputs := []struct {
		path string
		mode pdf.Mode
	}{
		{filepath.Join(dir, "print", base+".pdf"), pdf.Print},
		{filepath.Join(dir, "epaper", base+"_epaper.pdf"), pdf.EPaper},
	}
	for _, o := range outputs {
		err := writeFile(o.path, func(f *os.File) error {
			return pdf.Write(f, doc, pdf.Options{Mode: o.mode, Date: stamp})
		})
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, o.path)
		rep.Files = append(rep.Files, rel)
	}
	err = writeFile(filepath.Join(dir, "report.json"), func(f *os.File) error {
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	})
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// fileStem makes a file-name-safe stem of a paper's name:
// "The Meridian Courier" → "TheMeridianCourier".
func fileStem(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "edition"
	}
	return b.String()
}
