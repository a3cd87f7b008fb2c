package wire

import "pressroom.dev/typeset/model"

// AttributionLine takes a last quote paragraph that starts with a dash as
// the attribution when there is none.
func AttributionLine(q []model.Para, attr string) ([]model.Para, string) {
	if attr != "" || len(q) < 2 {
		return q, attr
	}
	last := model.Plain(q[len(q)-1])
	if !StartsWithDash(last) {
		return q, attr
	}
	return q[:len(q)-1], StripDash(last)
}

// Paras flattens blocks into quote paragraphs: nested headings, boxes and
// quotes keep their words.
func Paras(blocks []model.Block) []model.Para {
	var out []model.Para
	for _, b := range blocks {
		switch b.Kind {
		case model.Paragraph, model.Crosshead:
			out = append(out, model.Para(b.Text))
		default:
			if b.Title != "" {
				out = append(out, model.Para{{Text: b.Title}})
			}
			out = append(out, b.Quote...)
			if b.Attribution != "" {
				out = append(out, model.Para{{Text: b.Attribution}})
			}
		}
	}
	return out
}

// Row joins the cells of a table row into one paragraph, separated by
// " · ": the model has no tables, and their words must not be lost. Empty
// cells are left out.
func Row(cells [][]model.Span) []model.Span {
	var s []model.Span
	for _, cell := range cells {
		if len(cell) == 0 {
			continue
		}
		if len(s) > 0 {
			s = append(s, model.Span{Text: " · "})
		}
		s = append(s, cell...)
	}
	return NormSpans(s)
}
