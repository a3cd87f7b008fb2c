package nitf

// Text helpers. The ninjs package has its own copy of these (text.go there):
// the two readers share no package, and the helpers are small.

import (
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"pressroom.dev/typeset/model"
)

// isSpace reports the whitespace that collapses: the ASCII white space of
// XML and HTML. Non-breaking and other Unicode spaces are text and stay.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// collapse turns every run of white space into one space and trims the ends.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // at the start: drop leading white space
	for _, r := range s {
		if isSpace(r) {
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

// normSpans collapses white space across span boundaries, trims the ends,
// drops empty spans and merges neighbours of the same style.
func normSpans(in []model.Span) []model.Span {
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
			if isSpace(r) {
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

// isDash reports the dashes that may lead an attribution or follow a
// dateline.
func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '―', '−':
		return true
	}
	return false
}

// stripDash removes a leading dash (and the spaces around it) from an
// attribution: the typesetter adds its own.
func stripDash(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return isDash(r) || unicode.IsSpace(r) })
}

// startsWithDash reports whether s begins with a dash, the mark of an
// attribution line at the end of a quote.
func startsWithDash(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isDash(r)
}

// slugify makes a desk slug: lower case, Latin letters folded to ASCII,
// every other run of characters a single '-'.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		f := fold(r)
		if f == "" {
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(f)
	}
	return b.String()
}

// fold maps a lower-case rune to its ASCII letters or digits, "" for
// anything that is not a letter or digit of the Latin script.
func fold(r rune) string {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return string(r)
	case r < 0x80:
		return ""
	}
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'þ':
		return "th"
	case 'ł':
		return "l"
	case 'ı':
		return "i"
	}
	for _, g := range foldGroups {
		if strings.ContainsRune(g[1:], r) {
			return g[:1]
		}
	}
	return ""
}

// foldGroups lists, for each ASCII letter, the accented lower-case letters
// that fold to it.
var foldGroups = []string{
	"aàáâãäåāăą", "cçćĉċč", "dď", "eèéêëēĕėęě", "gĝğġģ", "hĥħ",
	"iìíîïĩīĭįǐ", "jĵ", "kķ", "lĺļľŀ", "nñńņňŉ", "oòóôõöōŏőǒ",
	"rŕŗř", "sśŝşšș", "tţťŧț", "uùúûüũūŭůűųǔ", "wŵ", "yýÿŷ", "zźżž",
}

// slugFromFile derives a slug from a file name without its last extension.
func slugFromFile(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if s := slugify(base); s != "" {
		return s
	}
	return "article"
}

// isRemote reports whether ref is a URL with a scheme (http:, https:, ftp:,
// data:, file: ...) rather than a path. A one-letter scheme is a Windows
// drive, which is a path.
func isRemote(ref string) bool {
	i := strings.IndexByte(ref, ':')
	if i < 2 {
		return false
	}
	for j, r := range ref[:i] {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
		if !ok {
			return false
		}
	}
	return true
}

// resolve resolves an image reference against the article's folder and
// checks that it stays inside root ("" = the article's folder). It returns
// the cleaned path, relative when file is relative.
func resolve(file, root, ref string) (string, bool) {
	dir := filepath.Dir(file)
	if root == "" {
		root = dir
	}
	ref = filepath.FromSlash(ref)
	p := ref
	if !filepath.IsAbs(ref) {
		p = filepath.Join(dir, ref)
	}
	p = filepath.Clean(p)
	ap, err1 := filepath.Abs(p)
	ar, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return p, false
	}
	rel, err := filepath.Rel(ar, ap)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return p, false
	}
	return p, true
}

// clampPriority maps an urgency to the model's 1..5.
func clampPriority(n int) int {
	return min(max(n, 1), 5)
}

// dateline is what leads a wire story's first paragraph, as in
// "GROSSETO, Italy (AP) -- The trial ...".
type dateline struct {
	place  string // "GROSSETO, Italy"; may be empty
	agency string // "AP"; may be empty
	cut    int    // bytes of the paragraph's text to remove
}

// leadDateline finds a dateline at the start of a paragraph's text: a short
// prefix followed by a dash ("--", "—", "–" or " - "), whose first part is a
// place in capitals or the known place, optionally with an agency in
// parentheses; or an agency in parentheses alone ("(Sports Network) -").
func leadDateline(text, place string) (dateline, bool) {
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
		return dateline{}, false
	}
	prefix := strings.TrimSpace(text[:i])
	rest := strings.TrimLeftFunc(text[i:], func(r rune) bool { return isDash(r) || unicode.IsSpace(r) })
	if prefix == "" || rest == "" || strings.ContainsAny(prefix, "!?;\"“”«»") {
		return dateline{}, false
	}
	d := dateline{cut: len(text) - len(rest)}
	head := prefix
	if strings.HasSuffix(prefix, ")") {
		if k := strings.LastIndexByte(prefix, '('); k >= 0 {
			d.agency = strings.TrimSpace(prefix[k+1 : len(prefix)-1])
			head = strings.TrimSpace(prefix[:k])
		}
	}
	head = strings.TrimRight(head, ", ")
	if strings.ContainsAny(head, "()") {
		return dateline{}, false
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

// stripLeadDateline removes a dateline repeated at the start of the first
// body paragraph and moves it into the article: its place if the metadata
// gave none, its agency as the credit if there is none.
func stripLeadDateline(a *model.Article) {
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
	return normSpans(out)
}

// maxErrors bounds the problems reported for one file.
const maxErrors = 20

// sortErrors orders input errors by position; those without a line last.
func sortErrors(es model.Errors) {
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
