package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/render/pdf"
	"pressroom.dev/typeset/render/raster"
)

// An edition's files, under the output folder:
//
//	print/PAPER_YYYYMMDD.pdf            the whole edition for the plant (PDF/X-4, CMYK)
//	print/<print.file_pattern>          each page on its own, named by the style
//	epaper/PAPER_YYYYMMDD_epaper.pdf    the subscribers' PDF (RGB, bookmarks, threads)
//	preview/page-NN.png                 each page at 50 dpi (unless switched off)
//	preview/flatplan.png                all pages in spread order, overset marked
//	report.json                         written last, by Edition
//
// Every file is written under a temporary name as soon as it is rendered
// (so that the edition's files are not all held in memory at once) and
// renamed into place only when all of them rendered: a build that fails
// leaves no PDF of its own behind, complete or partial.

// outputJob is one file to render.
type outputJob struct {
	path string
	doc  *display.Document
	opt  pdf.Options
	data []byte
	err  error
	// pages, when set, are the jobs of the document's page files: they
	// are cut from it (pdf.WriteSplit) rather than rendered again.
	pages []*outputJob
}

// edInfo is what file names are made of.
type edInfo struct {
	Paper, Edition, Issue string
	Date                  model.Date
}

// writeOutputs renders the print and e-paper PDFs of doc into dir and
// returns their paths relative to dir, in a fixed order.
// cache holds what the outputs share (photos separated once for the
// edition and its page files); nil starts an empty one.
func writeOutputs(dir string, doc *display.Document, kit *compose.Kit, ed edInfo, stamp time.Time, previews bool, over []raster.Overset, cache *pdf.Cache) (files []string, err error) {
	ps := kit.Style.Print
	base := fileStem(ed.Paper) + "_" + compactDate(ed.Date)
	if cache == nil {
		cache = pdf.NewCache()
	}
	printOpt := pdf.Options{Mode: pdf.Print, Date: stamp, InkLimit: ps.InkLimit, Cache: cache,
		Marks: pdf.Marks{Crop: ps.CropMarks, Slug: ps.SlugLine, Offset: ps.MarkOffset, Face: kit.Font("caption").Regular}}
	whole := &outputJob{path: filepath.Join(dir, "print", base+".pdf"), doc: doc, opt: printOpt}
	jobs := []*outputJob{whole}
	// Names compare without case: some file systems do.
	names := map[string]int{strings.ToLower(filepath.Base(jobs[0].path)): -1}
	for i, pg := range doc.Pages {
		file, err := pageFileName(ps.FilePattern, ed, pg)
		if err != nil {
			return nil, fmt.Errorf("style %s: print.file_pattern: %w", kit.Style.File(), err)
		}
		if prev, ok := names[strings.ToLower(file)]; ok {
			what := "the edition file"
			if prev >= 0 {
				what = fmt.Sprintf("page %d", doc.Pages[prev].Number)
			}
			return nil, fmt.Errorf("style %s: print.file_pattern %q names page %d %s, as it names %s: add {page}",
				kit.Style.File(), ps.FilePattern, pg.Number, file, what)
		}
		names[strings.ToLower(file)] = i
		whole.pages = append(whole.pages, &outputJob{path: filepath.Join(dir, "print", file)})
	}
	jobs = append(jobs, whole.pages...)
	epaper := &outputJob{path: filepath.Join(dir, "epaper", base+"_epaper.pdf"), doc: doc,
		opt: pdf.Options{Mode: pdf.EPaper, Date: stamp, Cache: cache}}
	jobs = append(jobs, epaper)
	st := &staging{}
	defer func() {
		if err != nil {
			st.abort()
		}
	}()
	render([]*outputJob{whole, epaper}, st)
	for _, j := range jobs {
		if j.err != nil {
			return nil, j.err
		}
	}
	if previews {
		pj, err := renderPreviews(dir, doc, over)
		if err != nil {
			return nil, err
		}
		for _, j := range pj {
			if err := st.write(j.path, j.data); err != nil {
				return nil, err
			}
			j.data = nil
		}
		jobs = append(jobs, pj...)
	}
	if err := st.commit(); err != nil {
		return nil, err
	}
	for _, j := range jobs {
		rel, _ := filepath.Rel(dir, j.path)
		files = append(files, filepath.ToSlash(rel))
	}
	return files, nil
}

// staging holds files written under temporary names in their folders
// until commit renames them all into place; abort removes them.
type staging struct {
	mu    sync.Mutex
	tmps  []string
	paths []string
}

// write writes data to a temporary file beside path.
func (s *staging) write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(path, func(f *os.File) error { _, err := f.Write(data); return err })
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.tmps = append(s.tmps, tmp)
	s.paths = append(s.paths, path)
	s.mu.Unlock()
	return nil
}

