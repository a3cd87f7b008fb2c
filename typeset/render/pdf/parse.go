package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// parseFile reads a PDF as fpdf writes it: the cross-reference table that
// startxref points at, the trailer's /Root and /Info, and every object the
// table lists.
func parseFile(data []byte) (*file, error) {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	p := &parser{data: data, pos: i + len("startxref")}
	off, err := strconv.Atoi(string(p.token()))
	if err != nil || off < 0 || off >= len(data) {
		return nil, fmt.Errorf("bad startxref")
	}
	p.pos = off
	if string(p.token()) != "xref" {
		return nil, fmt.Errorf("no xref table at %d (object streams are not supported)", off)
	}
	var offsets []int
	for {
		save := p.pos
		t := p.token()
		if string(t) == "trailer" {
			break
		}
		start, err1 := strconv.Atoi(string(t))
		count, err2 := strconv.Atoi(string(p.token()))
		if err1 != nil || err2 != nil || start < 0 || count < 0 || start+count > len(data) {
			return nil, fmt.Errorf("bad xref subsection at %d", save)
		}
		for len(offsets) < start+count {
			offsets = append(offsets, -1)
		}
		for k := 0; k < count; k++ {
			o, _ := strconv.Atoi(string(p.token()))
			p.token() // generation
			if string(p.token()) == "n" {
				offsets[start+k] = o
			}
		}
	}
	tv, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("trailer: %w", err)
	}
	trailer, ok := tv.(*dict)
	if !ok {
		return nil, fmt.Errorf("trailer is not a dictionary")
	}
	f := &file{objs: make([]*object, len(offsets))}
	f.root, _ = trailer.get("Root").(ref)
	f.info, _ = trailer.get("Info").(ref)
	for n, o := range offsets {
		if n == 0 || o < 0 {
			continue
		}
		if o >= len(data) {
			return nil, fmt.Errorf("object %d: offset %d is past the end", n, o)
		}
		obj, err := (&parser{data: data, pos: o}).object(n)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		f.objs[n] = obj
	}
	if f.dictOf(f.root) == nil {
		return nil, fmt.Errorf("no document catalog")
	}
	return f, nil
}

// parser reads tokens and values from data at pos.
type parser struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '%' {
			for p.pos < len(p.data) && p.data[p.pos] != '\n' && p.data[p.pos] != '\r' {
				p.pos++
			}
			continue
		}
		if !isSpace(c) {
			return
		}
		p.pos++
	}
}

// token returns the next run of regular characters (a number or keyword),
// or a single delimiter.
func (p *parser) token() []byte {
	p.skipSpace()
	start := p.pos
	if p.pos < len(p.data) && isDelim(p.data[p.pos]) {
		p.pos++
		return p.data[start:p.pos]
	}
	for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
		p.pos++
	}
	return p.data[start:p.pos]
}

// object reads "n 0 obj value [stream … endstream] endobj".
func (p *parser) object(n int) (*object, error) {
	if num, _ := strconv.Atoi(string(p.token())); num != n {
		return nil, fmt.Errorf("the xref offset does not point at it")
	}
	p.token()
	if string(p.token()) != "obj" {
		return nil, fmt.Errorf("no 'obj' keyword")
	}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	o := &object{val: v}
	save := p.pos
	if string(p.token()) != "stream" {
		p.pos = save
		return o, nil
	}
	d, ok := v.(*dict)
	if !ok {
		return nil, fmt.Errorf("stream without a dictionary")
	}
	length, err := strconv.Atoi(string(asRaw(d.get("Length"))))
	if err != nil {
		return nil, fmt.Errorf("stream /Length is not a direct integer")
	}
	// The keyword is followed by CRLF or LF, then the data.
	if p.pos < len(p.data) && p.data[p.pos] == '\r' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '\n' {
		p.pos++
	}
	if length < 0 || p.pos+length > len(p.data) {
		return nil, fmt.Errorf("stream runs past the end")
	}
	o.stream = p.data[p.pos : p.pos+length : p.pos+length]
	p.pos += length
	if string(p.token()) != "endstream" {
		return nil, fmt.Errorf("stream data does not end at its /Length")
	}
	return o, nil
}

func asRaw(v value) raw {
	r, _ := v.(raw)
	return r
}

// value reads one value.
func (p *parser) value() (value, error) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, fmt.Errorf("unexpected end of file")
	}
	start := p.pos
	switch c := p.data[p.pos]; {
	case c == '/':
		p.pos++
		for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
			p.pos++
		}
		return name(unescapeName(p.data[start+1 : p.pos])), nil
	case c == '(':
		depth := 0
		for p.pos < len(p.data) {
			switch p.data[p.pos] {
			case '\\':
				p.pos++
			case '(':
				depth++
			case ')':
				depth--
			}
			p.pos++
			if depth == 0 {
				return raw(p.data[start:p.pos]), nil
			}
		}
		return nil, fmt.Errorf("unterminated string at %d", start)
	case c == '<' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '<':
		p.pos += 2
		d := &dict{}
		for {
			p.skipSpace()
			if p.pos+1 < len(p.data) && p.data[p.pos] == '>' && p.data[p.pos+1] == '>' {
				p.pos += 2
				return d, nil
			}
			k, err := p.value()
			if err != nil {
				return nil, err
			}
			key, ok := k.(name)
			if !ok {
				return nil, fmt.Errorf("dictionary key is not a name at %d", p.pos)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			d.set(key, v)
		}
	case c == '<':
		end := bytes.IndexByte(p.data[p.pos:], '>')
		if end < 0 {
			return nil, fmt.Errorf("unterminated hex string at %d", start)
		}
		p.pos += end + 1
		return raw(p.data[start:p.pos]), nil
	case c == '[':
		p.pos++
		a := array{}
		for {
			p.skipSpace()
			if p.pos < len(p.data) && p.data[p.pos] == ']' {
				p.pos++
				return a, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case isDelim(c):
		return nil, fmt.Errorf("unexpected %q at %d", c, start)
	}
	t := p.token()
	// "n g R" is a reference.
	if n, err := strconv.Atoi(string(t)); err == nil {
		save := p.pos
		if g := p.token(); len(g) > 0 && g[0] >= '0' && g[0] <= '9' {
			if string(p.token()) == "R" {
				return ref(n), nil
			}
		}
		p.pos = save
	}
	if len(t) == 0 {
		return nil, fmt.Errorf("unexpected end at %d", start)
	}
	return raw(t), nil
}

// unescapeName decodes #xx escapes in a name.
func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}
