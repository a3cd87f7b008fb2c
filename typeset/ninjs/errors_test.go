package ninjs

import (
	"errors"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
)

// Every bad input is an InputError naming the file, the line and column
// (where known), the JSON pointer and what is wrong.
func TestErrors(t *testing.T) {
	const hed = `"headlines": [{"value": "H"}]`
	cases := []struct {
		name      string
		src       string
		line, col int
		field     string
		msg       string
	}{
		{"trailing comma", "{\n  \"headlines\": [{\"value\": \"x\"},]\n}",
			2, 32, "", "malformed JSON: invalid character ']' looking for beginning of value"},
		{"missing colon", "{\"a\" 1}", 1, 6, "", "malformed JSON: invalid character '1' after object key"},
		{"bad literal", "{\n\t\"a\": tru}", 2, 10, "", "malformed JSON: invalid character '}' in literal true"},
		{"truncated", "{\"headlines\": [\n", 2, 1, "", "malformed JSON: unexpected end of JSON input"},
		{"empty", "", 1, 1, "", "malformed JSON: unexpected end of JSON input"},
		{"two values", "{" + hed + "}\n{}", 2, 1, "", "malformed JSON: invalid character '{' after top-level value"},
		{"newline in string", "{\"by\": \"a\nb\"}", 1, 10, "", "malformed JSON: invalid character '\\n' in string literal"},
		{"invalid UTF-8", "{\n \"by\": \"Caf\xe9\"}", 2, 12, "", "invalid UTF-8 (byte 0xe9): ninjs must be UTF-8"},
		{"too deep", strings.Repeat("[", 600) + strings.Repeat("]", 600), 1, 501, "", "nested more than 500 deep"},
		{"not an object", "\n  [1, 2]", 2, 3, "", "a ninjs document is a JSON object, got array"},
		{"headlines a string", "{\n  \"headlines\": \"Kim ends visit\"}", 2, 16, "/headlines", "expected array, got string"},
		{"headline item a string", "{\"headlines\": [\"x\"]}", 1, 16, "/headlines/0", "expected object, got string"},
		{"headline value a number", "{\"headlines\": [{\"value\": 42}]}", 1, 26, "/headlines/0/value", "expected string, got number"},
		{"by an array", "{" + hed + ", \"by\": [\"A\"]}", 1, 39, "/by", "expected string, got array"},
		{"urgency a string", "{" + hed + ",\n\"urgency\": \"high\"}", 2, 12, "/urgency", "expected number, got string"},
		{"urgency fractional", "{" + hed + ",\n\"urgency\": 2.5}", 2, 12, "/urgency", "urgency 2.5 is not a whole number"},
		{"bodies value an object", "{" + hed + ", \"bodies\": [{\"value\": {}}]}", 1, 54, "/bodies/0/value", "expected string, got object"},
		{"located a number", "{" + hed + ", \"located\": 3}", 1, 44, "/located", "expected string, got number"},
		{"subject a number", "{" + hed + ", \"subjects\": [1]}", 1, 46, "/subjects/0", "expected object, got number"},
		{"bad date", "{" + hed + ", \"contentcreated\": \"2023-09-17\"}", 1, 51, "/contentcreated", `"2023-09-17" is not an RFC 3339 date-time`},
		{"ninjs 3 by version", "{\"standard\": {\"name\": \"ninjs\", \"version\": \"3.0\"}, " + hed + "}", 1, 43, "/standard/version",
			"ninjs 3.0 is not supported: this reader takes ninjs 2.x"},
		{"ninjs 3 by spelling", "{\"uri\": \"u\",\n \"contentCreated\": \"2024-01-01T00:00:00Z\", " + hed + "}", 2, 20, "/contentCreated",
			`property "contentCreated" is ninjs 3.x camelCase: ninjs 3 is not supported`},
		{"ninjs 1 by version", "{\"standard\": {\"name\": \"ninjs\", \"version\": \"1.3\"}}", 1, 43, "/standard/version", "ninjs 1.3 is not supported"},
		{"ninjs 1 headline", "{\"headline\": \"Old style\", \"body_html\": \"<p>x</p>\"}", 1, 14, "/headline", `ninjs 1.x "headline" is not supported`},
		{"standard a string", "{\"standard\": \"ninjs\", " + hed + "}", 1, 14, "/standard", "expected object, got string"},
		{"missing headline", "{\"uri\": \"u\"}", 0, 0, "/headlines", "missing headline"},
		{"no headline items", "{\"headlines\": []}", 1, 15, "/headlines", "missing headline"},
		{"empty headline", "{\"headlines\": [{\"role\": \"main\", \"value\": \" \\n \"}]}", 1, 42, "/headlines/0/value", "empty headline"},
		{"image outside root", "{" + hed + ",\n\"associations\": [{\"type\": \"picture\", \"renditions\": [{\"name\": \"r\", \"href\": \"../../x.jpg\"}]}]}",
			2, 75, "/associations/0/renditions/0/href", `image "../../x.jpg" is outside the edition folder`},
		{"absolute image outside root", "{" + hed + ",\n\"associations\": [{\"type\": \"picture\", \"renditions\": [{\"name\": \"r\", \"href\": \"/etc/x.jpg\"}]}]}",
			2, 75, "/associations/0/renditions/0/href", `image "/etc/x.jpg" is outside the edition folder`},
		{"body image outside root", "{" + hed + ",\n\"bodies\": [{\"value\": \"<img src='../x.jpg'>\"}]}",
			2, 22, "/bodies/0/value", `image "../x.jpg" is outside the edition folder`},
	}
	for _, c := range cases {
		_, err := Read("in/story.json", []byte(c.src), "in")
		var ie *model.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: got %v (%T), want an InputError", c.name, err, err)
			continue
		}
		if ie.File != "in/story.json" || ie.Line != c.line || ie.Col != c.col || ie.Field != c.field || !strings.Contains(ie.Msg, c.msg) {
			t.Errorf("%s: got %s:%d:%d field %q msg %q\nwant line %d col %d field %q msg containing %q",
				c.name, ie.File, ie.Line, ie.Col, ie.Field, ie.Msg, c.line, c.col, c.field, c.msg)
		}
	}
}

// Several problems are reported together, each with its place.
func TestSeveralErrors(t *testing.T) {
	src := `{
  "headlines": "Kim ends Russia visit",
  "by": 7,
  "urgency": "1",
  "bodies": {"value": "<p>x</p>"}
}`
	_, err := Read("in/s.json", []byte(src), "")
	want := `in/s.json:2:16: /headlines: expected array, got string
in/s.json:3:9: /by: expected string, got number
in/s.json:4:14: /urgency: expected number, got string
in/s.json:5:13: /bodies: expected array, got object`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}
