package compose

import (
	"pressroom.dev/typeset/hyphenate"
	"pressroom.dev/typeset/paragraph"
)

// wordHyphenator applies one language's patterns with the house rules.
type wordHyphenator struct {
	h   *hyphenate.Hyphenator
	opt hyphenate.Options
	buf []int
}

func (w *wordHyphenator) Points(word string) []int {
	w.buf = w.h.PointsAppend(w.buf[:0], word, w.opt)
	return w.buf
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
	k.hyphs[lang] = w
	return w
}
