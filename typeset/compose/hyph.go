package compose

import (
	"unicode"
	"unicode/utf8"

	"pressroom.dev/typeset/hyphenate"
	"pressroom.dev/typeset/paragraph"
)

// wordHyphenator applies one language's patterns with the house rules.
// When the house does not hyphenate names but gives them a penalty,
// capitalised words break only at that cost: a last resort for a line
// that would otherwise gape.
type wordHyphenator struct {
	h           *hyphenate.Hyphenator
	opt         hyphenate.Options
	names       hyphenate.Options // opt with capitals allowed
	namePenalty int
	buf         []int
}

func (w *wordHyphenator) Points(word string) ([]int, int) {
	w.buf = w.h.PointsAppend(w.buf[:0], word, w.opt)
	if len(w.buf) == 0 && w.namePenalty > 0 {
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
			w.buf = w.h.PointsAppend(w.buf[:0], word, w.names)
			return w.buf, w.namePenalty
		}
	}
	return w.buf, 0
}

// hyphenator returns the hyphenator for an article's language (the style's
// when the article names none), or nil when no patterns exist for it; the
// text is then set without hyphenation and a warning says so.
func (k *Kit) hyphenator(lang string) paragraph.Hyphenator {
	if lang == "" {
		lang = k.Style.Lang
	}
	if w, ok := k.hyphs[lang]; ok {
		return w
	}
	h, err := k.Hyph.Get(lang)
	if err != nil {
		k.warnf("no hyphenation patterns for language %q: set without hyphenation", lang)
		k.hyphs[lang] = nil
		return nil
	}
	hs := k.Style.Hyphen
	w := &wordHyphenator{h: h, opt: hyphenate.Options{
		LeftMin:              hs.LeftMin,
		RightMin:             hs.RightMin,
		MinWordLength:        hs.MinWord,
		HyphenateCapitalized: hs.Capitalized || !hyphenate.CapitalsMarkNames(lang),
		Exceptions:           hs.Exceptions,
	}}
	if !w.opt.HyphenateCapitalized && hs.NamePenalty > 0 {
		w.names = w.opt
		w.names.HyphenateCapitalized = true
		w.namePenalty = hs.NamePenalty
	}
	k.hyphs[lang] = w
	return w
}
