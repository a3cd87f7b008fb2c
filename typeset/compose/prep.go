package compose

import (
	"sync/atomic"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/units"
)

// item is one story of the make-up queue: an article, or the continuation
// of a jumped one. Its settings at each width are made on demand and kept.
type item struct {
	a     *model.Article
	pin   Pin
	cont  *continuation // set for the continuation of a jumped story
	preps map[prepKey]*prep
	st    *story // the body flow: the same at every width (one column measure)

	// Setting the story ahead on the other core: ready is closed when it
	// is set, claim says who sets it, handed that the make-up has it.
	ready  chan struct{}
	claim  atomic.Bool
	handed bool
	setErr error // what setting it found (characters no font has)
}

type prepKey struct {
	cols int
	size units.Length
}

// prep is a story ready for make-up at one width and headline size: its
// headline package, its photos and its body flow, measured in grid slots.
type prep struct {
	it        *item
	cols      int
	size      units.Length
	headSize  units.Length // the headline's actual size (a continuation's jump head's)
	head      stack
	headSlots int            // slots from the module's top to its body's top
	photos    []display.Item // groups, y from the body's top
	tops      []int          // slot where each column's text starts, under photos
	words     int            // words of the headline package and photo captions
	natural   int            // module depth in slots when the body is balanced
	short     int            // empty slots at the foot of its legs at that depth
	flex      int            // slots the copyfitting can probably add or take away
}

// prep returns the story set at cols columns with a headline of size (0:
// the default for its width and priority). limit bounds the depth.
func (k *Kit) prep(it *item, cols int, size units.Length, limit int) (*prep, error) {
	key := prepKey{cols, size}
	if p, ok := it.preps[key]; ok {
		return p, nil
	}
	s := k.Style
	pitch := s.Page.Baseline
	p := &prep{it: it, cols: cols, size: size}
	w := s.Span(cols)
	if it.cont != nil {
		p.head, p.headSize = k.jumpHead(it, cols, w)
	} else {
		if size == 0 {
			size = k.headlineSize(it.a, cols)
		}
		p.headSize = size
		p.head = k.headPackage(it.a, cols, w, size)
	}
	if err := k.missing(it.a); err != nil {
		return nil, err // a character of its headline package no font has
	}
	p.words = p.head.words()
	if len(p.head.blocks) > 0 {
		p.headSlots = int(ceilDiv(p.head.height()+s.Article.HeadSpace, pitch))
	}
	if it.st == nil {
		it.st = k.newStory(it.a, s.ColumnWidth())
		if err := k.missing(it.a); err != nil {
			return nil, err
		}
	}
	p.tops = make([]int, cols)
	if it.cont == nil && len(it.a.Photos) > 0 {
		pc := photoColumns(cols)
		slot := 0
		for _, ph := range it.a.Photos {
			pb, err := k.setPhoto(it.a, ph, s.Span(pc), pitch, it.st.fl.base, max(limit/2, 6))
			if err != nil {
				return nil, err
			}
			p.photos = append(p.photos, &display.Group{Y: units.Length(slot) * pitch, Label: "photo", Items: pb.items})
			slot += pb.slots
			p.words += pb.words
		}
		for c := 0; c < pc; c++ {
			p.tops[c] = slot
		}
	}
	els := it.elems()
	// The natural depth is what the story needs, however deep: a pour
	// bounded by the page would understate a story that does not fit.
	lg := balance(els, p.tops, 1<<20)
	body := lg.used(els)
	for _, t := range p.tops {
		body = max(body, t)
	}
	p.natural = p.headSlots + body
	p.short = lg.shortfall(els, p.tops)
	// Copyfitting moves about one line in three paragraphs either way;
	// spread over the columns that is this many slots of depth.
	paras := 0
	for i := range it.st.parts {
		if it.cont != nil && i <= it.st.startPart {
			continue // printed before the jump: they keep their lines
		}
		if pt := &it.st.parts[i]; pt.spec != nil && len(it.st.lines(pt).Lines) >= 4 {
			paras++
		}
	}
	p.flex = paras / 4 / cols
	if it.preps == nil {
		it.preps = map[prepKey]*prep{}
	}
	it.preps[key] = p
	return p, nil
}

// elems is the story's body as column elements: the article's own, or
// what is left of a jumped one.
func (it *item) elems() []elem {
	return it.st.elems()
}