// commit renames every staged file into place.
func (s *staging) commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, tmp := range s.tmps {
		if err := os.Rename(tmp, s.paths[i]); err != nil {
			return err
		}
		s.tmps[i] = ""
	}
	return nil
}

// abort removes the staged files not yet renamed.
func (s *staging) abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, tmp := range s.tmps {
		if tmp != "" {
			os.Remove(tmp)
		}
	}
}

// render runs the jobs on all processors; the files share the cache, so a
// photo is scaled and compressed once for the print and e-paper files that
// need it at the same resolution. A job with page files fills them too.
func render(jobs []*outputJob, st *staging) {
	next := make(chan *outputJob)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				var b bytes.Buffer
				if j.pages != nil {
					j.err = pdf.WriteSplit(&b, j.doc, j.opt, func(i int, data []byte) error {
						return st.write(j.pages[i].path, data)
					})
				} else {
					j.err = pdf.Write(&b, j.doc, j.opt)
				}
				if j.err == nil {
					j.err = st.write(j.path, b.Bytes())
				}
				if j.err != nil {
					j.err = fmt.Errorf("%s: %w", filepath.Base(j.path), j.err)
				}
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// pageFileName names a page's print file after pattern (the style's
// print.file_pattern). Tokens:
//
//	{paper}     the paper's name, letters and digits only: TheMeridianCourier
//	{edition}   the edition's name, the same way: CityEdition
//	{issue}     the issue number
//	{date}      the edition date, 2026-11-27
//	{yyyymmdd}  20261127; also {yyyy}, {mm}, {dd}
//	{section}   the page's section, letters and digits only (empty if none)
//	{page}      the page number; {page:02} pads it with zeros to two digits
//
// Any other character that is not a letter, digit, '.', '-' or '_' becomes
// '-', so names are safe on every file system and never leave the print
// folder; ".pdf" is added when the pattern lacks it.
func pageFileName(pattern string, ed edInfo, pg *display.Page) (string, error) {
	var b strings.Builder
	rest := pattern
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("%q: unclosed {", pattern)
		}
		tok := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		v, err := token(tok, ed, pg)
		if err != nil {
			return "", fmt.Errorf("%q: %w", pattern, err)
		}
		b.WriteString(v)
	}
	name := safeName(b.String())
	if !strings.HasSuffix(strings.ToLower(name), ".pdf") {
		name += ".pdf"
	}
	if strings.Trim(name, ".-_") == "pdf" || strings.HasPrefix(name, ".") {
		return "", fmt.Errorf("%q gives the unusable file name %q", pattern, name)
	}
	return name, nil
}

func token(tok string, ed edInfo, pg *display.Page) (string, error) {
	key, width, hasWidth := strings.Cut(tok, ":")
	d := ed.Date
	switch key {
	case "paper":
		return stemOrEmpty(ed.Paper), nil
	case "edition":
		return stemOrEmpty(ed.Edition), nil
	case "issue":
		return stemOrEmpty(ed.Issue), nil
	case "date":
		return d.String(), nil
	case "yyyymmdd":
		return compactDate(d), nil
	case "yyyy":
		return fmt.Sprintf("%04d", d.Year), nil
	case "mm":
		return fmt.Sprintf("%02d", d.Month), nil
	case "dd":
		return fmt.Sprintf("%02d", d.Day), nil
	case "section":
		return stemOrEmpty(pg.Section), nil
	case "page":
		if !hasWidth {
			return strconv.Itoa(pg.Number), nil
		}
		n, err := strconv.Atoi(width)
		if err != nil || n < 1 || n > 9 {
			return "", fmt.Errorf("{%s}: the width must be 1 to 9 digits, as in {page:02}", tok)
		}
		return fmt.Sprintf("%0*d", n, pg.Number), nil
	}
	return "", fmt.Errorf("unknown token {%s} (known: paper, edition, issue, date, yyyymmdd, yyyy, mm, dd, section, page, page:NN)", tok)
}

// stemOrEmpty keeps the ASCII letters and digits of s:
// "The Meridian Courier" → "TheMeridianCourier".
func stemOrEmpty(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fileStem is a file-name-safe stem of a paper's name, "edition" when the
// name has no letters or digits.
func fileStem(s string) string {
	if st := stemOrEmpty(s); st != "" {
		return st
	}
	return "edition"
}

// safeName replaces characters that are not portable in file names.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// compactDate writes a date as YYYYMMDD.
func compactDate(d model.Date) string { return strings.ReplaceAll(d.String(), "-", "") }
