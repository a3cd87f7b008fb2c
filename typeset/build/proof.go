package build

import (
	"os"

	"path/filepath"
	"pressroom.dev/typeset/units"
	"strings"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/render/pdf"
)

// ProofOptions are the settings of a proof.
type ProofOptions struct {
	Style   string // built-in name or path; "" = berliner
	Columns int    // 0 = the page's columns
	// Measure, when set, is the column width: the page gets Columns
	// columns of exactly this width (the width a story will run at).
	Measure units.Length
	// Lang, when set, overrides the articles' language (hyphenation).
	Lang string
	// Root is the folder photos must stay inside; "" means the current
	// folder when it holds the article, else the folder above the
	// article's own (an edition's articles/ and photos/ side by side).
	Root string
}

// ProofResult says what a proof did.
type ProofResult struct {
	Pages    int
	Placed   []compose.Placement
	Warnings []string
}

// Proof sets articles one per page (more if one runs long) into the PDF
// at out. Nothing is written unless everything succeeds.
func Proof(files []string, out string, opt ProofOptions) (*ProofResult, error) {
	var arts []*model.Article
	var errs model.Errors
	for _, f := range files {
		a, err := edition.ReadArticle(f, proofRoot(f, opt.Root))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if opt.Lang != "" {
			a.Lang = opt.Lang
		}
		arts = append(arts, a)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	name := opt.Style
	if name == "" {
		name = "berliner"
	}
	kit, err := loadStyle(name, opt.Columns, opt.Measure)
	if err != nil {
		return nil, err
	}
	var latest model.Date
	for _, a := range arts {
		if d := a.Dateline.Date; d.String() > latest.String() {
			latest = d
		}
	}
	cache := photoCache(kit, arts)
	doc, placed, err := kit.Proof(arts, compose.ProofOptions{Columns: opt.Columns, Edition: compose.Edition{Paper: "Proof", Date: latest}})
	if err != nil {
		return nil, err
	}
	stamp, err := Stamp(latest)
	if err != nil {
		return nil, err
	}
	err = writeFile(out, func(f *os.File) error {
		return pdf.Write(f, doc, pdf.Options{Mode: pdf.Print, Date: stamp, InkLimit: kit.Style.Print.InkLimit, Cache: cache, PhotoPPI: proofPPI})
	})
	if err != nil {
		return nil, err
	}
	return &ProofResult{Pages: len(doc.Pages), Placed: placed, Warnings: doc.Warnings}, nil
}

// photoCache returns the cache the outputs share. When the articles have
// photos, it starts now, on the other core, what separating them for
// print wants: the colour transform, and each photo decoded as the kit
// first reads it.
func photoCache(kit *compose.Kit, arts []*model.Article) *pdf.Cache {
	cache := pdf.NewCache()
	for _, a := range arts {
		if len(a.Photos) > 0 {
			cache.PrefetchTransform(nil, kit.Style.Print.InkLimit)
			kit.OnPicture = cache.PrefetchPicture
			break
		}
	}
	return cache
}

// proofPPI is the resolution of photos in a proof: enough for the screen
// and the desk's laser printer, and a fraction of the pixels to separate.
const proofPPI = 150

func proofRoot(file, root string) string {
	if root != "" {
		return root
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	if wd, err := os.Getwd(); err == nil && strings.HasPrefix(abs, wd+string(filepath.Separator)) {
		return wd
	}
	return filepath.Dir(filepath.Dir(abs))
}

// ArticleText reads one article and returns the words it prints, as the
// style sets them (see compose.Kit.Text): the source text for fidelity
// checks such as typometer --source.
func ArticleText(file, styleName, root string) (string, error) {
	a, err := edition.ReadArticle(file, proofRoot(file, root))
	if err != nil {
		return "", err
	}
	if styleName == "" {
		styleName = "berliner"
	}
	kit, err := loadStyle(styleName, 0, 0)
	if err != nil {
		return "", err
	}
	return kit.Text(a), nil
}
