// Package reader is Scholia's reading widget: a document's blocks laid out
// in a centred column with a clear hierarchy, selectable to the exact code
// point with the mouse and keyboard, with coloured ranges (highlights, find
// matches, the selection) painted behind the text.
//
// Fyne has no widget that selects exact character ranges and paints
// coloured ranges, so this one wraps each block itself: words are measured
// with fyne.MeasureText (cached per style), lines are broken greedily, each
// line is one canvas.Text, and a pointer is mapped to a code point by a
// binary search over the widths of the line's prefixes. Only the lines in
// and near the viewport have canvas objects, taken from a pool, so a
// 150,000-word book opens and scrolls as fast as a page.
//
// Positions are code points of the document's Text (annotate.Document),
// the same offsets anchors use.
package reader
