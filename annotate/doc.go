// Package annotate is Scholia's domain: documents made of blocks, annotations
// anchored on exact passages of a document's text, and the errors every layer
// shares. It is pure data and rules and imports no other package of ours.
//
// Offsets are Unicode code points of Document.Text, as the W3C
// TextPositionSelector counts them, never bytes.
package annotate
