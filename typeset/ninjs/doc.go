// Package ninjs reads a news story in IPTC ninjs 2.x (2.0, 2.1, 2.2: "news
// in JSON", lower-case property names) into the typesetter's article model,
// following shared/corpus/MAPPING.md.
//
// # Input
//
// The file must be UTF-8 JSON (a byte order mark is skipped) whose top
// level is an object. ninjs 3.x, which renamed the properties to camelCase,
// is refused, recognised by standard.version "3..." or by a camelCase
// spelling of a 2.x property (contentCreated, infoSources, ...); so is ninjs
// 1.x (standard.version "1...", or a "headline" string and no headlines).
// standard.name may be anything (TT sends "TTNINJS"). Properties this
// reader does not use are not checked; those it reads must have the types
// of the 2.x schema, else an error names the JSON pointer
// ("/headlines: expected array, got string").
//
// # Mapping
//
//	Slug       slugline, else the file name without its extension; either
//	           way lower case, Latin letters folded to ASCII, other
//	           characters '-'
//	Section    name of the first subjects[] item with rel "section" (as the
//	           benchmark corpus writes it)
//	Kicker     an element of class "kicker" or "vignette" in the HTML body
//	           (TT's <span class="vignette"> in its <div class="dat">); ninjs
//	           itself has no kicker
//	Headline   headlines[]: the item with role "main", else the only item,
//	           else the first that is not a deck; its value (HTML values lose
//	           their markup); required
//	Deck       headlines[] with role subheadline (also sub, deck,
//	           standfirst, summary, subtitle), else descriptions[] with one
//	           of those roles
//	Byline     by, as printed
//	Dateline   Place from located; Date from contentcreated, else
//	           firstcreated, else versioncreated (RFC 3339): the date as
//	           written, which is the date in the offset given
//	Credit     Source from the first infosources[] item without a role (per
//	           NewsML-G2, the originator), printed "— Source"; "Staff" too
//	           ("— Staff": Credit.Staff, the paper's own reporting without an
//	           end credit, is only the native format's "credit: staff");
//	           copyrightholder is rights, not credit
//	Lang       language
//	Priority   urgency (1 most urgent .. 9), clamped to 1..5; 3 when absent
//	Photos     associations[] with type "picture": the first rendition with
//	           an href; Caption from descriptions[] (role "caption", else
//	           plain text, else the first, HTML stripped), else the
//	           association's first headline; Credit from by. An <img> in
//	           the body whose data-assoc-ref names no picture association
//	           is a photo too if its src is local (Caption from the figure's
//	           figcaption, Credit from an element of class byline or credit,
//	           Alt from alt)
//
// A relative image path is resolved against the article's folder and must
// stay inside root (an absolute one too); otherwise Read fails. Whether the
// file exists is not checked here. Remote images (any URL with a scheme:
// http, https, ...; the usual case in agency ninjs) are ignored: Read has
// no way to return warnings, and the typesetter does not fetch images.
//
// # Body
//
// Of bodies[], the first text/html or application/xhtml+xml value is read;
// else the first whose contenttype mentions html (the official 2.2 example
// says "body_xhtml") or has none and starts with '<'; else the first
// text/plain (or untyped) value, split into paragraphs at blank lines, or at
// every line break if there are none. Other types (TT's application/xml
// TTNITF) are not read; role is not looked at.
//
// HTML is parsed by a small tolerant reader of this package (unclosed <p>
// and <li>, stray end tags, unquoted attributes, whole documents with
// <head>, CDATA; never an error). Entities are decoded: the XML five, every
// HTML 4 named entity, numeric references. Blocks, in document order:
//
//	p, pre, dt, dd                 paragraph
//	h1                             skipped if it repeats the headline, else
//	                               a crosshead
//	h2..h6 outside asides          crosshead
//	aside                          quote box: first heading the title,
//	                               blockquote paragraphs (and any other
//	                               text) the quote, figcaption (or a footer
//	                               in the blockquote) the attribution; an
//	                               aside without a quote is a box of its
//	                               paragraphs
//	blockquote, figure with one    pull quote, attribution as above
//	figure/img                     photo (see above), not text
//	div, section, lists, tables,   their content, block by block; a table
//	unknown elements               row is one paragraph, cells joined " · "
//	head, script, style, nav,      skipped: not for print
//	iframe, video, form, hr, ...
//
// Attributions lose a leading dash; a quote whose last paragraph starts with
// a dash and has no figcaption takes it as the attribution. Inline: em, i,
// cite, dfn, var give model.Emphasis; strong, b model.Strong; other inline
// elements keep their text; br is a space. White space runs collapse to one
// space, block edges are trimmed, non-breaking spaces are kept. Every
// block's Line is the line of the body's value in the JSON file: the HTML
// is one JSON string.
//
// Punctuation is made typographic with model.Smarten, as in the native
// format and on the same fields (not slug, section, infosource or
// language): straight quotes become curly, "--" an en dash, "---" an em
// dash, "..." an ellipsis. Agency copy that is typographic already passes
// unchanged; the IPTC examples' "d'Emilio" becomes "d’Emilio".
//
// A dateline repeated at the start of the first paragraph ("GROSSETO, Italy
// (AP) -- The trial ...", as in the official examples) is cut from the
// paragraph; it gives the dateline's Place if located is empty, and its
// agency in parentheses gives Credit.Source if there was no credit.
//
// # Not carried into the model
//
// Rights (copyrightholder, copyrightnotice, usageterms), ednote (not for
// print), people/places/organisations/subjects other than the section,
// genres, altids, uri, version, pubstatus, embargoed/expires, the
// descriptions when they are not a deck (NTB's "text" summary, so a story
// without bodies prints only its headline package), associations other than
// pictures (graphics, text sidebars carried as associations), rendition
// sizes and types, the other bodies, infosources with a role, the plain
// text's line structure, and HTML classes, links and list structure.
//
// # Errors
//
// Every problem is a *model.InputError with the file, the line and column
// of the offending byte or value (from *json.SyntaxError's offset for syntax
// errors) and the JSON pointer of the value. Several content problems come
// back together as model.Errors, in file order.
package ninjs
