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
	// BlockTableRow is one row of a table: its cells' texts joined by
	// CellSeparator, where each cell begins given by Cells. Rows one after
	// another form a table.
	BlockTableRow BlockKind = "table_row"
)

// CellSeparator joins a table row's cells in the text: the text reads as
// it did before tables were drawn as tables, so anchors made then hold.
const CellSeparator = " · "

// Cell is where one cell of a table row begins: Start in code points from
// the block's start, Col the column it stands in (empty cells have no
// text, so a row may skip columns).
type Cell struct {
	Start int  `json:"start"`
	Col   int  `json:"col"`
	Head  bool `json:"head,omitempty"` // a header cell (<th>), drawn bold
}

// Block is one unit of a document: a heading, a paragraph, a list item...
// Text may hold '\n' where the source breaks lines on purpose (verse, code, a
// contents list). Start is the block's first code point in Document.Text.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Level int       `json:"level,omitempty"`
	Text  string    `json:"text"`
	Start int       `json:"start"`
	Page  int       `json:"page,omitempty"`  // 1-based page a PDF's block starts on; 0 for other formats
	Cells []Cell    `json:"cells,omitempty"` // a table row's cells
	// Turns are the pages that start inside a PDF's block (a paragraph
	// going on over a page break), At counting code points from the
	// block's start. Blocks stored before they were kept have none.
	Turns []PageStart `json:"turns,omitempty"`
}

// CellEnd is where cell i of a table row ends, in code points from the
// block's start: before the separator joining it to the next.
func (b Block) CellEnd(i int) int {
	if i+1 < len(b.Cells) {
		return b.Cells[i+1].Start - runeCount(CellSeparator)
	}
	return b.Len()
}

// Len is the block's length in code points.
func (b Block) Len() int { return runeCount(b.Text) }

// End is the code point just after the block.
func (b Block) End() int { return b.Start + b.Len() }
