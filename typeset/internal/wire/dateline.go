package wire

import (
	"strings"
	"unicode"

	"pressroom.dev/typeset/model"
)

// leadDate is what leads a wire story's first paragraph, as in
// "GROSSETO, Italy (AP) -- The trial ...".
type leadDate struct {
	place  string // "GROSSETO, Italy"; may be empty
	agency string // "AP"; may be empty
	cut    int    // bytes of the paragraph's text to remove
}

// leadDateline finds a dateline at the start of a paragraph's text: a short
// prefix followed by a dash ("--", "—", "–" or " - "), whose first part is a
// place in capitals or the known place, optionally with an agency in
// parentheses; or an agency in parentheses alone ("(Sports Network) -").
func leadDateline(text, place string) (leadDate, bool) {
	const maxPrefix = 80
	i, n := -1, 0
	for j, r := range text {
		if j > maxPrefix*4 || n > maxPrefix {
			break
		}
		n++
		if r == '—' || r == '–' || r == '-' && strings.HasPrefix(text[j:], "--") ||
			r == '-' && strings.HasPrefix(text[j:], "- ") && j > 0 && text[j-1] == ' ' {
			i = j
			break
		}
	}
	if i <= 0 {
		return leadDate{}, false
	}
	prefix := strings.TrimSpace(text[:i])
	rest := strings.TrimLeftFunc(text[i:], func(r rune) bool { return IsDash(r) || unicode.IsSpace(r) })
	if prefix == "" || rest == "" || strings.ContainsAny(prefix, "!?;\"“”«»") {
		return leadDate{}, false
	}
	d := leadDate{cut: len(text) - len(rest)}
	head := prefix
	if strings.HasSuffix(prefix, ")") {
		if k := strings.LastIndexByte(prefix, '('); k >= 0 {
			d.agency = strings.TrimSpace(prefix[k+1 : len(prefix)-1])
			head = strings.TrimSpace(prefix[:k])
		}
	}
	head = strings.TrimRight(head, ", ")
	if strings.ContainsAny(head, "()") {
		return leadDate{}, false
	}
	if head == "" {
		return d, d.agency != ""
	}
	d.place = head
	first, _, _ := strings.Cut(head, ",")
	first = strings.TrimSpace(first)
	known, _, _ := strings.Cut(place, ",")
	if known = strings.TrimSpace(known); known != "" && strings.EqualFold(first, known) {
		return d, true
	}
	return d, capitals(first)
}

// capitals reports whether s is a place name in capitals: at least two
// letters, all upper case, and nothing but letters, spaces, dots, hyphens
// and apostrophes.
func capitals(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsLower(r) {
				return false
			}
			letters++
		case r == ' ', r == '.', r == '-', r == '\'', r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// StripLeadDateline removes a dateline repeated at the start of the first
// body paragraph and moves it into the article: its place if the metadata
// gave none, its agency as the credit if there is none.
func StripLeadDateline(a *model.Article) {
	if len(a.Body) == 0 || a.Body[0].Kind != model.Paragraph {
		return
	}
	d, ok := leadDateline(model.Plain(a.Body[0].Text), a.Dateline.Place)
	if !ok {
		return
	}
	a.Body[0].Text = cutSpans(a.Body[0].Text, d.cut)
	if a.Dateline.Place == "" {
		a.Dateline.Place = d.place
	}
	if a.Credit.IsZero() && d.agency != "" {
		a.Credit.Source = d.agency
	}
	if len(a.Body[0].Text) == 0 {
		a.Body = a.Body[1:]
	}
}

// cutSpans removes the first n bytes of text from spans.
func cutSpans(spans []model.Span, n int) []model.Span {
	out := make([]model.Span, 0, len(spans))
	for _, s := range spans {
		if n >= len(s.Text) {
			n -= len(s.Text)
			continue
		}
		s.Text = s.Text[n:]
		n = 0
		out = append(out, s)
	}
	return NormSpans(out)
}
