// Package style is the house style of a paper: page geometry, type styles,
// colours and the settings of hyphenation and justification, read from a
// YAML file (styles/*.yaml). Every number the later stages use comes from
// here; a stage's own defaults apply only where a style is silent.
package style

import (
	"pressroom.dev/typeset/units"
)

// Style is one complete house style.
type Style struct {
	Name     string            `yaml:"name"`
	Extends  string            `yaml:"extends"` // a built-in style or file this one starts from
	Lang     string            `yaml:"lang"`    // default language of articles (BCP 47)
	Page     Page              `yaml:"page"`
	Colors   map[string]Color  `yaml:"colors"`
	Families map[string]Family `yaml:"families"`
	// Fallback lists font files tried, in order, for characters a type
	// style's own face lacks.
	Fallback []string       `yaml:"fallback"`
	Type     TypeStyles     `yaml:"type"`
	Justify  Justification  `yaml:"justification"`
	Hyphen   Hyphenation    `yaml:"hyphenation"`
	Break    LineBreaking   `yaml:"linebreak"`
	Box      QuoteBoxStyle  `yaml:"quote_box"`
	Pull     PullQuoteStyle `yaml:"pull_quote"`
	Article  ArticleStyle   `yaml:"article"`
	Photo    PhotoStyle     `yaml:"photo"`
	Folio    FolioStyle     `yaml:"folio"`
	Print    PrintStyle     `yaml:"print"`
	Dateline DatelineStyle  `yaml:"dateline"`
	Credit   CreditStyle    `yaml:"credit"`

	file string // where the style was read from, for messages and relative font paths
}

// File returns the path the style was read from ("" for a built-in style it
// names as "builtin:NAME").
func (s *Style) File() string { return s.file }

// Page is the grid every element snaps to.
type Page struct {
	Width   Length  `yaml:"width"`  // trim width
	Height  Length  `yaml:"height"` // trim height
	Bleed   Length  `yaml:"bleed"`
	Margins Margins `yaml:"margins"`
	Columns int     `yaml:"columns"`
	Gutter  Length  `yaml:"gutter"`
	// Baseline is the grid pitch; body leading should equal it so that
	// lines align across columns.
	Baseline    Length `yaml:"baseline"`
	ColumnRules bool   `yaml:"column_rules"`
}

// Margins of the type area. Inside and outside swap on even pages.
type Margins struct {
	Top     Length `yaml:"top"`
	Bottom  Length `yaml:"bottom"`
	Inside  Length `yaml:"inside"`
	Outside Length `yaml:"outside"`
}

// Family names the font files of one typeface's styles. File names are
// looked up among the bundled fonts first, then relative to the style file.
type Family struct {
	Regular    string `yaml:"regular"`
	Italic     string `yaml:"italic"`
	Bold       string `yaml:"bold"`
	BoldItalic string `yaml:"bold_italic"`
}

// TypeStyle is how one kind of text is set.
type TypeStyle struct {
	Family   string `yaml:"family"`
	Bold     bool   `yaml:"bold"`
	Italic   bool   `yaml:"italic"`
	Size     Length `yaml:"size"`
	Leading  Length `yaml:"leading"`
	Color    string `yaml:"color"`
	Tracking Ratio  `yaml:"tracking"` // letter spacing, as a share of the size
	Upper    bool   `yaml:"upper"`    // set in capitals
	Align    string `yaml:"align"`    // left, right, center, justify
	Before   Length `yaml:"space_before"`
	After    Length `yaml:"space_after"`
	Indent   Length `yaml:"indent"` // first-line indent (body paragraphs after the first)
}

