package compose

import (
	"math"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/units"
)

// Report is the account of a make-up, for report.json and the desk.
type Report struct {
	Pages    []PageReport    `json:"pages"`
	Articles []ArticleReport `json:"articles"`
	Warnings []string        `json:"warnings"`
}

// PageReport lists what is on a page and how much of it is unplanned
// white.
type PageReport struct {
	Number  int            `json:"number"`
	Section string         `json:"section,omitempty"`
	Modules []ModuleReport `json:"modules"`
	Ads     []ModuleReport `json:"ads,omitempty"`
	Fillers []ModuleReport `json:"fillers,omitempty"`
	// WhitePct is the share of the news hole (the type area under the
	// masthead or folio) that nothing planned covers, in percent.
	WhitePct float64 `json:"white_pct"`
	// DeepestHole is the deepest run of unplanned white in one column, in
	// body lines.
	DeepestHole int `json:"deepest_hole_lines"`
	// Holes lists the runs of unplanned white deeper than two body lines,
	// a column each, for the desk to find them.
	Holes []Hole `json:"holes,omitempty"`
}

// Hole is a run of unplanned white in one column: column (1-based) and
// body lines from the top of the type area.
type Hole struct {
	Col   int `json:"col"`
	Line  int `json:"line"`
	Lines int `json:"lines"`
}

// ModuleReport is a rectangle on a page: in grid columns (1-based, as a
// desk counts them) and body lines from the top of the type area, and in
// millimetres from the page's top-left corner.
type ModuleReport struct {
	Article string     `json:"article,omitempty"`
	Name    string     `json:"name,omitempty"`
	Kind    string     `json:"kind,omitempty"` // "story", "continuation"
	Col     int        `json:"col"`
	Cols    int        `json:"cols"`
	Line    int        `json:"line"`
	Lines   int        `json:"lines"`
	MM      [4]float64 `json:"mm"` // x, y, width, height
	Jump    string     `json:"jump,omitempty"`
}

// ArticleReport says where a story went, its jump, and what did not fit.
type ArticleReport struct {
	Slug         string `json:"slug"`
	Source       string `json:"source"`
	Pages        []int  `json:"pages"`
	Words        int    `json:"words"`
	JumpFrom     int    `json:"jump_from,omitempty"`
	JumpTo       int    `json:"jump_to,omitempty"`
	OversetLines int    `json:"overset_lines"`
	OversetWords int    `json:"overset_words"`
}

func mm(v units.Length) float64 { return math.Round(v.Millimetres()*10) / 10 }

