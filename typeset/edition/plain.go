package edition

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/native"
)

// readPlain reads a plain text file as a story without a headline:
// paragraphs separated by blank lines, lines within a paragraph joined.
// The desk proofs copy this way before it has a headline, and the quality
// checks set the same text as TeX does.
func readPlain(file string, data []byte) (*model.Article, error) {
	if !utf8.Valid(data) {
		return nil, model.Errorf(file, 0, 0, "", "the text is not UTF-8")
	}
	a := &model.Article{Source: file, Slug: native.SlugFromFile(file), Priority: 3}
	line := 1
	for _, p := range bytes.Split(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n\n")) {
		text := strings.Join(strings.Fields(string(p)), " ")
		if text != "" {
			a.Body = append(a.Body, model.Block{Kind: model.Paragraph, Line: line, Text: []model.Span{{Text: text}}})
		}
		line += bytes.Count(p, []byte("\n")) + 2
	}
	if len(a.Body) == 0 {
		return nil, model.Errorf(file, 1, 0, "", "the file holds no text")
	}
	return a, nil
}
