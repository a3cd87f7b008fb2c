package compose

import (
	"fmt"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// story is an article's body prepared for pouring into columns: its parts
// in order, each paragraph settable at other looseness values, so that the
// copyfitting can lengthen or shorten paragraphs by a line to make the
// legs come out even.
type story struct {
	k     *Kit
	fl    *flow // geometry: width, pitch, baseline offset
	parts []part
	hyph  paragraph.Hyphenator
	src   string // the article's file, for warnings

	// After a jump the story goes on from part startPart, line startLine
	// (the rest of the paragraph it broke in), after the boxes in prefix
	// that did not fit before the jump. Parts up to startPart are printed
	// and keep their looseness.
	startPart, startLine int
	prefix               []elem

	cache    []elem
	cacheKey string
	total    int
	warnings []string // for the kit that reports them
	noPolish bool     // tests: copyfit with the greedy steps alone
	track    bool     // polishing may track paragraphs (looseness ±2)
	// scratch holds light elements copyfitting reuses: [0] the pour being
	// tried, [1] and [2] the best so far (see fitter.keep).
	scratch [3][]elem
}

// resume makes the story go on, for its continuation, from where a jump
// left it: rest is what did not fit, in order.
func (st *story) resume(rest []elem) {
	first := -1
	for i, e := range rest {
		if !e.float {
			first = i
			break
		}
	}
	st.cache = nil
	if first < 0 {
		st.prefix = append([]elem(nil), rest...)
		st.startPart = len(st.parts)
		return
	}
	r := rest[first]
	st.startPart, st.startLine = r.part, 0
	if r.kind == lineElem {
		st.startLine = r.line
	}
	st.prefix = nil
	st.cache = nil
	for _, e := range rest {
		if e.float && e.part < r.part {
			st.prefix = append(st.prefix, e)
		}
	}
}

// part is one body block: a paragraph (re-settable) or fixed elements
// (crossheads, boxes, the credit line).
type part struct {
	spec     *paragraph.Spec // paragraphs only
	para     int
	loose    int // looseness in use
	sets     map[int]paragraph.Result
	measures map[int]paragraph.Measure
	fixed    []elem
	// A box may grow by a slot or two (more room around its text) when
	// that brings a story's legs out even.
	box   *boxed
	space int
	grow  int
	drop  *dropCap // the story's first paragraph may open with one
	// tracked[0] and [1]: the paragraph tracked tighter and looser, for
	// looseness −2 and +2 (a line less or more with tracking).
	tracked [2]*paragraph.Spec
}

// newStory sets an article's body at column width w.
func (k *Kit) newStory(a *model.Article, w units.Length) *story {
	s := k.Style
	st := &story{k: k, fl: &flow{width: w, pitch: s.Page.Baseline}, src: a.Source}
	fl := st.fl
	body := k.Font("body")
	desc := -body.Regular.Scale(body.Regular.Descender, body.Size)
	fl.base = fl.pitch - desc*3/4
	hyph := k.hyphenator(a.Lang)
	// The story's boxes are hyphenated in its language, not in that of
	// whichever story the setter set last.
	k.Setter.Hyph = hyph
	first := true    // the next paragraph is the story's first
	noIndent := true // the next paragraph follows a heading
	para := 0
	for _, b := range a.Body {
		switch b.Kind {
		case model.Paragraph:
			runs := make([]paragraph.Run, 0, len(b.Text)+1)
			if first {
				if dl := Dateline(a.Dateline, s.Dateline); dl != "" {
					runs = append(runs, paragraph.Run{Text: dl + " ", Font: k.Font("dateline")})
				}
			}
			for _, sp := range b.Text {
				runs = append(runs, paragraph.Run{Text: sp.Text, Font: body, Style: sp.Style})
			}
			var drop *dropCap
			if first {
				drop, runs = k.dropCap(a, runs)
			}
			indent := s.Type.Body.Indent
			if noIndent {
				indent = 0
			}
			spec := &paragraph.Spec{Runs: runs, Align: align(s.Type.Body.Align, paragraph.Justify), Indent: indent, Hyphenate: hyph != nil, ID: k.newParagraphID()}
			st.parts = append(st.parts, part{spec: spec, para: para, sets: map[int]paragraph.Result{}, drop: drop})
			para++
			first, noIndent = false, false
		case model.Crosshead:
			blk := k.set("crosshead", b.Text, w, paragraph.Left, false)
			gap := int(ceilDiv(s.Type.Crosshead.Before, fl.pitch))
			st.parts = append(st.parts, part{fixed: fl.headElems(blk, gap)})
			noIndent = true
		case model.QuoteBox:
			space := int(ceilDiv(s.Box.Space, fl.pitch))
			bx := k.quoteBox(b, w)
			st.parts = append(st.parts, part{fixed: []elem{fl.boxElem(bx, space, 0)}, box: &bx, space: space})
		case model.PullQuote:
			space := int(ceilDiv(s.Pull.Space, fl.pitch))
			bx := k.pullQuote(b, w)
			st.parts = append(st.parts, part{fixed: []elem{fl.boxElem(bx, space, 0)}, box: &bx, space: space})
		}
	}
	if cl := CreditLine(a.Credit, s.Credit); cl != "" {
		blk := k.set("credit", plain(cl), w, paragraph.Right, false)
		var els []elem
		for _, l := range blk.lines {
			e := elem{slots: 1, kind: creditElem, words: l.Words}
			e.items = placeLine(nil, l, 0, fl.base)
			els = append(els, e)
		}
		st.parts = append(st.parts, part{fixed: els})
	}
	st.hyph = hyph
	return st
}

// release forgets the paragraph settings and elements the story keeps for
// setting it again; it can still be set, from scratch.
func (st *story) release() {
	for i := range st.parts {
		clear(st.parts[i].sets)
		st.parts[i].measures = nil
	}
	st.cache = nil
}

// lines returns a paragraph part's lines at its current looseness,
// setting it on first use.
func (st *story) lines(p *part) paragraph.Result {
	if r, ok := p.sets[p.loose]; ok {
		return r
	}
	st.k.Setter.Hyph = st.hyph
	spec := st.specAt(p, p.loose)
	widths := st.widths(p)
	r := st.k.Setter.Set(&spec, widths)
	p.sets[p.loose] = r
	if p.loose == 0 && len(r.Lines) >= 2 {
		st.measureNear(p, widths) // copyfitting will weigh them
	}
	for _, l := range r.Lines {
		if l.Overfull > 0 && p.loose == 0 {
			st.warnings = append(st.warnings, fmt.Sprintf("%s: a line of paragraph %d sticks out %v: a word too long for the column", st.src, p.para+1, l.Overfull))
		}
	}
	return r
}

// measure breaks a paragraph part at a looseness without placing its
// glyphs, remembering the answer: copyfitting weighs every paragraph's
// one-line-longer and one-line-shorter settings and keeps few of them.
func (st *story) measure(p *part, loose int) paragraph.Measure {
	if m, ok := p.measures[loose]; ok {
		return m
	}
	if p.measures == nil {
		p.measures = map[int]paragraph.Measure{}
	}
	if r, ok := p.sets[loose]; ok {
		m := paragraph.Measure{Lines: len(r.Lines), LoosenessMet: r.LoosenessMet, Demerits: r.Demerits, Pass: r.Pass, Hyphenated: make([]bool, len(r.Lines))}
		for i, l := range r.Lines {
			m.Hyphenated[i] = l.Hyphenated
		}
		p.measures[loose] = m
		return m
	}
	st.k.Setter.Hyph = st.hyph
	widths := st.widths(p)
	spec := st.specAt(p, loose)
	p.measures[loose] = st.k.Setter.Measure(&spec, widths)
	st.measureNear(p, widths)
	return p.measures[loose]
}

// measureNear measures the settings copyfitting weighs first (a line
// shorter, the optimum, a line longer) that are neither measured nor set,
// back to back while the setter still holds the paragraph's items
// (building them costs more than breaking them into lines). The setter
// must be set up for the story (its hyphenator).
func (st *story) measureNear(p *part, widths []units.Length) {
	if p.measures == nil {
		p.measures = map[int]paragraph.Measure{}
	}
	for _, v := range [...]int{-1, 0, 1} {
		if _, ok := p.measures[v]; ok {
			continue
		}
		if _, ok := p.sets[v]; ok {
			continue
		}
		spec := st.specAt(p, v)
		p.measures[v] = st.k.Setter.Measure(&spec, widths)
	}
}

// specAt is a paragraph part's spec at looseness v; ±2 is a line less or
// more with the paragraph tracked by the style's copyfit tracking.
func (st *story) specAt(p *part, v int) paragraph.Spec {
	if v != 2 && v != -2 {
		spec := *p.spec
		spec.Looseness = v
		return spec
	}
	i := 0
	if v > 0 {
		i = 1
	}
	if p.tracked[i] == nil {
		t := int(float64(st.k.Style.Article.CopyfitTracking)*1000 + 0.5)
		if v < 0 {
			t = -t
		}
		spec := *p.spec
		spec.ID = st.k.newParagraphID()
		spec.Runs = make([]paragraph.Run, len(p.spec.Runs))
		fonts := map[*paragraph.Font]*paragraph.Font{}
		for j, r := range p.spec.Runs {
			f, ok := fonts[r.Font]
			if !ok {
				c := *r.Font
				c.Tracking += t
				f = &c
				fonts[r.Font] = f
			}
			r.Font = f
			spec.Runs[j] = r
		}
		p.tracked[i] = &spec
	}
	spec := *p.tracked[i]
	spec.Looseness = v / 2
	return spec
}

// elems lays the parts out as column elements at their current looseness.
// elems returns the story's elements at the current looseness. The slice
// is cached until a paragraph's looseness changes: callers must not modify
// it.
func (st *story) elems() []elem {
	if st.cache != nil && st.cacheKey == st.key() {
		return st.cache
	}
	st.cache = st.buildElems()
	st.cacheKey = st.key()
	st.total = 0
	for _, e := range st.cache {
		st.total += e.slots + e.above
	}
	return st.cache
}

// key identifies the current looseness of all parts and the resume point.
func (st *story) key() string {
	b := make([]byte, 0, len(st.parts)+8)
	for _, p := range st.parts {
		b = append(b, byte(p.loose+2+p.grow*4))
	}
	b = append(b, byte(st.startPart), byte(st.startPart>>8), byte(st.startLine), byte(st.startLine>>8), byte(len(st.prefix)))
	return string(b)
}

// totalSlots is the depth of the story's elements in one column.
func (st *story) totalSlots() int {
	st.elems()
	return st.total
}

func (st *story) buildElems() []elem {
	return st.assemble(nil, false)
}

// assemble appends the story's elements at the current looseness to dst.
// Light elements carry what pouring needs and no glyphs: their paragraphs
// are measured, not set (copyfitting weighs many settings this way).
func (st *story) assemble(dst []elem, light bool) []elem {
	out := append(dst, st.prefix...)
	for i := st.startPart; i < len(st.parts); i++ {
		p := &st.parts[i]
		if p.box != nil && p.grow > 0 {
			e := st.fl.boxElem(*p.box, p.space, p.grow)
			e.part = i
			out = append(out, e)
			continue
		}
		if p.spec == nil {
			for _, e := range p.fixed {
				e.part = i
				out = append(out, e)
			}
			continue
		}
		from := 0
		if i == st.startPart {
			from = st.startLine
		}
		n := len(out)
		if light {
			m := st.measure(p, p.loose)
			for j := from; j < m.Lines; j++ {
				out = append(out, lineShape(j, m.Lines, m.Hyphenated[j], p.para, p.drop))
			}
		} else {
			out = st.fl.lineElems(out, st.lines(p).Lines, p.para, from, p.drop)
		}
		for j := n; j < len(out); j++ {
			out[j].part = i
		}
	}
	// The credit belongs to the story's last line: keep them together.
	if n := len(st.parts); n > 0 && st.parts[n-1].spec == nil && len(out) >= 2 {
		if last := st.parts[n-1].fixed; len(last) > 0 && last[0].kind == creditElem {
			out[len(out)-len(last)-1].brk = forbid
		}
	}
	return out
}

// lineElems appends a paragraph's lines, forbidding the column breaks that
// would leave a widow or an orphan or end a leg on a hyphen.
func (fl *flow) lineElems(dst []elem, lines []paragraph.Line, para, from int, drop *dropCap) []elem {
	n := len(lines)
	for i := from; i < n; i++ {
		l := lines[i]
		e := lineShape(i, n, l.Hyphenated, para, drop)
		e.words = l.Words
		if drop != nil && i < drop.lines {
			fl.dropLine(&e, l, i, drop)
		} else {
			e.items = placeLine(nil, l, 0, fl.base)
		}
		dst = append(dst, e)
	}
	return dst
}

// lineShape is line i of n of a paragraph as the column breaker sees it:
// where a column may end.
func lineShape(i, n int, hyph bool, para int, drop *dropCap) elem {
	e := elem{slots: 1, kind: lineElem, para: para, line: i, lines: n, hyph: hyph}
	switch {
	case drop != nil && i < drop.lines-1:
		e.brk, e.keep = forbid, true // the lines beside a drop cap stay together
	case i == n-1:
		e.brk = 0
	case i == 0 || i == n-2:
		e.brk = forbid // orphan after the first line, widow before the last
	case hyph:
		e.brk = forbid // a leg never ends on a hyphen
	}
	return e
}

// headElems makes a crosshead's elements, kept with what follows.
func (fl *flow) headElems(b block, gap int) []elem {
	var out []elem
	for i, l := range b.lines {
		e := elem{slots: 1, kind: headElem, brk: forbid, words: l.Words}
		if i == 0 {
			e.above = gap
		}
		e.items = placeLine(nil, l, 0, fl.base)
		out = append(out, e)
	}
	return out
}

// boxElem makes a boxed element that takes whole slots. The frame runs
// from about the cap height of its first slot's text line to its last
// slot's baseline, so it lines up with the text in the next column.
func (fl *flow) boxElem(b boxed, space, grow int) elem {
	top := fl.base - fl.pitch*2/3
	slots := 1 + int(ceilDiv(b.height-(fl.base-top), fl.pitch)) + grow
	e := elem{slots: max(slots, 1), above: space, below: space, float: true, kind: boxElem, words: b.words}
	bottom := units.Length(e.slots-1)*fl.pitch + fl.base
	e.items = b.draw(top, bottom)
	return e
}
