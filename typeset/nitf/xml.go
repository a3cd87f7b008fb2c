package nitf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// maxDepth bounds element nesting, so that a hostile file cannot make the
// reader recurse without end.
const maxDepth = 500

// node is an element or a text node of the parsed document.
type node struct {
	name   string // local name; "" for text
	attrs  []xml.Attr
	text   string // text nodes only
	kids   []*node
	parent *node
	line   int // 1-based line of the start tag
	off    int // byte offset of the start tag, for the column in messages
}

// attr returns the value of the attribute with the given local name.
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element with the given name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// children returns the child elements with the given name.
func (n *node) children(name string) []*node {
	var out []*node
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// path is the element path for messages: "/nitf/body/body.head/hedline".
func (n *node) path() string {
	if n == nil {
		return ""
	}
	var parts []string
	for m := n; m != nil; m = m.parent {
		parts = append(parts, m.name)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(parts[i])
	}
	return b.String()
}

// text returns all text below n, white space collapsed.
func (n *node) textContent() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.appendText(&b)
	return wire.Collapse(b.String())
}

func (n *node) appendText(b *strings.Builder) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	for _, k := range n.kids {
		k.appendText(b)
	}
}

// hasClass reports whether the class attribute holds the token c.
func (n *node) hasClass(c string) bool {
	for _, t := range strings.Fields(n.attr("class")) {
		if strings.EqualFold(t, c) {
			return true
		}
	}
	return false
}

// decode checks the encoding and parses data into a tree. The returned
// positions map offsets of the (possibly converted) text.
func decode(file string, data []byte) (*node, *wire.Positions, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil, nil, model.Errorf(file, 1, 1, "", "UTF-16 is not supported: save the file as UTF-8")
	}
	enc, encOff := declaredEncoding(data)
	switch enc {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "iso-ir-100", "cp819":
		data = fromSingleByte(data, nil)
	case "windows-1252", "cp1252", "x-cp1252":
		data = fromSingleByte(data, &cp1252)
	default:
		line, col := wire.NewPositions(data).At(encOff)
		return nil, nil, model.Errorf(file, line, col, "", "encoding %q is not supported: use UTF-8 (ISO-8859-1 and windows-1252 are converted)", enc)
	}
	pos := wire.NewPositions(data)
	if !utf8.Valid(data) {
		off := wire.FirstInvalid(data)
		line, col := pos.At(off)
		return nil, nil, model.Errorf(file, line, col, "", "invalid UTF-8 (byte 0x%02x): save the file as UTF-8 or declare its encoding", data[off])
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	// The text is UTF-8 by now (converted above, or declared so), whatever
	// label the declaration still carries.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *node
	var cur *node
	depth := 0
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, syntaxError(file, pos, data, err, before, int(d.InputOffset()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if cur == nil && root != nil {
				line, col := pos.At(before)
				return nil, nil, model.Errorf(file, line, col, "", "malformed XML: element <%s> after the end of the root element <%s>", t.Name.Local, root.name)
			}
			depth++
			if depth > maxDepth {
				line, col := pos.At(before)
				return nil, nil, model.Errorf(file, line, col, "", "malformed XML: elements nested more than %d deep", maxDepth)
			}
			n := &node{name: t.Name.Local, attrs: t.Attr, parent: cur, line: pos.Line(before), off: before}
			if root == nil {
				root = n
				if err := checkRoot(file, pos, n, t.Name.Space); err != nil {
					return nil, nil, err
				}
			} else {
				cur.kids = append(cur.kids, n)
			}
			cur = n
		case xml.EndElement:
			depth--
			cur = cur.parent
		case xml.CharData:
			if cur == nil {
				if len(bytes.TrimSpace(t)) > 0 {
					line, col := pos.At(before + len(t) - len(bytes.TrimLeft(t, " \t\r\n")))
					return nil, nil, model.Errorf(file, line, col, "", "malformed XML: text outside the root element")
				}
				continue
			}
			cur.kids = append(cur.kids, &node{text: string(t), parent: cur, line: pos.Line(before), off: before})
		}
	}
	if root == nil {
		return nil, nil, model.Errorf(file, 0, 0, "", "no XML element found: an NITF document starts with <nitf>")
	}
	return root, pos, nil
}