// TypeStyles lists every kind of text on a page.
type TypeStyles struct {
	Body           TypeStyle     `yaml:"body"`
	Dateline       TypeStyle     `yaml:"dateline"`
	Crosshead      TypeStyle     `yaml:"crosshead"`
	Headline       HeadlineStyle `yaml:"headline"`
	Kicker         KickerStyle   `yaml:"kicker"`
	Deck           TypeStyle     `yaml:"deck"`
	Byline         TypeStyle     `yaml:"byline"`
	Credit         TypeStyle     `yaml:"credit"`
	BoxTitle       TypeStyle     `yaml:"box_title"`
	BoxText        TypeStyle     `yaml:"box_text"`
	BoxAttribution TypeStyle     `yaml:"box_attribution"`
	PullText       TypeStyle     `yaml:"pull_text"`
	PullAttrib     TypeStyle     `yaml:"pull_attribution"`
	Caption        TypeStyle     `yaml:"caption"`
	PhotoCredit    TypeStyle     `yaml:"photo_credit"`
	Folio          TypeStyle     `yaml:"folio"`
	Masthead       TypeStyle     `yaml:"masthead"`
	MastheadLine   TypeStyle     `yaml:"masthead_line"`
	Jump           TypeStyle     `yaml:"jump"`
	JumpHead       TypeStyle     `yaml:"jump_head"`
	SectionHead    TypeStyle     `yaml:"section_head"`
	// DropCap is the face and colour of a drop cap; its size is worked
	// out from the lines it sinks into (article.drop_cap_lines).
	DropCap TypeStyle `yaml:"drop_cap"`
}

// KickerStyle is the label over a headline.
type KickerStyle struct {
	TypeStyle `yaml:",inline"`
	// Section prints an article's section as its kicker when the article
	// brings none ("WORLD" over a world story), as agency copy sorted by
	// section expects.
	Section bool `yaml:"section"`
}

// HeadlineStyle adds the size scale headlines are chosen from.
type HeadlineStyle struct {
	TypeStyle `yaml:",inline"`
	// Sizes is the scale, smallest first; the make-up picks one by module
	// width and priority.
	Sizes []Length `yaml:"sizes"`
	// LeadingRatio is line pitch over size (e.g. 1.05).
	LeadingRatio Ratio `yaml:"leading_ratio"`
	MaxLines     int   `yaml:"max_lines"`
	// BriefSize is the headline size of a brief: a story of at most
	// BriefWords words set in one or two columns. Briefs stacked beside
	// bigger stories then do not compete with their headlines.
	BriefSize  Length `yaml:"brief_size"`
	BriefWords int    `yaml:"brief_words"`
}

// Justification holds the H&J ranges newspapers set in InDesign: minimum,
// desired and maximum word spacing (share of the space glyph), letter
// spacing (share of the size) and glyph scaling (horizontal scale).
type Justification struct {
	WordSpace   [3]Ratio `yaml:"word_space"`
	LetterSpace [3]Ratio `yaml:"letter_space"`
	GlyphScale  [3]Ratio `yaml:"glyph_scale"`
	// Protrusion: how far punctuation hangs into the margin, as a share of
	// its width (optical margin alignment). Keys are the characters.
	Protrusion map[string]Ratio `yaml:"protrusion"`
	// ProtrusionLeft is the same for the left margin: how far a line's
	// first character (an opening quote, say) hangs out.
	ProtrusionLeft map[string]Ratio `yaml:"protrusion_left"`
}

// Hyphenation holds the newspaper rules for breaking words.
type Hyphenation struct {
	LeftMin     int  `yaml:"left_min"`
	RightMin    int  `yaml:"right_min"`
	MinWord     int  `yaml:"min_word"`
	Capitalized bool `yaml:"capitalized"`
	// NamePenalty, when Capitalized is false, lets capitalised words break
	// after all at this cost (TeX penalty units; 0 = never): a last resort
	// that saves a line from gaping.
	NamePenalty    int      `yaml:"name_penalty"`
	MaxConsecutive int      `yaml:"max_consecutive"`
	Exceptions     []string `yaml:"exceptions"`
}

