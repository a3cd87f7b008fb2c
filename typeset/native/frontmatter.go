package native

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"pressroom.dev/typeset/model"
)

// splitFrontMatter cuts a document into its YAML front matter and its body.
// It returns the line (1-based) on which the YAML starts and the one on
// which the body starts, for messages.
func splitFrontMatter(file string, data []byte) (yml, body []byte, ymlLine, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, nil, 0, 0, model.Errorf(file, 1, 1, "", "an article starts with a front matter: a line '---', the YAML fields, and another '---'")
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t\r")) == "---" {
			next := len(rest)
			if end >= 0 {
				next = off + end + 1
			}
			return rest[:off], rest[next:], 2, line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 0, 0, model.Errorf(file, 1, 1, "", "the front matter has no closing '---' line")
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML decodes the front matter into a node tree, turning yaml's
// messages into InputErrors with the line in the article file.
func parseYAML(file string, yml []byte, ymlLine int) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			return nil, model.Errorf(file, ymlLine+n-1, 0, "front matter", "malformed YAML: %s", m[2])
		}
		return nil, model.Errorf(file, ymlLine, 0, "front matter", "malformed YAML: %s", strings.TrimPrefix(msg, "yaml: "))
	}
	if len(doc.Content) == 0 {
		return nil, model.Errorf(file, ymlLine, 0, "front matter", "empty: an article needs at least a headline")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, model.Errorf(file, ymlLine+root.Line-1, root.Column, "front matter", "expected 'key: value' fields, found %s", kindName(root))
	}
	return root, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// frontMatter fills the article's header fields from the YAML mapping.
type frontMatter struct {
	file    string
	root    string // edition folder photos must stay in
	base    int    // line of the YAML's first line in the file, minus one
	errs    model.Errors
	article *model.Article
}

func (fm *frontMatter) errorf(n *yaml.Node, field, format string, args ...any) {
	fm.errs = append(fm.errs, model.Errorf(fm.file, fm.base+n.Line, n.Column, field, format, args...))
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (fm *frontMatter) read(m *yaml.Node) {
	a := fm.article
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := k.Value
		if seen[key] {
			fm.errorf(k, key, "given twice")
			continue
		}
		seen[key] = true
		switch key {
		case "slug":
			if s, ok := fm.str(v, key); ok {
				if !slugRE.MatchString(s) {
					fm.errorf(v, key, "%q is not a slug: use lower-case letters, digits and single dashes", s)
				}
				a.Slug = s
			}
		case "section":
			a.Section, _ = fm.str(v, key)
		case "kicker":
			a.Kicker = fm.text(v, key)
		case "headline":
			a.Headline = fm.text(v, key)
			if strings.TrimSpace(a.Headline) == "" {
				fm.errorf(v, key, "is empty")
			}
		case "deck":
			a.Deck = fm.text(v, key)
		case "byline":
			a.Byline = fm.text(v, key)
		case "dateline":
			fm.dateline(v)
		case "credit":
			if s, ok := fm.str(v, key); ok {
				if strings.EqualFold(s, "staff") {
					a.Credit = model.Credit{Staff: true}
				} else {
					a.Credit = model.Credit{Source: s}
				}
			}
		case "lang":
			if s, ok := fm.str(v, key); ok {
				tag, err := language.Parse(s)
				if err != nil {
					fm.errorf(v, key, "%q is not a BCP 47 language tag (e.g. en-GB, de, fr)", s)
				} else {
					a.Lang = tag.String()
				}
			}
		case "priority":
			if s, ok := fm.str(v, key); ok {
				p, err := strconv.Atoi(s)
				if err != nil || p < 1 || p > 5 {
					fm.errorf(v, key, "%q is not a priority: use 1 (the lead) to 5", s)
				} else {
					a.Priority = p
				}
			}
		case "photos":
			fm.photos(v)
		default:
			fm.errorf(k, key, "unknown field (known: slug, section, kicker, headline, deck, byline, dateline, credit, lang, priority, photos)")
		}
	}
	if !seen["headline"] {
		fm.errs = append(fm.errs, model.Errorf(fm.file, fm.base+m.Line, 0, "headline", "missing: every article needs a headline"))
	}
}

