package wire

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pressroom.dev/typeset/model"
)

// IsSpace reports the white space that collapses: the ASCII white space of
// XML and HTML. Non-breaking and other Unicode spaces are text and stay.
func IsSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// Collapse turns every run of white space into one space and trims the ends.
func Collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // at the start: drop leading white space
	for _, r := range s {
		if IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// NormSpans collapses white space across span boundaries, trims the ends,
// drops empty spans and merges neighbours of the same style.
func NormSpans(in []model.Span) []model.Span {
	var out []model.Span
	var b strings.Builder
	var style model.SpanStyle
	flush := func() {
		if b.Len() > 0 {
			out = append(out, model.Span{Text: b.String(), Style: style})
			b.Reset()
		}
	}
	space := true // at the start: drop leading white space
	for _, s := range in {
		for _, r := range s.Text {
			if IsSpace(r) {
				if space {
					continue
				}
				r, space = ' ', true
			} else {
				space = false
			}
			if b.Len() > 0 && s.Style != style {
				flush()
			}
			if b.Len() == 0 {
				style = s.Style
			}
			b.WriteRune(r)
		}
	}
	flush()
	// Trim the trailing space, which may sit alone in the last span.
	for len(out) > 0 {
		last := &out[len(out)-1]
		last.Text = strings.TrimRight(last.Text, " ")
		if last.Text != "" {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

// IsDash reports the dashes that may lead an attribution or follow a
// dateline.
func IsDash(r rune) bool {
	switch r {
	case '-', '–', '—', '―', '−':
		return true
	}
	return false
}

// StripDash removes a leading dash (and the spaces around it) from an
// attribution: the typesetter adds its own.
func StripDash(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return IsDash(r) || unicode.IsSpace(r) })
}

// StartsWithDash reports whether s begins with a dash, the mark of an
// attribution line at the end of a quote.
func StartsWithDash(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsDash(r)
}
