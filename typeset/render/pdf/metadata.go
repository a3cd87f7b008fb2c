package pdf

import (
	"fmt"
	"strings"
)

// xmp is the document's XMP metadata packet. PDF/X-4 reads its identity
// from here (pdfxid:GTS_PDFXVersion) and wants the dates equal to those in
// /Info, a title, and the document and version IDs; the e-paper gets the
// same packet without the PDF/X entries. id is the hash of the document
// that also makes the trailer's /ID.
func (fin *finisher) xmp(id []byte, title string) []byte {
	doc, opt := fin.wr.doc, fin.wr.opt
	date := opt.Date.UTC().Format("2006-01-02T15:04:05Z")
	uuid := fmt.Sprintf("uuid:%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"`)
	if opt.Mode == Print {
		b.WriteString(`
 xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"`)
	}
	b.WriteString(">\n")
	el := func(tag, v string) { fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, xmlEscape(v), tag) }
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlEscape(title))
	if subj := fin.subject(); subj != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlEscape(subj))
	}
	if doc.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(doc.Author))
	}
	if doc.Lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlEscape(doc.Lang))
	}
	el("xmp:CreateDate", date)
	el("xmp:ModifyDate", date)
	el("xmp:MetadataDate", date)
	el("xmp:CreatorTool", creator)
	el("pdf:Producer", opt.Producer)
	el("xmpMM:DocumentID", uuid)
	el("xmpMM:InstanceID", uuid)
	el("xmpMM:VersionID", "1")
	el("xmpMM:RenditionClass", "default")
	if opt.Mode == Print {
		el("pdf:Trapped", "False")
		el("pdfx:GTS_PDFXVersion", "PDF/X-4")
		el("pdfxid:GTS_PDFXVersion", "PDF/X-4")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// Room for editors to change the packet in place, as XMP recommends.
	for i := 0; i < 20; i++ {
		b.WriteString(strings.Repeat(" ", 99) + "\n")
	}
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
