package nitf

import (
	"testing"

	"pressroom.dev/typeset/internal/wire/wiretest"
)

// FuzzRead: never a panic; either an article with a headline and tidy text,
// or an InputError.
func FuzzRead(f *testing.F) {
	wiretest.Seed(f, "testdata/*.xml", "testdata/standards/*.xml")
	f.Add([]byte(story("", "<dateline>GROSSETO (AP) -- x</dateline>", "<p>ROME (AP) -- Text</p><bq><p>q</p><p>— a</p></bq>")))
	f.Add([]byte("<?xml version='1.0' encoding='windows-1252'?><nitf><body><body.head><hedline><hl1>\x93x\x94</hl1></hedline></body.head></body></nitf>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("testdata/fuzz.xml", data, "testdata")
		if err := wiretest.Outcome(a, err, "testdata"); err != nil {
			t.Fatal(err)
		}
	})
}