// LineBreaking holds the Knuth–Plass parameters (TeX's names).
type LineBreaking struct {
	Pretolerance         int    `yaml:"pretolerance"`
	Tolerance            int    `yaml:"tolerance"`
	EmergencyStretch     Length `yaml:"emergency_stretch"`
	LinePenalty          int    `yaml:"line_penalty"`
	HyphenPenalty        int    `yaml:"hyphen_penalty"`
	ExHyphenPenalty      int    `yaml:"ex_hyphen_penalty"`
	AdjDemerits          int    `yaml:"adj_demerits"`
	DoubleHyphenDemerits int    `yaml:"double_hyphen_demerits"`
	FinalHyphenDemerits  int    `yaml:"final_hyphen_demerits"`
	ClubPenalty          int    `yaml:"club_penalty"`  // orphan: first line alone at a column foot
	WidowPenalty         int    `yaml:"widow_penalty"` // widow: last line alone at a column head
}

// QuoteBoxStyle is the look of a boxed quote sidebar.
type QuoteBoxStyle struct {
	Rule    Length `yaml:"rule"`    // frame rule weight; 0 for none
	Color   string `yaml:"color"`   // frame colour
	Tint    string `yaml:"tint"`    // background colour; "" for none
	Padding Length `yaml:"padding"` // inside the frame
	Space   Length `yaml:"space"`   // clearance above and below, to the text
}

// PullQuoteStyle is the look of a pull quote set between rules.
type PullQuoteStyle struct {
	Rule  Length `yaml:"rule"`
	Color string `yaml:"color"`
	Space Length `yaml:"space"`
}

// ArticleStyle spaces the headline package and closes the story.
type ArticleStyle struct {
	HeadSpace  Length `yaml:"head_space"`  // from the headline package to the body
	ModuleRule Length `yaml:"module_rule"` // rule under a story; 0 for none
	RuleColor  string `yaml:"rule_color"`
	RuleSpace  Length `yaml:"rule_space"`
	// DropCapLines is how many lines a drop cap sinks into (0: no drop
	// caps); it opens the first paragraph of stories whose priority is
	// DropCapPriority or more important (1 when 0: the leads).
	DropCapLines    int `yaml:"drop_cap_lines"`
	DropCapPriority int `yaml:"drop_cap_priority"`
	// CopyfitTracking is how far copyfitting may track a paragraph
	// tighter or looser (a share of the size), together with a line less
	// or more, where looseness alone would leave a hole; 0: never.
	CopyfitTracking Ratio `yaml:"copyfit_tracking"`
}

// PhotoStyle spaces photos and captions.
type PhotoStyle struct {
	CaptionSpace Length `yaml:"caption_space"`
	MinPPI       int    `yaml:"min_ppi"` // warn below this at placed size
}

// FolioStyle places the folio line.
type FolioStyle struct {
	Rule  Length `yaml:"rule"`
	Space Length `yaml:"space"` // from the folio baseline to the type area
}

// PrintStyle holds what the plant asks for.
type PrintStyle struct {
	CropMarks   bool   `yaml:"crop_marks"`
	MarkOffset  Length `yaml:"mark_offset"` // distance of marks from the trim
	SlugLine    bool   `yaml:"slug_line"`
	FilePattern string `yaml:"file_pattern"`
	InkLimit    int    `yaml:"ink_limit"` // total area coverage, %
}

// DatelineStyle says how a dateline is printed: Format has {place} and
// {date}; DateFormat has {month} (full name), {mon} (short), {day},
// {weekday} and {year}; PlaceUpper sets the place in capitals.
type DatelineStyle struct {
	Format     string `yaml:"format"`
	DateFormat string `yaml:"date_format"`
	PlaceUpper bool   `yaml:"place_upper"`
}

// CreditStyle says how the agency credit closes a story: Format has
// {source}; Staff is printed for the paper's own stories ("" for nothing).
type CreditStyle struct {
	Format string `yaml:"format"`
	Staff  string `yaml:"staff"`
	Align  string `yaml:"align"`
}

// Length is a units.Length written with a unit in YAML ("9pt", "12mm").
type Length = units.Length
