package nitf

import (
	"errors"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
)

// Every bad input is an InputError naming the file, the line and column
// (where known), the element path and what is wrong.
func TestErrors(t *testing.T) {
	const hed = "<body.head><hedline><hl1>H</hl1></hedline></body.head>"
	cases := []struct {
		name      string
		src       string
		line, col int
		field     string
		msg       string
	}{
		{"mismatched end tag", "<nitf>\n<body>" + hed + "\n<body.content>\n  <p>Text\n  </body.content>",
			5, 3, "", "malformed XML: element <p> closed by </body.content>"},
		{"unexpected EOF", "<nitf>\n<body>\n<body.content>\n<p>Text</p>",
			4, 12, "", "malformed XML: unexpected EOF"},
		{"bare ampersand", "<nitf>\n<body>\n  <p>AT&T and more</p></body></nitf>",
			3, 8, "", "malformed XML: invalid character entity &T"},
		{"unknown entity", "<nitf>\n<p>x &bogus; y</p></nitf>",
			2, 6, "", "malformed XML: invalid character entity &bogus;"},
		{"bad attribute", "<nitf>\n<body foo=bar></body></nitf>",
			2, 11, "", "malformed XML: unquoted or missing attribute value in element"},
		{"second root", "<nitf>" + "<body>" + hed + "</body></nitf>\n<nitf/>",
			2, 1, "", "element <nitf> after the end of the root element <nitf>"},
		{"text after root", "<nitf><body>" + hed + "</body></nitf>\n\n  trailing",
			3, 3, "", "text outside the root element"},
		{"empty file", "", 0, 0, "", "no XML element found"},
		{"only a declaration", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", 0, 0, "", "no XML element found"},
		{"root is html", "<?xml version=\"1.0\"?>\n<html><body/></html>",
			2, 1, "/html", "root element is <html>, not <nitf>: not an NITF document"},
		{"NewsML-G2 item", "<?xml version=\"1.0\"?>\n  <newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>",
			2, 3, "/newsItem", "NewsML-G2 is not supported"},
		{"NewsML-G2 by namespace", "<newsMessage2 xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>",
			1, 1, "/newsMessage2", "NewsML-G2 is not supported"},
		{"unknown encoding", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<nitf/>",
			1, 31, "", `encoding "shift_jis" is not supported: use UTF-8`},
		{"UTF-16", "\xff\xfe<\x00n\x00", 1, 1, "", "UTF-16 is not supported"},
		{"invalid UTF-8", "<nitf>\n<body>\n<p>caf\xe9</p></body></nitf>",
			3, 7, "", "invalid UTF-8 (byte 0xe9)"},
		{"too deep", "<nitf>" + strings.Repeat("<block>", maxDepth+5),
			1, 7 + 7*(maxDepth-1), "", "elements nested more than 500 deep"},
		{"no body", "<nitf>\n  <head/>\n</nitf>",
			1, 1, "/nitf/body/body.head/hedline/hl1", "missing or empty headline"},
		{"no hedline", "<nitf>\n<body>\n  <body.head><byline>By X</byline></body.head></body></nitf>",
			3, 3, "/nitf/body/body.head/hedline/hl1", "missing or empty headline"},
		{"empty hl1", "<nitf>\n<body><body.head>\n<hedline>\n  <hl1> \n </hl1></hedline></body.head></body></nitf>",
			4, 3, "/nitf/body/body.head/hedline/hl1", "missing or empty headline"},
		{"image outside root", "<nitf><body>" + hed + "<body.content>\n<media media-type=\"image\">\n   <media-reference source=\"../../etc/x.jpg\"/></media></body.content></body></nitf>",
			3, 4, "/nitf/body/body.content/media/media-reference/@source", `image "../../etc/x.jpg" is outside the edition folder`},
		{"bad story.date", "<nitf><body><body.head><hedline><hl1>H</hl1></hedline>\n<dateline>X, <story.date norm=\"20231345T000000+0900\">?</story.date></dateline></body.head></body></nitf>",
			2, 14, "/nitf/body/body.head/dateline/story.date/@norm", `"20231345T000000+0900" is not a date`},
		{"bad urgency", "<nitf><head><docdata>\n<urgency ed-urg=\"high\"/></docdata></head><body>" + hed + "</body></nitf>",
			2, 1, "/nitf/head/docdata/urgency/@ed-urg", `urgency "high" is not a whole number`},
	}
	for _, c := range cases {
		_, err := Read("in/story.xml", []byte(c.src), "in")
		var ie *model.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: got %v (%T), want an InputError", c.name, err, err)
			continue
		}
		if ie.File != "in/story.xml" || ie.Line != c.line || ie.Col != c.col || ie.Field != c.field || !strings.Contains(ie.Msg, c.msg) {
			t.Errorf("%s: got %s:%d:%d field %q msg %q\nwant line %d col %d field %q msg containing %q",
				c.name, ie.File, ie.Line, ie.Col, ie.Field, ie.Msg, c.line, c.col, c.field, c.msg)
		}
	}
}

// Several problems in one document are reported together.
func TestSeveralErrors(t *testing.T) {
	src := `<nitf><head><docdata><urgency ed-urg="x"/></docdata></head><body><body.head/>
<body.content><media media-type="image"><media-reference source="../../a.jpg"/></media></body.content></body></nitf>`
	_, err := Read("in/s.xml", []byte(src), "")
	var es model.Errors
	if !errors.As(err, &es) || len(es) != 3 {
		t.Fatalf("got %v", err)
	}
	want := "in/s.xml:1:22: /nitf/head/docdata/urgency/@ed-urg: urgency \"x\" is not a whole number (1 = most urgent)\n" +
		"in/s.xml:1:66: /nitf/body/body.head/hedline/hl1: missing or empty headline: NITF needs body.head/hedline/hl1\n" +
		"in/s.xml:2:41: /nitf/body/body.content/media/media-reference/@source: image \"../../a.jpg\" is outside the edition folder"
	if err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}
