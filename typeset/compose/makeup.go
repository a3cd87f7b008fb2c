package compose

import (
	"fmt"
	"runtime"
	"sync"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/units"
)

// Automatic page make-up. The news hole of each page (the type area less
// the masthead or folio and the ads) is cut into rectangular modules that
// tile it: a band across the top for the page's lead, then stacks of
// columns, each a pile of modules. Every module's depth is fixed by the
// plan and its story is fitted to it exactly (looseness, headline size);
// a story too long for its place jumps to a later page. Stories of a
// section stay together and keep their running order as far as the fit
// allows.

// Pin is what the desk fixes for a story: a page, a width, or a new page
// before it.
type Pin struct {
	Page    int  // page the story must start on (0: free)
	Columns int  // columns it must span (0: free)
	Lines   int  // depth of its slot in body lines, headline included (0: free)
	NoJump  bool // it must not jump: what does not fit its slot is overset
	NewPage bool // start a new page before it
}

// Story is one entry of the running order.
type Story struct {
	Article *model.Article
	Pin     Pin
}

// Ad is a booked advertisement: its page, its size in whole columns and
// height, and an image file or a placeholder label.
type Ad struct {
	Name    string
	Page    int
	Columns int
	Height  units.Length
	File    string
	Label   string
}

// continuation is the rest of a jumped story, placed as a module of its
// own on a later page.
type continuation struct {
	from     *item
	fromPage int
	line     *jumpLine // the "Continued on Page N" line to fill in
}

// jumpLine is a jump line whose page number is known only once the
// continuation has been placed.
type jumpLine struct {
	page   *pageState
	x, y   units.Length // baseline start, in page coordinates
	w      units.Length
	target *pageState
	from   bool // "Continued from Page N" (else "Continued on Page N")
}

// pageState is a page being made up, in grid slots.
type pageState struct {
	pg      *display.Page
	index   int
	top     int   // first slot of the news hole
	bottom  []int // per column: the first slot the news hole does not reach
	section string
	modules []*placed
	ads     []*placedAd
	fillers []*placedAd
}

// placed is a module on a page.
type placed struct {
	it                         *item
	p                          *prep
	col, cols                  int
	top, depth                 int
	words                      int
	jumped                     bool
	jumpTo                     *item      // the continuation, when it jumped
	legs                       []Leg      // in page coordinates
	short                      int        // empty slots at the foot of its legs
	cover                      [][][2]int // per column: the slots its content covers, [from, to)
	oversetLines, oversetWords int
}

type placedAd struct {
	ad         Ad
	col, cols  int
	top, depth int
	filler     bool
}

// Geometry of the grid.
func (k *Kit) slots() int {
	_, _, _, h := k.Style.TypeArea(1)
	return int(h / k.Style.Page.Baseline)
}

func (k *Kit) slotY(pg *pageState, slot int) units.Length {
	_, top, _, _ := k.Style.TypeArea(pg.pg.Number)
	return top + units.Length(slot)*k.Style.Page.Baseline
}

func (k *Kit) colX(pg *pageState, col int) units.Length {
	x, _, _, _ := k.Style.TypeArea(pg.pg.Number)
	return x + units.Length(col)*(k.Style.ColumnWidth()+k.Style.Page.Gutter)
}

// newPageState starts a page: furniture, then the ads booked for it.
func (k *Kit) newPageState(index int, section string, ed Edition, ads []Ad) *pageState {
	pg := k.newPage(index+1, section)
	ps := &pageState{pg: pg, index: index, section: section}
	var y units.Length
	if index == 0 {
		y = k.masthead(pg, ed)
	} else {
		y = k.folio(pg, ed)
	}
	_, top, _, _ := k.Style.TypeArea(pg.Number)
	ps.top = int(ceilDiv(y-top, k.Style.Page.Baseline))
	n := k.Style.Page.Columns
	ps.bottom = make([]int, n)
	for c := range ps.bottom {
		ps.bottom[c] = k.slots()
	}
	for _, ad := range ads {
		if ad.Page == pg.Number {
			k.placeAd(ps, ad)
		}
	}
	return ps
}

// MakeUp lays out an edition: the stories in running order (with their
// pins) and the booked ads, onto as many pages as they need.
func (k *Kit) MakeUp(stories []Story, ads []Ad, ed Edition) (*display.Document, *Report, error) {
	m := &makeup{k: k, ed: ed, ads: ads}
	for _, s := range stories {
		m.queue = append(m.queue, &item{a: s.Article, pin: s.Pin})
	}
	if err := m.prepareStories(); err != nil {
		return nil, nil, err
	}
	err := m.run()
	if perr := m.preparedErrors(); perr != nil {
		return nil, nil, perr // a story that cannot be set comes first
	}
	if err != nil {
		return nil, nil, err
	}
	return m.finish()
}

type makeup struct {
	k      *Kit
	ed     Edition
	ads    []Ad
	queue  []*item
	conts  []*item // continuations waiting for the end of their section
	pages  []*pageState
	jumps  []*jumpLine
	shorts map[shortKey]int // estShort's memory

	// The running order's stories are set on the other core while the
	// make-up goes on (see prepareStories).
	prepared []*item
	prepWG   sync.WaitGroup
	warned   int // the kit's warnings before the make-up
}

func (m *makeup) newPage(section string) *pageState {
	ps := m.k.newPageState(len(m.pages), section, m.ed, m.ads)
	m.pages = append(m.pages, ps)
	return ps
}

