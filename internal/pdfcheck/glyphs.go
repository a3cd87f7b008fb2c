package pdfcheck

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-text/typesetting/font"
)

// object is one object of qpdf's JSON dump: a value, or a stream with its
// dictionary and decoded data.
type object struct {
	Value  json.RawMessage `json:"value"`
	Stream *struct {
		Dict map[string]json.RawMessage `json:"dict"`
		Data string                     `json:"data"`
	} `json:"stream"`
}

// Objects dumps every object of a PDF with qpdf, streams decoded.
func Objects(pdf string) (map[string]object, error) {
	if err := Tool("qpdf"); err != nil {
		return nil, err
	}
	out, err := exec.Command("qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", "--json-key=qpdf", pdf).Output()
	if err != nil {
		return nil, fmt.Errorf("qpdf --json %s: %v", pdf, err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		return nil, fmt.Errorf("qpdf json: %v", err)
	}
	objs := map[string]object{}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		return nil, fmt.Errorf("qpdf json objects: %v", err)
	}
	return objs, nil
}

// Dict returns an object's dictionary (a plain dictionary or a stream's).
func Dict(o object) map[string]json.RawMessage {
	if o.Stream != nil {
		return o.Stream.Dict
	}
	var d map[string]json.RawMessage
	json.Unmarshal(o.Value, &d)
	return d
}

// Data returns a stream's decoded bytes.
func Data(o object) []byte {
	if o.Stream == nil {
		return nil
	}
	b, _ := base64.StdEncoding.DecodeString(o.Stream.Data)
	return b
}

func ref(raw json.RawMessage) string {
	var s string
	json.Unmarshal(raw, &s)
	if strings.HasSuffix(s, " R") {
		return "obj:" + s
	}
	return ""
}

// embedded is a Type0 font as drawn: its CID-to-glyph map and its
// embedded TrueType subset.
type embedded struct {
	name     string
	cidToGID []byte
	face     *font.Face
}

var (
	tfRE  = regexp.MustCompile(`/(\S+) [0-9.]+ Tf`)
	hexRE = regexp.MustCompile(`<([0-9A-Fa-f]+)>`)
)

// Glyphs checks that every character drawn in a PDF shows a real glyph:
// its code maps to a glyph of the embedded subset (not .notdef) and that
// glyph has an outline. It returns one message per problem, and how many
// codes it checked.
func Glyphs(pdf string) (problems []string, checked int, err error) {
	objs, err := Objects(pdf)
	if err != nil {
		return nil, 0, err
	}
	fonts := map[string]*embedded{} // by object id
	load := func(id string) *embedded {
		if f, ok := fonts[id]; ok {
			return f
		}
		f := &embedded{}
		fonts[id] = f
		d := Dict(objs[id])
		var base string
		json.Unmarshal(d["/BaseFont"], &base)
		f.name = base
		var kids []string
		json.Unmarshal(d["/DescendantFonts"], &kids)
		if len(kids) == 0 {
			return f
		}
		cid := Dict(objs["obj:"+kids[0]])
		f.cidToGID = Data(objs[ref(cid["/CIDToGIDMap"])])
		desc := Dict(objs[ref(cid["/FontDescriptor"])])
		ttf := Data(objs[ref(desc["/FontFile2"])])
		if face, err := font.ParseTTF(bytes.NewReader(ttf)); err == nil {
			f.face = face
		}
		return f
	}
	for id, o := range objs {
		d := Dict(o)
		var typ string
		json.Unmarshal(d["/Type"], &typ)
		if typ != "/Page" {
			continue
		}
		res := Dict(objs[ref(d["/Resources"])])
		if res == nil {
			json.Unmarshal(d["/Resources"], &res)
		}
		var fontRefs map[string]string
		json.Unmarshal(res["/Font"], &fontRefs)
		content := Data(objs[ref(d["/Contents"])])
		var cur *embedded
		for _, line := range strings.Split(string(content), "\n") {
			if m := tfRE.FindStringSubmatch(line); m != nil {
				r := fontRefs["/"+m[1]]
				if r == "" {
					problems = append(problems, fmt.Sprintf("%s: font %s is not in the page's resources", id, m[1]))
					continue
				}
				cur = load("obj:" + r)
			}
			if cur == nil || !strings.Contains(line, "TJ") {
				continue
			}
			for _, m := range hexRE.FindAllStringSubmatch(line, -1) {
				h := m[1]
				if strings.HasPrefix(strings.ToUpper(h), "FEFF") {
					continue // an ActualText string, not glyph codes
				}
				for i := 0; i+4 <= len(h); i += 4 {
					code, _ := strconv.ParseUint(h[i:i+4], 16, 16)
					checked++
					if p := cur.check(uint16(code)); p != "" {
						problems = append(problems, p)
					}
				}
			}
		}
	}
	return problems, checked, nil
}

func (f *embedded) check(code uint16) string {
	i := 2 * int(code)
	if i+1 >= len(f.cidToGID) {
		return fmt.Sprintf("%s: U+%04X is outside the CIDToGIDMap", f.name, code)
	}
	gid := uint16(f.cidToGID[i])<<8 | uint16(f.cidToGID[i+1])
	if gid == 0 {
		return fmt.Sprintf("%s: U+%04X %q is drawn as .notdef (not in the subset)", f.name, code, rune(code))
	}
	if code == ' ' || code == 0xA0 {
		return ""
	}
	if f.face == nil {
		return fmt.Sprintf("%s: the embedded font cannot be parsed", f.name)
	}
	out, ok := f.face.GlyphData(font.GID(gid)).(font.GlyphOutline)
	if !ok || len(out.Segments) == 0 {
		return fmt.Sprintf("%s: U+%04X %q maps to glyph %d, which has no outline", f.name, code, rune(code), gid)
	}
	return ""
}