// str reads a scalar as a plain string.
func (fm *frontMatter) str(v *yaml.Node, field string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		fm.errorf(v, field, "expected a single value, found %s", kindName(v))
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

// text reads a scalar meant for print: whitespace folded, punctuation made
// typographic.
func (fm *frontMatter) text(v *yaml.Node, field string) string {
	s, ok := fm.str(v, field)
	if !ok {
		return ""
	}
	return model.Smarten(strings.Join(strings.Fields(s), " "), 0, 0)
}

func (fm *frontMatter) dateline(v *yaml.Node) {
	d := &fm.article.Dateline
	switch v.Kind {
	case yaml.ScalarNode:
		d.DateText = fm.text(v, "dateline")
		return
	case yaml.MappingNode:
	default:
		fm.errorf(v, "dateline", "expected 'place' and 'date', or one printable string")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "place":
			d.Place = fm.text(val, "dateline.place")
		case "date":
			s, ok := fm.str(val, "dateline.date")
			if !ok {
				continue
			}
			if date, ok := parseISODate(s); ok {
				d.Date = date
			} else if looksISO(s) {
				fm.errorf(val, "dateline.date", "%q is not a calendar date", s)
			} else {
				d.DateText = model.Smarten(strings.Join(strings.Fields(s), " "), 0, 0) // white space folded, as in every text field
			}
		default:
			fm.errorf(k, "dateline."+k.Value, "unknown field (known: place, date)")
		}
	}
}

var isoDateRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

func looksISO(s string) bool {
	return len(s) >= 4 && s[0] >= '0' && s[0] <= '9' && strings.Count(s, "-") >= 1
}

func parseISODate(s string) (model.Date, bool) {
	m := isoDateRE.FindStringSubmatch(s)
	if m == nil {
		return model.Date{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return model.Date{}, false
	}
	return model.Date{Year: y, Month: mo, Day: d}, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (fm *frontMatter) photos(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		fm.errorf(v, "photos", "expected a list of photos ('- file: ...')")
		return
	}
	for i, item := range v.Content {
		field := fmt.Sprintf("photos[%d]", i)
		if item.Kind != yaml.MappingNode {
			fm.errorf(item, field, "expected 'file', 'caption' and 'credit' fields")
			continue
		}
		p := model.Photo{Line: fm.base + item.Line}
		given := false
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, val := item.Content[j], item.Content[j+1]
			switch k.Value {
			case "file":
				given = true
				if s, ok := fm.str(val, field+".file"); ok {
					p.File = fm.photoPath(val, field+".file", s)
				}
			case "caption":
				p.Caption = fm.text(val, field+".caption")
			case "credit":
				p.Credit = fm.text(val, field+".credit")
			case "alt":
				p.Alt = fm.text(val, field+".alt")
			default:
				fm.errorf(k, field+"."+k.Value, "unknown field (known: file, caption, credit, alt)")
			}
		}
		if !given {
			fm.errorf(item, field+".file", "missing: a photo needs its file")
		}
		if p.File == "" {
			continue
		}
		fm.article.Photos = append(fm.article.Photos, p)
	}
}

// photoPath resolves a photo's path against the article's folder and checks
// it stays inside the edition's folder and names a readable file.
func (fm *frontMatter) photoPath(v *yaml.Node, field, s string) string {
	p, err := ResolveInside(fm.file, fm.root, s)
	if err != nil {
		fm.errorf(v, field, "%v", err)
		return ""
	}
	st, err := os.Stat(p)
	if err != nil {
		fm.errorf(v, field, "cannot read %s: %v", s, unwrapPathError(err))
		return ""
	}
	if st.IsDir() {
		fm.errorf(v, field, "%s is a folder, not an image file", s)
		return ""
	}
	return p
}

// ResolveInside resolves ref (a path written in file) against file's folder
// and refuses it unless it lies inside root. An empty root means file's own
// folder. Wire readers use it too.
func ResolveInside(file, root, ref string) (string, error) {
	if strings.Contains(ref, "://") {
		return "", fmt.Errorf("%q is not a local file (remote images are not fetched)", ref)
	}
	dir := filepath.Dir(file)
	if root == "" {
		root = dir
	}
	p := ref
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	absRoot, err1 := filepath.Abs(root)
	absP, err2 := filepath.Abs(p)
	if err1 != nil || err2 != nil {
		return "", fmt.Errorf("cannot resolve %q", ref)
	}
	rel, err := filepath.Rel(absRoot, absP)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%q points outside the edition's folder %s", ref, root)
	}
	return filepath.Clean(p), nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
