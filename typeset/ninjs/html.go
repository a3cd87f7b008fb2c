package ninjs

// A small, tolerant HTML reader for ninjs bodies: enough of HTML's rules to
// get paragraphs, headings, asides, figures and block quotes out of what
// agencies send (well-formed XHTML, HTML5 fragments, whole documents, stray
// end tags, unclosed <p> and <li>), never an error.

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"

	"pressroom.dev/typeset/internal/wire"
)

// maxNest bounds element nesting; deeper start tags are ignored (their
// text is kept).
const maxNest = 200

// hnode is an HTML element or text node.
type hnode struct {
	name   string // lower-case element name; "" for text
	attrs  [][2]string
	text   string
	kids   []*hnode
	parent *hnode
}

func (n *hnode) attr(name string) string {
	for _, a := range n.attrs {
		if a[0] == name {
			return a[1]
		}
	}
	return ""
}

func (n *hnode) hasClass(c string) bool {
	for _, t := range strings.Fields(n.attr("class")) {
		if strings.EqualFold(t, c) {
			return true
		}
	}
	return false
}

// textContent is all text below n, white space collapsed.
func (n *hnode) textContent() string {
	var b strings.Builder
	n.appendText(&b)
	return wire.Collapse(b.String())
}

func (n *hnode) appendText(b *strings.Builder) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	if n.name == "br" {
		b.WriteByte(' ')
	}
	for _, k := range n.kids {
		k.appendText(b)
	}
}

// find returns the first descendant element with one of the names.
func (n *hnode) find(names ...string) *hnode {
	for _, k := range n.kids {
		if k.name == "" {
			continue
		}
		for _, want := range names {
			if k.name == want {
				return k
			}
		}
		if f := k.find(names...); f != nil {
			return f
		}
	}
	return nil
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// closesP are the start tags that end an open paragraph.
var closesP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "div": true, "dl": true,
	"fieldset": true, "figure": true, "figcaption": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "main": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true, "ul": true,
}

// rawText elements hold text that is not markup.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true}

// parseHTML reads s into a tree under a "#root" node.
func parseHTML(s string) *hnode {
	root := &hnode{name: "#root"}
	cur := root
	depth := 0
	// Text accumulates until the next change to the tree.
	var pending strings.Builder
	text := func(t string) { pending.WriteString(t) }
	flushText := func() {
		if pending.Len() > 0 {
			cur.kids = append(cur.kids, &hnode{text: pending.String(), parent: cur})
			pending.Reset()
		}
	}
	closeTo := func(n *hnode) {
		for cur != n && cur.parent != nil {
			cur = cur.parent
			depth--
		}
		if cur != root {
			cur = cur.parent
			depth--
		}
	}
	// open finds an open element named name below any of the stop names.
	open := func(name string, stop ...string) *hnode {
		for n := cur; n != nil && n != root; n = n.parent {
			if n.name == name {
				return n
			}
			for _, s := range stop {
				if n.name == s {
					return nil
				}
			}
		}
		return nil
	}
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			text(decodeEntities(s[i : i+j]))
			i += j
			continue
		}
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			i += skipPast(rest, 4, "-->")
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(rest, "]]>")
			if end < 0 {
				end = len(rest)
			}
			text(rest[9:end])
			i += min(end+3, len(rest))
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
			i += skipPast(rest, 2, ">")
		case strings.HasPrefix(rest, "</"):
			name, n := tagName(rest[2:], true)
			if name == "" { // not an end tag: text
				text("<")
				i++
				continue
			}
			flushText()
			i += skipPast(rest, 2+n, ">")
			if name == "br" { // </br> is read as <br>, as browsers do
				cur.kids = append(cur.kids, &hnode{name: "br", parent: cur})
			} else if o := open(name); o != nil {
				closeTo(o)
			}
		default:
			name, n := tagName(rest[1:], false)
			if name == "" {
				text("<")
				i++
				continue
			}
			attrs, m, selfClosing := parseAttrs(rest[1+n:])
			i += 1 + n + m
			flushText()
			switch {
			case closesP[name]:
				if o := open("p", "blockquote", "aside", "figure", "li", "td", "th", "div", "section", "article"); o != nil {
					closeTo(o)
				}
			case name == "li":
				if o := open("li", "ul", "ol"); o != nil {
					closeTo(o)
				}
			case name == "dt" || name == "dd":
				if o := open("dt", "dl"); o != nil {
					closeTo(o)
				} else if o := open("dd", "dl"); o != nil {
					closeTo(o)
				}
			case name == "td" || name == "th" || name == "tr":
				if o := open("td", "tr", "table"); o != nil {
					closeTo(o)
				} else if o := open("th", "tr", "table"); o != nil {
					closeTo(o)
				}
				if name == "tr" {
					if o := open("tr", "table"); o != nil {
						closeTo(o)
					}
				}
			}
			n2 := &hnode{name: name, attrs: attrs, parent: cur}
			if rawText[name] && !selfClosing {
				end := indexFold(s[i:], "</"+name)
				if end < 0 {
					end = len(s) - i
				}
				if name == "title" || name == "textarea" {
					n2.kids = []*hnode{{text: decodeEntities(s[i : i+end]), parent: n2}}
				}
				cur.kids = append(cur.kids, n2)
				i += end
				if i < len(s) {
					i += skipPast(s[i:], 2, ">")
				}
				continue
			}
			if depth >= maxNest {
				continue
			}
			cur.kids = append(cur.kids, n2)
			if !voidElements[name] && !selfClosing {
				cur = n2
				depth++
			}
		}
	}
	flushText()
	return root
}

