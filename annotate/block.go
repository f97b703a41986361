package annotate

// BlockKind says what a block is in the source's structure.
type BlockKind string

// Block kinds. Boilerplate is text that frames the work rather than belongs to
// it (a Project Gutenberg header or licence): kept, shown quietly, never in the
// outline.
const (
	BlockTitle       BlockKind = "title"
	BlockHeading     BlockKind = "heading"
	BlockParagraph   BlockKind = "paragraph"
	BlockListItem    BlockKind = "list_item"
	BlockQuote       BlockKind = "quote"
	BlockPre         BlockKind = "pre"
	BlockContents    BlockKind = "contents"
	BlockBoilerplate BlockKind = "boilerplate"
)

// Block is one unit of a document: a heading, a paragraph, a list item...
// Text may hold '\n' where the source breaks lines on purpose (verse, code, a
// contents list). Start is the block's first code point in Document.Text.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Level int       `json:"level,omitempty"`
	Text  string    `json:"text"`
	Start int       `json:"start"`
	Page  int       `json:"page,omitempty"` // 1-based page a PDF's block starts on; 0 for other formats
	// Turns are the pages that start inside a PDF's block (a paragraph
	// going on over a page break), At counting code points from the
	// block's start. Blocks stored before they were kept have none.
	Turns []PageStart `json:"turns,omitempty"`
}

// Len is the block's length in code points.
func (b Block) Len() int { return runeCount(b.Text) }

// End is the code point just after the block.
func (b Block) End() int { return b.Start + b.Len() }