// finish draws what waited for the whole plan (jump lines, ads, fillers),
// measures each page's white, and builds the document and the report.
func (m *makeup) finish() (*display.Document, *Report, error) {
	k := m.k
	m.drawJumps()
	doc := &display.Document{Paper: m.ed.Paper, Title: m.ed.Paper, Lang: m.ed.Lang, Subject: m.ed.Subject, Date: m.ed.Date.String(), Edition: m.ed.Name}
	if !m.ed.Date.IsZero() {
		doc.Title += " — " + FormatDate(m.ed.Date, "{day} {month} {year}")
	}
	if doc.Lang == "" {
		doc.Lang = k.Style.Lang
	}
	rep := &Report{}
	arts := map[string]*ArticleReport{}
	var order []string
	threads := map[string]*display.Thread{}
	var sections []display.Bookmark
	for _, ps := range m.pages {
		k.fillers(ps, m.ed.Paper)
		for _, pa := range ps.ads {
			k.drawAd(ps, pa)
		}
		for _, pa := range ps.fillers {
			k.drawAd(ps, pa)
		}
		doc.Pages = append(doc.Pages, ps.pg)
		pr := PageReport{Number: ps.pg.Number, Section: ps.section}
		pageMark := display.Bookmark{Title: "Page " + itoa(ps.pg.Number), Page: ps.index}
		for _, pl := range ps.modules {
			mr := k.moduleReport(ps, pl.col, pl.cols, pl.top, pl.depth)
			mr.Article, mr.Kind = pl.it.a.Slug, "story"
			slug := pl.it.a.Slug
			ar := arts[slug]
			if ar == nil {
				ar = &ArticleReport{Slug: slug, Source: pl.it.a.Source}
				arts[slug] = ar
				order = append(order, slug)
				threads[slug] = &display.Thread{Title: pl.it.a.Headline}
			}
			ar.Pages = append(ar.Pages, ps.pg.Number)
			ar.Words += pl.words
			ar.OversetLines += pl.oversetLines
			ar.OversetWords += pl.oversetWords
			if pl.it.cont != nil {
				mr.Kind = "continuation"
				ar.JumpFrom = pl.it.cont.fromPage
				mr.Jump = "from page " + itoa(pl.it.cont.fromPage)
			} else {
				pageMark.Children = append(pageMark.Children, display.Bookmark{Title: pl.it.a.Headline, Page: ps.index, Y: k.slotY(ps, pl.top)})
			}
			if pl.jumpTo != nil && pl.jumpTo.cont.line.target != nil {
				ar.JumpTo = pl.jumpTo.cont.line.target.pg.Number
				mr.Jump = "to page " + itoa(ar.JumpTo)
			}
			th := threads[slug]
			for _, l := range pl.legs {
				th.Beads = append(th.Beads, display.Bead{Page: ps.index, X: l.X, Y: l.Y, W: l.W, H: l.H})
			}
			pr.Modules = append(pr.Modules, mr)
		}
		for _, pa := range ps.ads {
			mr := k.moduleReport(ps, pa.col, pa.cols, pa.top, pa.depth)
			mr.Name = pa.ad.Name
			pr.Ads = append(pr.Ads, mr)
		}
		for _, pa := range ps.fillers {
			pr.Fillers = append(pr.Fillers, k.moduleReport(ps, pa.col, pa.cols, pa.top, pa.depth))
		}
		pr.WhitePct, pr.DeepestHole, pr.Holes = k.white(ps)
		rep.Pages = append(rep.Pages, pr)
		// Outline: section → page → article.
		if len(sections) == 0 || sections[len(sections)-1].Title != ps.section {
			sections = append(sections, display.Bookmark{Title: sectionTitle(ps.section), Page: ps.index})
		}
		sec := &sections[len(sections)-1]
		sec.Children = append(sec.Children, pageMark)
	}
	for _, slug := range order {
		rep.Articles = append(rep.Articles, *arts[slug])
		doc.Threads = append(doc.Threads, *threads[slug])
	}
	doc.Outline = sections
	rep.Warnings = append(rep.Warnings, k.Warnings...)
	doc.Warnings = rep.Warnings
	return doc, rep, nil
}

