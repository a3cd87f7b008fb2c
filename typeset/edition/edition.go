// Package edition reads an edition manifest: the paper's name, the date,
// the style, the sections and the running order of the articles, and the
// articles themselves in whichever format each file is (the native
// Markdown format, NITF or ninjs).
package edition

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/native"
	"pressroom.dev/typeset/units"
)

// Manifest is one night's edition as the desk plans it.
type Manifest struct {
	File     string // where it was read from
	Dir      string // the edition's folder: article paths are relative to it
	Paper    string
	Date     model.Date
	Edition  string // "City Edition"
	Issue    string
	Price    string
	Style    string // built-in style name or path (relative to Dir)
	Lang     string
	Sections []string
	Articles []Entry
	Ads      []Ad
}

// Entry is one line of the running order, with what the desk pins.
type Entry struct {
	File    string // resolved path
	Line    int    // line in the manifest
	Page    int    // page the story must start on (0: free)
	Columns int    // columns it must span (0: free)
	Lines   int    // depth of its slot in body lines (0: free)
	NoJump  bool   // what does not fit its slot is overset, not jumped
	NewPage bool   // start a new page before it
}

// Ad is a booked advertisement.
type Ad struct {
	Name    string
	Page    int
	Columns int
	Height  units.Length
	File    string // image (JPEG/PNG); "" prints a placeholder box
	Label   string
	Line    int
}

type rawManifest struct {
	Paper    string      `yaml:"paper"`
	Date     string      `yaml:"date"`
	Edition  string      `yaml:"edition"`
	Issue    yaml.Node   `yaml:"issue"`
	Price    string      `yaml:"price"`
	Style    string      `yaml:"style"`
	Lang     string      `yaml:"lang"`
	Sections []string    `yaml:"sections"`
	Articles []yaml.Node `yaml:"articles"`
	Ads      []yaml.Node `yaml:"ads"`
}

// Load reads a manifest file.
func Load(file string) (*Manifest, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, model.Errorf(file, 0, 0, "", "cannot read the manifest: %v", err)
	}
	return Parse(file, data)
}

// Parse reads a manifest held in memory.
func Parse(file string, data []byte) (*Manifest, error) {
	var raw rawManifest
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, yamlErr(file, err)
	}
	m := &Manifest{File: file, Dir: filepath.Dir(file), Paper: raw.Paper, Edition: raw.Edition, Price: raw.Price,
		Style: raw.Style, Lang: raw.Lang, Sections: raw.Sections}
	var errs model.Errors
	if strings.TrimSpace(m.Paper) == "" {
		errs = append(errs, model.Errorf(file, 0, 0, "paper", "missing: the paper's name goes on every page"))
	}
	if d, ok := parseDate(raw.Date); ok {
		m.Date = d
	} else {
		errs = append(errs, model.Errorf(file, 0, 0, "date", "%q is not a date (write 2026-11-27)", raw.Date))
	}
	if raw.Issue.Kind == yaml.ScalarNode {
		m.Issue = raw.Issue.Value
		if _, err := strconv.Atoi(m.Issue); err == nil {
			m.Issue = "No. " + m.Issue
		}
	}
	if m.Style == "" {
		m.Style = "berliner"
	} else if strings.ContainsAny(m.Style, `/\`) || strings.HasSuffix(m.Style, ".yaml") {
		if !filepath.IsAbs(m.Style) {
			m.Style = filepath.Join(m.Dir, m.Style)
		}
	}
	for _, n := range raw.Articles {
		entries, err := m.entry(&n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		m.Articles = append(m.Articles, entries...)
	}
	for i, n := range raw.Ads {
		ad, err := m.ad(&n, i)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		m.Ads = append(m.Ads, ad)
	}
	if len(raw.Articles) == 0 {
		errs = append(errs, model.Errorf(file, 0, 0, "articles", "the edition lists no articles"))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// expand resolves one entry: a file, or a folder whose article files are
// taken in name order.
func (m *Manifest) expand(ref string, line, col int) ([]Entry, error) {
	p, err := native.ResolveInside(m.File, m.Dir, ref)
	if err != nil {
		return nil, model.Errorf(m.File, line, col, "articles", "%v", err)
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, model.Errorf(m.File, line, col, "articles", "cannot read %s: %v", ref, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return []Entry{{File: p, Line: line}}, nil
	}
	des, err := os.ReadDir(p)
	if err != nil {
		return nil, model.Errorf(m.File, line, col, "articles", "cannot list %s: %v", ref, err)
	}
	var out []Entry
	for _, de := range des {
		if de.IsDir() || Format(de.Name()) == "" {
			continue
		}
		out = append(out, Entry{File: filepath.Join(p, de.Name()), Line: line})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	if len(out) == 0 {
		return nil, model.Errorf(m.File, line, col, "articles", "the folder %s holds no article files (.md, .xml, .json)", ref)
	}
	return out, nil
}

// ReadArticles reads every article of the running order, reporting all
// problems at once.
func (m *Manifest) ReadArticles() ([]*model.Article, error) {
	var arts []*model.Article
	var errs model.Errors
	slugs := map[string]string{}
	for _, e := range m.Articles {
		a, err := ReadArticle(e.File, m.Dir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := slugs[a.Slug]; ok {
			errs = append(errs, model.Errorf(e.File, 0, 0, "slug", "%q is also the slug of %s", a.Slug, prev))
			continue
		}
		slugs[a.Slug] = e.File
		arts = append(arts, a)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return arts, nil
}

// Format names the reader for a file by its extension: "markdown", "nitf",
// "ninjs", or "" when the file is not an article.
func Format(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown":
		return "markdown"
	case ".xml", ".nitf":
		return "nitf"
	case ".json", ".ninjs":
		return "ninjs"
	case ".txt":
		return "text"
	}
	return ""
}

// ReadArticle reads one article file in any supported format. root is the
// edition's folder, which photos must stay inside.
func ReadArticle(file, root string) (*model.Article, error) {
	switch Format(file) {
	case "markdown":
		return native.ReadFile(file, root)
	case "nitf", "ninjs", "text":
		return readWire(file, root)
	}
	return nil, model.Errorf(file, 0, 0, "", "not an article file: use .md (the native format), .xml (NITF), .json (ninjs) or .txt (plain paragraphs)")
}

func parseDate(s string) (model.Date, bool) {
	var d model.Date
	if _, err := fmt.Sscanf(s, "%4d-%2d-%2d", &d.Year, &d.Month, &d.Day); err != nil || len(s) != 10 {
		return d, false
	}
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return d, false
	}
	return d, true
}

func yamlErr(file string, err error) error {
	var te *yaml.TypeError
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	var line int
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	msg = strings.Replace(msg, "not found in type edition.rawManifest", "is not a manifest setting (known: paper, date, edition, issue, price, style, lang, sections, articles, ads)", 1)
	return model.Errorf(file, line, 0, "", "%s", msg)
}

// FromFolder makes the manifest of an edition that is just a folder of
// article files (the nightly wire drop): every article file in it, in name
// order, under the given paper name and date (the latest dateline's when
// zero), in the built-in berliner style; sections in the order they first
// appear.
func FromFolder(dir, paper string, date model.Date) (*Manifest, error) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, model.Errorf(dir, 0, 0, "", "not a folder of articles")
	}
	m := &Manifest{File: filepath.Join(dir, "(folder)"), Dir: dir, Paper: paper, Date: date, Style: "berliner"}
	if m.Paper == "" {
		m.Paper = "Edition"
	}
	entries, err := m.expand(".", 0, 0)
	if err != nil {
		return nil, err
	}
	m.Articles = entries
	return m, nil
}
