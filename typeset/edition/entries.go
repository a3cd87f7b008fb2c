package edition

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/native"
	"pressroom.dev/typeset/units"
)

// entry reads one line of the running order: a path, or a mapping with
// file and the desk's pins (page, columns, new_page).
func (m *Manifest) entry(n *yaml.Node) ([]Entry, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return m.expand(n.Value, n.Line, n.Column)
	case yaml.MappingNode:
	default:
		return nil, model.Errorf(m.File, n.Line, n.Column, "articles", "each entry is a path, or a mapping with file, page, columns, new_page")
	}
	var e Entry
	var fileNode *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "file":
			fileNode = v
		case "page":
			p, err := positive(m.File, v, "articles.page")
			if err != nil {
				return nil, err
			}
			e.Page = p
		case "columns":
			c, err := positive(m.File, v, "articles.columns")
			if err != nil {
				return nil, err
			}
			e.Columns = c
		case "lines":
			l, err := positive(m.File, v, "articles.lines")
			if err != nil {
				return nil, err
			}
			e.Lines = l
		case "jump":
			switch v.Value {
			case "true", "yes":
			case "false", "no":
				e.NoJump = true
			default:
				return nil, model.Errorf(m.File, v.Line, v.Column, "articles.jump", "%q: write true or false", v.Value)
			}
		case "new_page":
			e.NewPage = v.Value == "true" || v.Value == "yes"
		default:
			return nil, model.Errorf(m.File, k.Line, k.Column, "articles."+k.Value, "unknown setting (known: file, page, columns, lines, jump, new_page)")
		}
	}
	if fileNode == nil {
		return nil, model.Errorf(m.File, n.Line, n.Column, "articles.file", "missing: which article?")
	}
	entries, err := m.expand(fileNode.Value, fileNode.Line, fileNode.Column)
	if err != nil {
		return nil, err
	}
	if len(entries) > 0 {
		entries[0].Page, entries[0].Columns, entries[0].NewPage = e.Page, e.Columns, e.NewPage
		entries[0].Lines, entries[0].NoJump = e.Lines, e.NoJump
		for i := 1; i < len(entries); i++ {
			entries[i].Columns = e.Columns
		}
	}
	return entries, nil
}

// ad reads a booked ad: page, columns, height, and file or label.
func (m *Manifest) ad(n *yaml.Node, i int) (Ad, error) {
	field := fmt.Sprintf("ads[%d]", i)
	if n.Kind != yaml.MappingNode {
		return Ad{}, model.Errorf(m.File, n.Line, n.Column, field, "an ad is a mapping: page, columns, height, and file or label")
	}
	ad := Ad{Line: n.Line, Name: fmt.Sprintf("ad %d", i+1)}
	var err error
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		switch k.Value {
		case "name":
			ad.Name = v.Value
		case "page":
			ad.Page, err = positive(m.File, v, field+".page")
		case "columns":
			ad.Columns, err = positive(m.File, v, field+".columns")
		case "height":
			ad.Height, err = units.Parse(v.Value)
			if err != nil || ad.Height <= 0 {
				err = model.Errorf(m.File, v.Line, v.Column, field+".height", "%q is not a height (write e.g. 120mm)", v.Value)
			}
		case "file":
			ad.File, err = native.ResolveInside(m.File, m.Dir, v.Value)
			if err != nil {
				err = model.Errorf(m.File, v.Line, v.Column, field+".file", "%v", err)
			}
		case "label":
			ad.Label = v.Value
		default:
			err = model.Errorf(m.File, k.Line, k.Column, field+"."+k.Value, "unknown setting (known: name, page, columns, height, file, label)")
		}
		if err != nil {
			return Ad{}, err
		}
	}
	if ad.Page == 0 || ad.Columns == 0 || ad.Height == 0 {
		return Ad{}, model.Errorf(m.File, n.Line, n.Column, field, "an ad needs page, columns and height")
	}
	return ad, nil
}

func positive(file string, v *yaml.Node, field string) (int, error) {
	n, err := strconv.Atoi(v.Value)
	if err != nil || n < 1 {
		return 0, model.Errorf(file, v.Line, v.Column, field, "%q is not a positive whole number", v.Value)
	}
	return n, nil
}