// run fills pages until every story is placed.
func (m *makeup) run() error {
	for len(m.queue) > 0 || len(m.conts) > 0 {
		section := ""
		if len(m.queue) > 0 {
			section = m.queue[0].a.Section
		} else {
			section = m.conts[0].a.Section
		}
		before := len(m.queue) + len(m.conts)
		ps := m.newPage(section)
		if err := m.fillPage(ps); err != nil {
			return err
		}
		if m.k.OnPage != nil {
			m.k.OnPage(len(m.pages), len(m.queue))
		}
		if len(m.queue)+len(m.conts) == before && len(ps.modules) == 0 {
			it := m.next(ps)
			return fmt.Errorf("%s: the story cannot be placed on an empty page", it.a.Source)
		}
		if len(m.pages) > 500 {
			return fmt.Errorf("make-up: more than 500 pages; giving up")
		}
	}
	return nil
}

// next returns the story the page takes next (see candidates).
func (m *makeup) next(ps *pageState) *item {
	if c := m.candidates(ps, 1); len(c) > 0 {
		return c[0]
	}
	return nil
}

func (m *makeup) remove(it *item) {
	for i, q := range m.queue {
		if q == it {
			m.queue = append(m.queue[:i], m.queue[i+1:]...)
			return
		}
	}
	for i, q := range m.conts {
		if q == it {
			m.conts = append(m.conts[:i], m.conts[i+1:]...)
			return
		}
	}
}

// candidates lists the stories the page may take next, in preference
// order: the next few of the running order, and the continuations of the
// stories that jumped, which run when their section's own stories are
// placed. Sections follow each other without a forced page break, so a
// section that ends early shares its last page with the next one.
func (m *makeup) candidates(ps *pageState, n int) []*item {
	var out []*item
	contSection := func(sec string) {
		for _, c := range m.conts {
			if c.a.Section == sec && c.cont.fromPage < ps.pg.Number && !containsItem(out, c) {
				out = append(out, c)
			}
		}
	}
	prev := ""
	for i, q := range m.queue {
		if len(out) >= n {
			break
		}
		if i > 0 && q.a.Section != prev {
			contSection(prev) // a section's jumps close it
		}
		if q.pin.NewPage && (len(ps.modules) > 0 || len(out) > 0) {
			break
		}
		if p := q.pin.Page; p != 0 && p != ps.pg.Number {
			break
		}
		m.ready(q)
		out = append(out, q)
		prev = q.a.Section
	}
	// Continuations waiting longest come first; a few at a time keep the
	// planner's search small.
	for _, c := range m.conts {
		if len(out) >= n+2 {
			break
		}
		if c.cont.fromPage < ps.pg.Number && !containsItem(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func containsItem(list []*item, it *item) bool {
	for _, x := range list {
		if x == it {
			return true
		}
	}
	return false
}

// prepareStories starts setting the bodies of the running order's stories
// on the other core, in order, while the make-up goes on: stories do not
// depend on each other, and their paragraphs are most of the work. The
// worker has a kit of its own (a kit's setter and shaper are not safe for
// concurrent use; fonts and hyphenation patterns are shared); the make-up
// takes a story over when it reaches it (ready), or sets it itself when
// it gets there first. Warnings are gathered in running order
// (preparedErrors), so the report does not depend on scheduling.
func (m *makeup) prepareStories() error {
	items := append([]*item(nil), m.queue...) // the make-up takes from m.queue
	for _, it := range items {
		it.ready = make(chan struct{})
	}
	m.prepared = items
	m.warned = len(m.k.Warnings)
	if runtime.GOMAXPROCS(0) < 2 || len(items) < 2 {
		return nil // the make-up sets each story as it comes to it
	}
	k, err := NewKit(m.k.Style, m.k.Fonts, m.k.Hyph)
	if err != nil {
		return err
	}
	k.ids = m.k.ids // paragraph IDs stay unique across the two setters
	m.prepWG.Add(1)
	go func() {
		defer m.prepWG.Done()
		for _, it := range items {
			if !it.claim.CompareAndSwap(false, true) {
				continue // the make-up got there first
			}
			it.set(k)
		}
	}()
	return nil
}

// ready makes sure a story of the running order is set before the
// make-up uses it: set by the other core (then handed over to the
// make-up's own setter and hyphenator), or now.
func (m *makeup) ready(it *item) {
	if it.ready == nil || it.handed {
		return
	}
	it.handed = true
	if it.claim.CompareAndSwap(false, true) {
		it.set(m.k)
		return
	}
	<-it.ready
	it.st.k, it.st.hyph = m.k, m.k.hyphenator(it.a.Lang)
}

// set sets the item's story with kit k and says it is ready.
func (it *item) set(k *Kit) {
	it.st = k.newStory(it.a, k.Style.ColumnWidth())
	it.st.elems()
	it.setErr = k.missing(it.a)
	close(it.ready)
}

// preparedErrors waits for the stories set on the other core and returns
// the errors setting them found; their warnings go before the make-up's,
// in running order.
func (m *makeup) preparedErrors() error {
	m.prepWG.Wait()
	var all model.Errors
	var warns []string
	for _, it := range m.prepared {
		if it.setErr != nil {
			all = append(all, it.setErr)
		}
		if it.st != nil {
			warns = append(warns, it.st.warnings...)
			it.st.warnings = nil
		}
	}
	w := m.k.Warnings
	m.k.Warnings = append(append(append([]string(nil), w[:m.warned]...), warns...), w[m.warned:]...)
	return all.Err()
}
