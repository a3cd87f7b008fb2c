package ninjs

import (
	"fmt"
	"regexp"
	"strings"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// errorf makes an InputError at value v, named by its JSON pointer.
func (r *reader) errorf(v *value, format string, args ...any) *model.InputError {
	e := &model.InputError{File: r.file, Msg: fmt.Sprintf(format, args...)}
	if v != nil {
		e.Line, e.Col = r.pos.At(v.off)
		e.Field = v.ptr
	}
	return e
}

// add records an error once (a value may be looked at more than once).
func (r *reader) add(e *model.InputError) {
	for _, old := range r.errs {
		if o := old.(*model.InputError); o.Field == e.Field && o.Msg == e.Msg {
			return
		}
	}
	if len(r.errs) < wire.MaxErrors {
		r.errs = append(r.errs, e)
	}
}

// typeErr records "expected T, got U" at v.
func (r *reader) typeErr(v *value, want string) {
	r.add(r.errorf(v, "expected %s, got %s", want, v.kindName()))
}

func (r *reader) line(v *value) int {
	if v == nil {
		return 0
	}
	return r.pos.Line(v.off)
}

// str returns the string member key of obj; "" if it is absent or null. A
// value of another type is recorded as an error.
func (r *reader) str(obj *value, key string) string {
	v := obj.get(key)
	switch {
	case v == nil || v.kind == 'z':
		return ""
	case v.kind != 's':
		r.typeErr(v, "string")
		return ""
	}
	return v.str
}

// objects returns the array member key of obj, keeping only its objects;
// other types are recorded as errors.
func (r *reader) objects(obj *value, key string) []*value {
	v := obj.get(key)
	switch {
	case v == nil || v.kind == 'z':
		return nil
	case v.kind != 'a':
		r.typeErr(v, "array")
		return nil
	}
	var out []*value
	for _, e := range v.vals {
		if e.kind != 'o' {
			r.typeErr(e, "object")
			continue
		}
		out = append(out, e)
	}
	return out
}

// body reads the body: of bodies[], the HTML one (text/html or
// application/xhtml+xml, then any other type naming html), else plain text
// (text/plain, or no type). Other types (TT's application/xml NITF-like
// body) are not read.
func (r *reader) body(doc *value) {
	var best *value
	bestRank := 99
	for _, b := range r.objects(doc, "bodies") {
		v := r.str(b, "value")
		ct := strings.ToLower(strings.TrimSpace(r.str(b, "contenttype")))
		ct, _, _ = strings.Cut(ct, ";")
		rank := 99
		switch {
		case ct == "text/html" || ct == "application/xhtml+xml":
			rank = 0
		case strings.Contains(ct, "html"):
			rank = 1
		case ct == "" && strings.HasPrefix(strings.TrimSpace(v), "<"):
			rank = 1
		case ct == "" || ct == "text/plain":
			rank = 2
		}
		if rank < bestRank && b.get("value") != nil {
			best, bestRank = b, rank
		}
	}
	if best == nil {
		return
	}
	v := best.get("value")
	if v.kind != 's' {
		return
	}
	bd := &body{r: r, line: r.line(v), at: v}
	if bestRank == 2 {
		r.art.Body = bd.plain(v.str)
		return
	}
	r.art.Body = bd.flow(parseHTML(v.str).kids, nil)
}

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// plain splits a text/plain body into paragraphs: at blank lines if it has
// any, else at every line break.
func (b *body) plain(s string) []model.Block {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var parts []string
	if blankLine.MatchString(s) {
		parts = blankLine.Split(s, -1)
	} else {
		parts = strings.Split(s, "\n")
	}
	var out []model.Block
	for _, p := range parts {
		out = b.para(model.Paragraph, wire.NormSpans([]model.Span{{Text: p}}), out)
	}
	return out
}
