// Package nitf reads a news story in NITF 3.x (IPTC News Industry Text
// Format; 3.6 is the last version) into the typesetter's article model,
// following shared/corpus/MAPPING.md.
//
// # Input
//
// Elements are matched by local name, so documents with the NITF namespace
// (http://iptc.org/std/NITF/2006-10-18/) and without it (as agencies such as
// NTB send them) read the same. The root must be <nitf>. NewsML-G2 items and
// fragments (newsItem, packageItem, contentSet, contentMeta, or anything in
// the NewsML-G2 namespace) are refused with a message saying NewsML-G2 is
// not supported: reading only the inline NITF would silently drop the
// envelope's metadata (headline, dateline, located, infoSource), so the feed
// should be unpacked before it reaches the typesetter. Schema validity is not
// checked: real feeds add attributes the XSD does not know.
//
// Text must be UTF-8 (a UTF-8 byte order mark is skipped). A declaration
// naming US-ASCII is read as UTF-8; ISO-8859-1 and windows-1252 are
// converted, since that is a table lookup; every other encoding, and UTF-16,
// is refused. HTML named entities (&nbsp; &mdash; ...) are accepted as well
// as XML's, because NITF's DTD declares them and feeds use them.
//
// # Mapping
//
//	Slug       head/docdata/doc-id/@id-string, else the file name without its
//	           extension; either way lower case, Latin letters folded to ASCII,
//	           other characters '-'
//	Section    head/pubdata/@position.section ("section of publication where
//	           the article appeared"), else head/meta[@name="section"]/@content.
//	           tobject.subject is a subject code ("Weather"), not a page
//	           section, and is not used
//	Kicker     head/meta[@name="kicker"]/@content (NITF has no kicker)
//	Headline   body/body.head/hedline/hl1, required; head/title is metadata
//	           and is not a fallback
//	Deck       hedline/hl2 (several joined), else body.head/abstract/p
//	Byline     body.head/byline as printed, "By" kept; a byttl (title or
//	           organisation) without separating punctuation gets ", " before
//	           it; several bylines are joined with "; "
//	Dateline   body.head/dateline: Place from location (its text, e.g.
//	           "Newport News, VA") or the dateline's own text; Date from
//	           story.date/@norm (YYYYMMDDTHHMMSS±HHMM, or ISO YYYY-MM-DD...):
//	           the date as written, which is the date in the offset given;
//	           DateText from story.date's text when it has no norm.
//	           docdata/date.issue is transmission time, not a dateline date,
//	           and is not used
//	Credit     Source from body.head/distributor, printed "— Source"; a
//	           distributor "Staff" too ("— Staff": Credit.Staff, the paper's
//	           own reporting without an end credit, is only the native
//	           format's "credit: staff"); Tagline from body.end/tagline,
//	           printed as is. A tagline that is only a dash and the
//	           distributor ("— Reuters") is dropped in favour of the source:
//	           it prints the same, in the house dash
//	Lang       nitf/@baselang, else nitf/@xml:lang
//	Priority   head/docdata/urgency/@ed-urg (NITF: 1 most urgent .. 8),
//	           clamped to 1..5; 3 when absent
//	Photos     media[@media-type="image"] anywhere in body.content (also
//	           "photo"/"graphic", or a media-reference with an image/* type):
//	           the first media-reference with a source; Caption from
//	           media-caption, Credit from media-producer else
//	           media-reference/@source-credit, Alt from @alternate-text
//
// A relative image path is resolved against the article's folder and must
// stay inside root (an absolute one too); otherwise Read fails. Whether the
// file exists is not checked here. Remote images (any URL with a scheme:
// http, https, ...) are ignored: Read has no way to return warnings, and the
// typesetter does not fetch images.
//
// # Body
//
// body.content is read in document order:
//
//	p, pre                      paragraph
//	hl1..hl6 (and h1..h6)       crosshead
//	block class="sidebar", or   quote box: first heading is the title, the bq
//	block with hl2 and bq       paragraphs (and any other text) the quote,
//	                            bq/credit the attribution
//	bq                          pull quote: paragraphs, credit (else
//	                            @quote-source) as attribution
//	other block, ul/ol/li,      their content, block by block (list items
//	dl, unknown elements        become paragraphs)
//	table rows                  one paragraph per row, cells joined by " · "
//	note, ed-msg, hr, table     skipped: not for print
//	metadata (but the summary)
//	media                       photo (see above), also inside paragraphs
//
// A block without the sidebar class and without hl2+bq (the IPTC sample's
// "Local Nooks") is not a box: its heading becomes a crosshead, its
// paragraphs paragraphs. A sidebar block without a bq is a quote box whose
// quote is its paragraphs (the model has no plain sidebar). An attribution
// loses a leading dash (the typesetter adds one); a quote whose last
// paragraph starts with a dash and has no credit takes that paragraph as
// its attribution.
//
// Inline: em and i give model.Emphasis, strong and b model.Strong; every
// other element inside text (person, org, location, a, q, chron, ...) keeps
// its text without style; br is a space. Text and inline elements standing
// between blocks become paragraphs of their own: no words are dropped.
// White space runs collapse to one space and block edges are trimmed;
// non-breaking and other Unicode spaces are kept.
//
// Punctuation is made typographic with model.Smarten, as in the native
// format and on the same fields (not slug, section, distributor or
// language): straight quotes become curly, "--" an en dash, "---" an em
// dash, "..." an ellipsis. Agency copy that is typographic already passes
// unchanged; the IPTC sample's "don't" becomes "don’t".
//
// A dateline repeated at the start of the first paragraph ("GROSSETO, Italy
// (AP) -- The trial ...", a place in capitals or the known place, then a
// dash) is cut from the paragraph; it gives the dateline's Place if the
// head had none, and its agency in parentheses gives Credit.Source if there
// was no credit.
//
// # Not carried into the model
//
// Tables as tables (their words are kept as paragraphs), list structure,
// the abstract when hedline/hl2 gives the deck, copyright (doc.copyright,
// doc.rights), keywords and subject codes, series, revision history,
// editorial notes (ed-msg, note), the bylines' structure (person, byttl),
// location codes, body.end beyond tagline (bibliography), media other than
// images, image sizes and mime types, media-caption markup, classes (NTB's
// "lead"), q's quotation marks, footnote placement, and ruby annotations
// (their text is kept inline).
//
// # Errors
//
// Every problem is a *model.InputError with the file, the line and column
// (computed from the decoder's offset for syntax errors) and, for content
// problems, the element path (/nitf/body/body.head/hedline/hl1,
// .../media-reference/@source). Several content problems come back together
// as model.Errors, in file order.
package nitf
