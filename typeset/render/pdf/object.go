package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
)

// The finishing stage reads what fpdf wrote into this small object model,
// changes it and writes it out again. It knows the subset of PDF that fpdf
// emits: one classic cross-reference table, no object streams, generation
// 0, stream lengths as direct integers. Numbers, strings, booleans and null
// are kept as the bytes they were written as (raw), so that what is not
// changed comes out identical.

// value is one PDF value: name, raw, ref, *dict or array.
type value any

// name is a PDF name, without its slash.
type name string

// raw is a token written as it is: a number, a (string) or <hex string>,
// true, false, null.
type raw string

// ref refers to an indirect object (generation 0).
type ref int

// array is a PDF array.
type array []value

// dict is a PDF dictionary that keeps its keys in the order they were
// read or set, so that writing it is deterministic.
type dict struct {
	keys []name
	vals []value
}

// object is an indirect object: a value, or a stream (a dictionary with
// data, kept encoded as it was written).
type object struct {
	val    value
	stream []byte // nil unless the object is a stream
}

// newDict makes a dictionary of key, value pairs; keys are names or
// strings.
func newDict(kv ...value) *dict {
	d := &dict{}
	for i := 0; i+1 < len(kv); i += 2 {
		switch k := kv[i].(type) {
		case name:
			d.set(k, kv[i+1])
		case string:
			d.set(name(k), kv[i+1])
		default:
			panic(fmt.Sprintf("pdf: dictionary key %v is a %T", k, k))
		}
	}
	return d
}

func (d *dict) get(k name) value {
	if d == nil {
		return nil
	}
	for i, key := range d.keys {
		if key == k {
			return d.vals[i]
		}
	}
	return nil
}

// set replaces the value of k in place, or appends it.
func (d *dict) set(k name, v value) {
	for i, key := range d.keys {
		if key == k {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, k)
	d.vals = append(d.vals, v)
}

// clone copies a dictionary (one level: values are shared).
func (d *dict) clone() *dict {
	return &dict{keys: append([]name(nil), d.keys...), vals: append([]value(nil), d.vals...)}
}

// num writes a number with at most three decimals and no "-0".
func num(v float64) raw {
	return raw(strconv.FormatFloat(round3(v), 'f', -1, 64))
}

func integer(v int) raw { return raw(strconv.Itoa(v)) }

// rect writes a rectangle as [llx lly urx ury].
func rect(x1, y1, x2, y2 float64) array {
	return array{num(x1), num(y1), num(x2), num(y2)}
}

// text writes a text string: literal when it is printable ASCII,
// else UTF-16BE with a byte-order mark, in hex.
func text(s string) raw {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	var b bytes.Buffer
	if ascii {
		b.WriteByte('(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		b.WriteByte(')')
		return raw(b.String())
	}
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return raw(b.String())
}

// hexString writes bytes as a <hex string>.
func hexString(p []byte) raw { return raw(fmt.Sprintf("<%X>", p)) }

// appendValue serialises v.
func appendValue(b []byte, v value) []byte {
	switch v := v.(type) {
	case name:
		return appendName(b, v)
	case raw:
		return append(b, v...)
	case ref:
		return append(strconv.AppendInt(b, int64(v), 10), " 0 R"...)
	case array:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	case *dict:
		b = append(b, "<<"...)
		for i, k := range v.keys {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendName(b, k)
			b = append(b, ' ')
			b = appendValue(b, v.vals[i])
		}
		return append(b, ">>"...)
	case nil:
		return append(b, "null"...)
	}
	panic(fmt.Sprintf("pdf: cannot write a %T", v))
}

// appendName writes /name, escaping what is not a regular character.
func appendName(b []byte, n name) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < 0x21 || c > 0x7e || c == '#' || isDelim(c) {
			b = append(b, fmt.Sprintf("#%02X", c)...)
			continue
		}
		b = append(b, c)
	}
	return b
}

// file is a whole PDF: its objects by number (nil for a free number) and
// the trailer entries that matter.
type file struct {
	objs []*object // index = object number; objs[0] is always nil
	root ref
	info ref
}

// add appends a new object and returns its reference.
func (f *file) add(o *object) ref {
	f.objs = append(f.objs, o)
	return ref(len(f.objs) - 1)
}

// addValue appends a non-stream object.
func (f *file) addValue(v value) ref { return f.add(&object{val: v}) }

// dictOf returns the dictionary of object r (a stream's dictionary for a
// stream), or nil.
func (f *file) dictOf(r ref) *dict {
	if int(r) <= 0 || int(r) >= len(f.objs) || f.objs[r] == nil {
		return nil
	}
	d, _ := f.objs[r].val.(*dict)
	return d
}

// resolve follows a reference to its value.
func (f *file) resolve(v value) value {
	if r, ok := v.(ref); ok {
		if int(r) > 0 && int(r) < len(f.objs) && f.objs[r] != nil {
			return f.objs[r].val
		}
		return nil
	}
	return v
}

// serialize writes the objects numbered first to end−1 into b, recording
// each one's offset. Stream lengths are set from the data.
func (f *file) serialize(b *bytes.Buffer, offsets []int, first, end int) {
	var buf []byte
	for n := first; n < end; n++ {
		o := f.objs[n]
		if o == nil {
			continue
		}
		offsets[n] = b.Len()
		buf = strconv.AppendInt(buf[:0], int64(n), 10)
		buf = append(buf, " 0 obj\n"...)
		if o.stream != nil {
			d := o.val.(*dict)
			d.set("Length", integer(len(o.stream)))
			buf = appendValue(buf, d)
			buf = append(buf, "\nstream\n"...)
			b.Write(buf)
			b.Write(o.stream)
			b.WriteString("\nendstream\nendobj\n")
			continue
		}
		buf = appendValue(buf, o.val)
		buf = append(buf, "\nendobj\n"...)
		b.Write(buf)
	}
}

// writeTail writes the cross-reference table and the trailer for a body
// already in b and copies it all to w.
func (f *file) writeTail(w io.Writer, b *bytes.Buffer, offsets []int, id []byte) error {
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f\r\n", len(f.objs))
	for n := 1; n < len(f.objs); n++ {
		if f.objs[n] == nil {
			b.WriteString("0000000000 65535 f\r\n")
			continue
		}
		fmt.Fprintf(b, "%010d 00000 n\r\n", offsets[n])
	}
	trailer := newDict("Size", integer(len(f.objs)), "Root", f.root)
	if f.info != 0 {
		trailer.set("Info", f.info)
	}
	trailer.set("ID", array{hexString(id), hexString(id)})
	b.WriteString("trailer\n")
	b.Write(appendValue(nil, trailer))
	fmt.Fprintf(b, "\nstartxref\n%d\n%%%%EOF\n", xref)
	_, err := w.Write(b.Bytes())
	return err
}
