package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/render/raster"
)

// EditionOptions are the settings of an edition build.
type EditionOptions struct {
	Style     string // overrides the manifest's style when set
	NoPreview bool   // skip the PNG previews and the flatplan
	// Paper and Date name an edition given as a folder of articles
	// instead of a manifest (the date defaults to the latest dateline's).
	Paper string
	Date  model.Date
	// Progress, when set, hears how a long build goes: a stage ("read",
	// "make-up", "render") and how far it is (done of total; total 0 when
	// it is not known in advance).
	Progress func(stage string, done, total int)
}

func (o EditionOptions) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}

// Report is the machine-readable account of a build (DIR/report.json): the
// make-up's pages (modules, ads, white), where each story went (pages,
// jumps, overset), the files written and the warnings.
type Report struct {
	Paper   string `json:"paper"`
	Date    string `json:"date"`
	Edition string `json:"edition"`
	compose.Report
	Files []string `json:"files"`
}

// Edition builds the edition a manifest describes into dir: dir/print/
// (the edition and each of its pages, PDF/X-4 for the plant), dir/epaper/
// (the subscribers' PDF) and dir/report.json; see output.go.
func Edition(manifest, dir string, opt EditionOptions) (*Report, error) {
	var m *edition.Manifest
	var err error
	if st, serr := os.Stat(manifest); serr == nil && st.IsDir() {
		m, err = edition.FromFolder(manifest, opt.Paper, opt.Date)
	} else {
		m, err = edition.Load(manifest)
	}
	if err != nil {
		return nil, err
	}
	opt.progress("read", 0, len(m.Articles))
	arts, err := m.ReadArticles()
	if err != nil {
		return nil, err
	}
	opt.progress("read", len(arts), len(m.Articles))
	if m.Date.IsZero() {
		for _, a := range arts {
			if d := a.Dateline.Date; d.String() > m.Date.String() {
				m.Date = d
			}
		}
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
	kit.OnPage = func(pages, _ int) { opt.progress("make-up", pages, 0) }
	cache := photoCache(kit, arts) // photos made ready while the make-up runs
	doc, made, err := kit.MakeUp(runningOrder(m, arts), ads(m), ed)
	if err != nil {
		return nil, err
	}
	stamp, err := Stamp(m.Date)
	if err != nil {
		return nil, err
	}
	rep := &Report{Paper: m.Paper, Date: m.Date.String(), Edition: m.Edition, Report: *made}
	var over []raster.Overset
	for _, a := range made.Articles {
		if a.OversetLines > 0 && len(a.Pages) > 0 {
			over = append(over, raster.Overset{Page: a.Pages[len(a.Pages)-1] - 1, Lines: a.OversetLines, Words: a.OversetWords})
		}
	}
	opt.progress("render", 0, len(doc.Pages))
	rep.Files, err = writeOutputs(dir, doc, kit, edInfo{Paper: m.Paper, Edition: m.Edition, Issue: m.Issue, Date: m.Date}, stamp, !opt.NoPreview, over, cache)
	if err != nil {
		return nil, err
	}
	err = writeFile(filepath.Join(dir, "report.json"), func(f *os.File) error {
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	})
	if err != nil {
		return nil, err
	}
	opt.progress("render", len(doc.Pages), len(doc.Pages))
	return rep, nil
}

// runningOrder puts the stories in make-up order, sections kept together:
// the lead (the manifest's first story) and the rest of its section open
// the paper; the other sections follow in the manifest's section order
// (sections it does not list after them, as they first appear), each in
// running order.
func runningOrder(m *edition.Manifest, arts []*model.Article) []compose.Story {
	if len(arts) == 0 {
		return nil
	}
	rank := map[string]int{}
	rank[arts[0].Section] = -1
	for i, s := range m.Sections {
		if _, ok := rank[s]; !ok {
			rank[s] = i
		}
	}
	next := len(m.Sections)
	for _, a := range arts {
		if _, ok := rank[a.Section]; !ok {
			rank[a.Section] = next
			next++
		}
	}
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return rank[arts[idx[i]].Section] < rank[arts[idx[j]].Section] })
	out := make([]compose.Story, len(arts))
	for n, i := range idx {
		e := m.Articles[i]
		out[n] = compose.Story{Article: arts[i], Pin: compose.Pin{Page: e.Page, Columns: e.Columns, Lines: e.Lines, NoJump: e.NoJump, NewPage: e.NewPage}}
	}
	return out
}

func ads(m *edition.Manifest) []compose.Ad {
	var out []compose.Ad
	for _, a := range m.Ads {
		out = append(out, compose.Ad{Name: a.Name, Page: a.Page, Columns: a.Columns, Height: a.Height, File: a.File, Label: a.Label})
	}
	return out
}