func sectionTitle(s string) string {
	if s == "" {
		return "News"
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func (k *Kit) moduleReport(ps *pageState, col, cols, top, depth int) ModuleReport {
	s := k.Style
	x, y := k.colX(ps, col), k.slotY(ps, top)
	return ModuleReport{Col: col + 1, Cols: cols, Line: top, Lines: depth,
		MM: [4]float64{mm(x), mm(y), mm(s.Span(cols)), mm(units.Length(depth) * s.Page.Baseline)}}
}

// coverage marks, per column, the slots that something planned covers:
// modules down to where their legs end, the gaps between modules, ads and
// fillers.
func (k *Kit) coverage(ps *pageState) [][]bool {
	C, R := k.Style.Page.Columns, k.slots()
	cov := make([][]bool, C)
	for c := range cov {
		cov[c] = make([]bool, R)
		for r := 0; r < ps.top && r < R; r++ {
			cov[c][r] = true
		}
	}
	mark := func(col, cols, top, bottom int) {
		for c := col; c < col+cols && c < C; c++ {
			for r := max(top, 0); r < bottom && r < R; r++ {
				cov[c][r] = true
			}
		}
	}
	for _, pl := range ps.modules {
		for c := 0; c < pl.cols; c++ {
			for _, iv := range pl.cover[c] {
				mark(pl.col+c, 1, iv[0], iv[1])
			}
		}
		// The gap under a module is planned (a rule runs in it) when
		// another module or an ad follows.
		mark(pl.col, pl.cols, pl.top+pl.depth, pl.top+pl.depth+gapSlots)
	}
	for _, pa := range append(append([]*placedAd(nil), ps.ads...), ps.fillers...) {
		mark(pa.col, pa.cols, pa.top-gapSlots, pa.top+pa.depth)
	}
	return cov
}

// white measures a page's unplanned white: its share of the news hole and
// the deepest run in one column, in lines.
func (k *Kit) white(ps *pageState) (pct float64, deepest int, holes []Hole) {
	cov := k.coverage(ps)
	R := k.slots()
	empty, total := 0, 0
	for c := range cov {
		run := 0
		for r := ps.top; r <= R; r++ {
			if r < R && !cov[c][r] {
				total++
				empty++
				run++
				deepest = max(deepest, run)
				continue
			}
			if run > 2 {
				holes = append(holes, Hole{Col: c + 1, Line: r - run, Lines: run})
			}
			if r < R {
				total++
			}
			run = 0
		}
	}
	if total == 0 {
		return 0, 0, nil
	}
	return math.Round(float64(empty)*1000/float64(total)) / 10, deepest, holes
}

// fillers puts a house advertisement in white that no story took: at
// the foot of a page (a section that ended early) or beside a lead whose
// side stack found no story that fits. Each is a rectangle of whole
// columns at least four lines deep, with a slot of space above it.
func (k *Kit) fillers(ps *pageState, label string) {
	cov := k.coverage(ps)
	R := k.slots()
	C := len(cov)
	// White inside a module (legs that end short) is the story's: no
	// filler goes there.
	for _, pl := range ps.modules {
		for c := pl.col; c < pl.col+pl.cols && c < C; c++ {
			for r := max(pl.top, 0); r < pl.top+pl.depth && r < R; r++ {
				cov[c][r] = true
			}
		}
	}
	// Runs of white per column: [top, bottom) slots.
	type run struct{ top, bottom int }
	runs := make([][]run, C)
	for c := range cov {
		for r := ps.top; r < R; {
			if cov[c][r] {
				r++
				continue
			}
			e := r
			for e < R && !cov[c][e] {
				e++
			}
			if e-r >= 4+gapSlots {
				runs[c] = append(runs[c], run{r, e})
			}
			r = e
		}
	}
	used := make([][]bool, C)
	for c := range used {
		used[c] = make([]bool, len(runs[c]))
	}
	for c := 0; c < C; c++ {
		for i, rn := range runs[c] {
			if used[c][i] {
				continue
			}
			// Widen across neighbours with a run of the same extent.
			e := c + 1
			for e < C {
				j := indexRun(runs[e], rn.top, rn.bottom)
				if j < 0 || used[e][j] {
					break
				}
				used[e][j] = true
				e++
			}
			used[c][i] = true
			top, bottom := rn.top+gapSlots, rn.bottom
			if rn.top == ps.top {
				top = rn.top // at the top of the news hole no space is needed
			}
			if bottom < R {
				bottom -= gapSlots // the module under it has its rule in this slot
			}
			if bottom-top < 4 {
				continue
			}
			ps.fillers = append(ps.fillers, &placedAd{ad: Ad{Name: "house", Label: label}, col: c, cols: e - c, top: top, depth: bottom - top, filler: true})
		}
	}
}

func indexRun[T interface{ ~struct{ top, bottom int } }](rs []T, top, bottom int) int {
	for i, r := range rs {
		v := struct{ top, bottom int }(r)
		if v.top == top && v.bottom == bottom {
			return i
		}
	}
	return -1
}
