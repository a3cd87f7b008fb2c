package style

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"pressroom.dev/styles"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/units"
)

// Builtin lists the names of the styles bundled with the program.
func Builtin() []string {
	entries, _ := fs.ReadDir(styles.FS, ".")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Load reads a style by built-in name ("berliner") or by the path of a
// YAML file. A file may start from a built-in style with "extends: NAME"
// and override only what differs.
func Load(nameOrPath string) (*Style, error) {
	if !strings.ContainsAny(nameOrPath, `/\`) && !strings.HasSuffix(nameOrPath, ".yaml") {
		data, err := fs.ReadFile(styles.FS, nameOrPath+".yaml")
		if err != nil {
			return nil, &model.InputError{File: nameOrPath, Msg: fmt.Sprintf("unknown style (built-in styles: %s; or give the path of a .yaml file)", strings.Join(Builtin(), ", "))}
		}
		return parse("builtin:"+nameOrPath, data, 0)
	}
	data, err := os.ReadFile(nameOrPath)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &model.InputError{File: nameOrPath, Msg: fmt.Sprintf("cannot read the style: %v", err)}
	}
	return parse(nameOrPath, data, 0)
}

// Parse reads a style from YAML held in memory; file names it in messages.
func Parse(file string, data []byte) (*Style, error) { return parse(file, data, 0) }

func parse(file string, data []byte, depth int) (*Style, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(file, err, nil)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, model.Errorf(file, 1, 0, "", "a style is a YAML mapping of settings")
	}
	root := doc.Content[0]
	s := &Style{}
	if ext := mappingValue(root, "extends"); ext != nil {
		if depth > 4 {
			return nil, model.Errorf(file, ext.Line, ext.Column, "extends", "styles extend each other in a loop")
		}
		base, err := loadBase(file, ext.Value, depth)
		if err != nil {
			return nil, err
		}
		s = base
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(s); err != nil {
		return nil, yamlError(file, err, root)
	}
	s.file = file
	if err := s.validate(root); err != nil {
		return nil, err
	}
	return s, nil
}

func loadBase(file, name string, depth int) (*Style, error) {
	if data, err := fs.ReadFile(styles.FS, name+".yaml"); err == nil && !strings.ContainsAny(name, `/\`) {
		return parse("builtin:"+name, data, depth+1)
	}
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(file), p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, model.Errorf(file, 0, 0, "extends", "cannot read base style %q", name)
	}
	return parse(p, data, depth+1)
}

func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

var yamlLineRE = regexp.MustCompile(`line (\d+): (.*)`)

// yamlError turns a yaml error into an InputError with a line. Errors from
// our own value types (lengths, ratios) carry the text that was written; we
// find the node holding it to give its line.
func yamlError(file string, err error, root *yaml.Node) error {
	var pe *units.ParseError
	var re *ratioError
	text, msg := "", ""
	switch {
	case errors.As(err, &pe):
		text, msg = pe.Text, pe.Msg
	case errors.As(err, &re):
		text, msg = re.text, re.msg
	}
	if msg != "" {
		line, col, path := 0, 0, ""
		if root != nil {
			if n, p := findScalar(root, text, ""); n != nil {
				line, col, path = n.Line, n.Column, p
			}
		}
		return model.Errorf(file, line, col, path, "%s", msg)
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		var es model.Errors
		for _, m := range te.Errors {
			es = append(es, lineError(file, m))
		}
		return es.Err()
	}
	return lineError(file, strings.TrimPrefix(err.Error(), "yaml: "))
}

func lineError(file, msg string) error {
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return model.Errorf(file, n, 0, "", "%s", friendlier(m[2]))
	}
	return model.Errorf(file, 0, 0, "", "%s", msg)
}

var notFoundRE = regexp.MustCompile(`field (\S+) not found in type style\.(\S+)`)

func friendlier(msg string) string {
	if m := notFoundRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown setting %q (in %s)", m[1], m[2])
	}
	return msg
}

func findScalar(n *yaml.Node, text, path string) (*yaml.Node, string) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value == text {
			return n, path
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := n.Content[i].Value
			if path != "" {
				p = path + "." + p
			}
			if f, fp := findScalar(n.Content[i+1], text, p); f != nil {
				return f, fp
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if f, fp := findScalar(c, text, fmt.Sprintf("%s[%d]", path, i)); f != nil {
				return f, fp
			}
		}
	}
	return nil, ""
}
