package compose

import (
	"strings"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/style"
	"pressroom.dev/typeset/units"
)

// headPackage sets kicker, headline, deck and byline across a module of
// cols columns (width w), the headline at size (0: the size headlineSize
// picks).
func (k *Kit) headPackage(a *model.Article, cols int, w, size units.Length) stack {
	s := k.Style
	var st stack
	if kicker := k.kicker(a); kicker != "" {
		st.add(k.set("kicker", plain(kicker), w, paragraph.Left, false), 0)
	}
	if a.Headline != "" {
		if size == 0 {
			size = k.headlineSize(a, cols)
		}
		gap := units.Length(0)
		if len(st.blocks) > 0 {
			gap = units.FromPt(2)
		}
		st.add(k.headline(a.Headline, size, w), gap)
	}
	if a.Deck != "" {
		st.add(k.set("deck", plain(a.Deck), s.Span(deckCols(cols)), paragraph.Left, false), s.Type.Deck.Before)
	}
	if a.Byline != "" {
		st.add(k.set("byline", plain(a.Byline), w, paragraph.Left, false), s.Type.Byline.Before)
	}
	return st
}

// deckCols is how many of a module's columns its deck spans: over four
// columns or more a deck reads better narrower than the headline.
func deckCols(cols int) int {
	if cols >= 4 {
		return (cols*3 + 3) / 4
	}
	return cols
}

// headlineSize picks a size from the style's scale: bigger for wider
// modules and more important stories. A lead across five columns gets
// the top of the scale; each step of priority or each column less takes
// it down.
func (k *Kit) headlineSize(a *model.Article, cols int) units.Length {
	hs := k.Style.Type.Headline
	if hs.BriefSize > 0 && cols <= 2 && k.words(a) <= hs.BriefWords {
		return hs.BriefSize
	}
	sizes := hs.Sizes
	// Widest plausible size for the width: about 12 pt per column.
	limit := units.Length(cols) * 12 * units.Pt
	idx := 0
	for i, sz := range sizes {
		if sz <= limit {
			idx = i
		}
	}
	p := a.Priority
	if p < 1 {
		p = 3
	}
	idx -= p - 1
	return sizes[max(idx, 0)]
}

// headline sets a headline at a size, never more than the style's maximum
// lines if a smaller size avoids it, with its lines balanced: the measure
// is narrowed as long as the line count stays the same, so that lines come
// out of similar length and the last is never a lone word, but not below
// five sixths of the width: a headline fills its module's width (a head
// that stops a column short leaves a hole beside it).
func (k *Kit) headline(text string, size, w units.Length) block {
	hs := k.Style.Type.Headline
	sizes := hs.Sizes
	maxLines := hs.MaxLines
	if maxLines <= 0 {
		maxLines = 3
	}
	var n int
	for {
		n = k.headlineLines(text, size, w)
		if n <= maxLines || size <= sizes[0] {
			break
		}
		size = smaller(sizes, size)
	}
	if n < 2 {
		return k.setHeadline(text, size, w)
	}
	// The narrowest measure from five sixths of the width up that keeps
	// the line count, unless its last line is a lone word; then the
	// narrowest from half the width (balanced lines).
	if m := k.narrowest(text, size, n, w*5/6, w); m > 0 {
		if b := k.setHeadline(text, size, m); len(b.lines) == n && b.lines[n-1].Words > 1 {
			return b
		}
	}
	return k.setHeadline(text, size, k.narrowest(text, size, n, w/2, w))
}

// narrowest finds, to a point, the narrowest measure between lo and hi at
// which a headline sets in n lines (at hi it does); 0 if there is none.
func (k *Kit) narrowest(text string, size units.Length, n int, lo, hi units.Length) units.Length {
	if k.headlineLines(text, size, hi) != n {
		return 0
	}
	if k.headlineLines(text, size, lo) == n {
		return lo
	}
	for hi-lo > units.Pt {
		mid := (lo + hi) / 2
		if k.headlineLines(text, size, mid) == n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

func smaller(sizes []units.Length, size units.Length) units.Length {
	for i := len(sizes) - 1; i >= 0; i-- {
		if sizes[i] < size {
			return sizes[i]
		}
	}
	return sizes[0]
}

func (k *Kit) setHeadline(text string, size, w units.Length) block {
	ts, runs := k.headlineRuns(text, size)
	return k.setRuns(ts, runs, w, paragraph.Left, false)
}

// headlineLines counts the lines of a headline without placing its
// glyphs: the balancing search tries many measures.
func (k *Kit) headlineLines(text string, size, w units.Length) int {
	_, runs := k.headlineRuns(text, size)
	return k.Setter.Measure(&paragraph.Spec{Runs: runs, Align: paragraph.Left}, []units.Length{w}).Lines
}

func (k *Kit) headlineRuns(text string, size units.Length) (style.TypeStyle, []paragraph.Run) {
	hs := k.Style.Type.Headline
	f := *k.Font("headline")
	f.Size = size
	ts := hs.TypeStyle
	ts.Size = size
	ratio := float64(hs.LeadingRatio)
	if ratio == 0 {
		ratio = 1.05
	}
	ts.Leading = units.Length(float64(size) * ratio)
	return ts, []paragraph.Run{{Text: text, Font: &f}}
}

// articleWords counts the words of an article's body.
func articleWords(a *model.Article) int {
	n := 0
	for _, b := range a.Body {
		n += len(strings.Fields(model.Plain(b.Text)))
		for _, q := range b.Quote {
			n += len(strings.Fields(model.Plain(q)))
		}
	}
	return n
}

// words is articleWords, remembered per article.
func (k *Kit) words(a *model.Article) int {
	if n, ok := k.wordCount[a]; ok {
		return n
	}
	n := articleWords(a)
	k.wordCount[a] = n
	return n
}

// kicker is the label printed over a's headline: its own kicker, else its
// section when the style asks for that.
func (k *Kit) kicker(a *model.Article) string {
	if a.Kicker != "" || !k.Style.Type.Kicker.Section {
		return a.Kicker
	}
	return a.Section
}