// skipPast returns the length of s up to and including the first end
// after from, or all of s.
func skipPast(s string, from int, end string) int {
	if from > len(s) {
		return len(s)
	}
	if k := strings.Index(s[from:], end); k >= 0 {
		return from + k + len(end)
	}
	return len(s)
}

// tagName reads a tag name and returns it in lower case with the bytes
// consumed. An end tag may have spaces before its name ("</ br>").
func tagName(s string, end bool) (string, int) {
	i := 0
	for end && i < len(s) && s[i] == ' ' {
		i++
	}
	start := i
	for i < len(s) {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > start && (c >= '0' && c <= '9' || c == '-' || c == ':' || c == '_' || c == '.') {
			i++
			continue
		}
		break
	}
	if i == start {
		return "", 0
	}
	return strings.ToLower(s[start:i]), i
}

// parseAttrs reads attributes up to '>' and returns them, the bytes
// consumed (including '>') and whether the tag ended with "/>".
func parseAttrs(s string) ([][2]string, int, bool) {
	var attrs [][2]string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '>':
			return attrs, i + 1, i > 0 && s[i-1] == '/'
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/':
			i++
			continue
		}
		start := i
		for i < len(s) && !strings.ContainsRune(" \t\n\r\f/>=", rune(s[i])) {
			i++
		}
		name := strings.ToLower(s[start:i])
		for i < len(s) && strings.ContainsRune(" \t\n\r\f", rune(s[i])) {
			i++
		}
		val := ""
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && strings.ContainsRune(" \t\n\r\f", rune(s[i])) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					end = len(s) - i - 1
				}
				val = s[i+1 : i+1+end]
				i = min(i+2+end, len(s))
			} else {
				start := i
				for i < len(s) && !strings.ContainsRune(" \t\n\r\f>", rune(s[i])) {
					i++
				}
				val = s[start:i]
			}
		}
		if name != "" {
			attrs = append(attrs, [2]string{name, decodeEntities(val)})
		}
	}
	return attrs, len(s), false
}

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// decodeEntities decodes character references: the XML five, every HTML 4
// named entity (encoding/xml's table) and numeric references. Unknown or
// unterminated references stay as written.
func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexByte(s, ';')
		if end < 2 || end > 32 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		name := s[1:end]
		if r, ok := entity(name); ok {
			b.WriteString(r)
			s = s[end+1:]
			continue
		}
		b.WriteByte('&')
		s = s[1:]
	}
}

func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	}
	if name[0] == '#' {
		var n uint64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil {
			return "", false
		}
		r := rune(n)
		if n == 0 || n > utf8.MaxRune || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), true
	}
	s, ok := xml.HTMLEntity[name]
	return s, ok
}