// syntaxError reports an encoding/xml error at the best position known: the
// start of a mismatched end tag, the '&' of a bad entity, else where the
// decoder stopped.
func syntaxError(file string, pos *wire.Positions, data []byte, err error, before, after int) error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		line, col := pos.At(before)
		return model.Errorf(file, line, col, "", "malformed XML: %v", err)
	}
	off := max(after-1, 0)
	switch {
	case strings.Contains(se.Msg, "closed by"), strings.Contains(se.Msg, "unexpected end element"):
		off = before
	case strings.Contains(se.Msg, "entity"):
		if k := bytes.LastIndexByte(data[max(before, 0):min(after, len(data))], '&'); k >= 0 {
			off = before + k
		}
	case strings.Contains(se.Msg, "unexpected EOF"):
		off = len(data)
	}
	line, col := pos.At(off)
	return model.Errorf(file, line, col, "", "malformed XML: %s", se.Msg)
}

// newsMLRoots are NewsML-G2 item and fragment roots.
var newsMLRoots = map[string]bool{
	"newsItem": true, "packageItem": true, "newsMessage": true, "knowledgeItem": true,
	"conceptItem": true, "conceptSet": true, "planningItem": true, "catalogItem": true,
	"contentSet": true, "contentMeta": true, "itemMeta": true, "inlineXML": true,
}

// checkRoot accepts <nitf> in any namespace (or none) and refuses the rest,
// NewsML-G2 by name.
func checkRoot(file string, pos *wire.Positions, n *node, space string) error {
	if n.name == "nitf" {
		return nil
	}
	line, col := pos.At(n.off)
	if newsMLRoots[n.name] || strings.HasPrefix(space, "http://iptc.org/std/nar/") {
		return model.Errorf(file, line, col, "/"+n.name,
			"NewsML-G2 is not supported: extract the NITF document from contentSet/inlineXML, or send the story as NITF or ninjs")
	}
	return model.Errorf(file, line, col, "/"+n.name, "root element is <%s>, not <nitf>: not an NITF document", n.name)
}

// declaredEncoding returns the lower-case encoding named in the XML
// declaration and the offset of its value.
func declaredEncoding(data []byte) (string, int) {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return "", 0
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return "", 0
	}
	decl := data[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return "", 0
	}
	j := i + len("encoding")
	for j < len(decl) && (decl[j] == ' ' || decl[j] == '=' || decl[j] == '\t' || decl[j] == '\r' || decl[j] == '\n') {
		j++
	}
	if j >= len(decl) || decl[j] != '"' && decl[j] != '\'' {
		return "", 0
	}
	k := bytes.IndexByte(decl[j+1:], decl[j])
	if k < 0 {
		return "", 0
	}
	return strings.ToLower(strings.TrimSpace(string(decl[j+1 : j+1+k]))), j + 1
}

// cp1252 maps windows-1252 bytes 0x80..0x9f; 0 means the byte is unused
// and is read as the C1 control of ISO-8859-1.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// fromSingleByte converts ISO-8859-1 (table nil) or windows-1252 to UTF-8.
func fromSingleByte(data []byte, table *[32]rune) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, c := range data {
		r := rune(c)
		if table != nil && c >= 0x80 && c < 0xa0 && table[c-0x80] != 0 {
			r = table[c-0x80]
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// errorf records an InputError at node n (nil: no position).
func (r *reader) errorf(n *node, field, format string, args ...any) {
	if len(r.errs) >= wire.MaxErrors {
		return
	}
	e := &model.InputError{File: r.file, Field: field, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = r.pos.At(n.off)
	}
	r.errs = append(r.errs, e)
}
