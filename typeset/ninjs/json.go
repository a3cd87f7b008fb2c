package ninjs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// maxDepth bounds nesting of arrays and objects.
const maxDepth = 500

// value is a parsed JSON value that remembers where it starts.
type value struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	str  string
	num  json.Number
	keys []string // object: keys in order
	vals []*value // object: values in key order; array: elements
	off  int      // byte offset of the value's first character
	ptr  string   // JSON pointer, for messages
}

// kindName is what a value is called in messages, as in JSON Schema.
func (v *value) kindName() string {
	switch v.kind {
	case 'o':
		return "object"
	case 'a':
		return "array"
	case 's':
		return "string"
	case 'n':
		return "number"
	case 'b':
		return "boolean"
	}
	return "null"
}

// get returns the member key of an object, nil if absent (or v is not an
// object). The last of duplicate keys wins, as in encoding/json.
func (v *value) get(key string) *value {
	if v == nil || v.kind != 'o' {
		return nil
	}
	for i := len(v.keys) - 1; i >= 0; i-- {
		if v.keys[i] == key {
			return v.vals[i]
		}
	}
	return nil
}

// parseJSON checks that data is UTF-8 and well-formed JSON, then builds the
// tree. Syntax errors carry the line and column of the offending byte.
func parseJSON(file string, data []byte, pos *wire.Positions) (*value, error) {
	if !utf8.Valid(data) {
		off := wire.FirstInvalid(data)
		line, col := pos.At(off)
		return nil, model.Errorf(file, line, col, "", "invalid UTF-8 (byte 0x%02x): ninjs must be UTF-8", data[off])
	}
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			return nil, model.Errorf(file, 0, 0, "", "malformed JSON: %v", err)
		}
		off := int(se.Offset) - 1
		if strings.HasPrefix(se.Error(), "unexpected end") {
			off = len(data)
		}
		line, col := pos.At(off)
		return nil, model.Errorf(file, line, col, "", "malformed JSON: %s", se.Error())
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	b := builder{d: d, data: data}
	v, err := b.value("", 0)
	if err != nil {
		line, col := pos.At(b.off)
		return nil, model.Errorf(file, line, col, "", "malformed JSON: %v", err)
	}
	return v, nil
}

// builder turns the decoder's tokens into values with offsets.
type builder struct {
	d    *json.Decoder
	data []byte
	off  int // start of the last token read
}

// next reads a token and records where it starts: the decoder's offset is
// the end of the previous token, before white space and separators.
func (b *builder) next() (json.Token, error) {
	off := int(b.d.InputOffset())
	for off < len(b.data) {
		c := b.data[off]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':' {
			break
		}
		off++
	}
	b.off = off
	return b.d.Token()
}

func (b *builder) value(ptr string, depth int) (*value, error) {
	tok, err := b.next()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	v := &value{off: b.off, ptr: ptr}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return nil, fmt.Errorf("nested more than %d deep", maxDepth)
		}
		switch t {
		case '{':
			v.kind = 'o'
			for b.d.More() {
				kt, err := b.next()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				kv, err := b.value(ptr+"/"+escapeKey(key), depth+1)
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, key)
				v.vals = append(v.vals, kv)
			}
		case '[':
			v.kind = 'a'
			for i := 0; b.d.More(); i++ {
				ev, err := b.value(fmt.Sprintf("%s/%d", ptr, i), depth+1)
				if err != nil {
					return nil, err
				}
				v.vals = append(v.vals, ev)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", rune(t))
		}
		if _, err := b.d.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		v.kind, v.str = 's', t
	case json.Number:
		v.kind, v.num = 'n', t
	case bool:
		v.kind = 'b'
	case nil:
		v.kind = 'z'
	}
	return v, nil
}

// escapeKey escapes a key for a JSON pointer (RFC 6901).
func escapeKey(k string) string {
	k = strings.ReplaceAll(k, "~", "~0")
	return strings.ReplaceAll(k, "/", "~1")
}
