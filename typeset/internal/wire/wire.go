// Package wire holds what the readers of the IPTC wire formats (packages
// nitf and ninjs) share: white-space folding and span normalisation, smart
// punctuation, desk slugs, image paths, the dateline that agencies repeat at
// the start of the first paragraph, quote attributions, byte positions for
// messages, and the order of reported errors.
//
// It knows nothing of XML or JSON; the readers turn their trees into
// model.Article values and call these helpers on the text. Package
// wiretest holds what their tests share.
package wire

import (
	"sort"

	"pressroom.dev/typeset/model"
)

// MaxErrors bounds the problems reported for one file.
const MaxErrors = 20

// SortErrors orders input errors by position; those without a line last.
func SortErrors(es model.Errors) {
	key := func(e error) (int, int) {
		ie, ok := e.(*model.InputError)
		if !ok || ie.Line == 0 {
			return int(^uint(0) >> 1), 0
		}
		return ie.Line, ie.Col
	}
	sort.SliceStable(es, func(i, j int) bool {
		li, ci := key(es[i])
		lj, cj := key(es[j])
		return li < lj || li == lj && ci < cj
	})
}

// ClampPriority maps an agency's urgency to the model's 1..5.
func ClampPriority(n int) int {
	return min(max(n, 1), 5)
}

// Join appends t to s with sep between, skipping empty parts.
func Join(s, t, sep string) string {
	switch {
	case t == "":
		return s
	case s == "":
		return t
	}
	return s + sep + t
}
