package annotate

import (
	"time"
)

// Kind is what an annotation is for.
type Kind string

// Annotation kinds.
const (
	KindHighlight Kind = "highlight"
	KindNote      Kind = "note"
	KindQuestion  Kind = "question"
)

// Colour is a highlight colour, by name so it reads well in exports.
type Colour string

// The highlight colours, each readable in light and dark themes.
const (
	Yellow Colour = "yellow"
	Green  Colour = "green"
	Blue   Colour = "blue"
	Pink   Colour = "pink"
	Purple Colour = "purple"
	Orange Colour = "orange"
)

// Colours lists the highlight colours in the order the UI offers them.
var Colours = []Colour{Yellow, Green, Blue, Pink, Purple, Orange}

// Status is the state of a question.
type Status string

// Question states.
const (
	StatusOpen     Status = "open"
	StatusAnswered Status = "answered"
	StatusDropped  Status = "dropped"
)

// Anchor places an annotation on a passage: Start and End are code points of
// Document.Text, Exact is the text between them, Prefix and Suffix up to
// ContextLen code points either side (the W3C TextQuoteSelector).
type Anchor struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// ContextLen is how many code points of context an anchor keeps each side.
const ContextLen = 32

// NewAnchor describes text[start:end) (code points) as an anchor.
func NewAnchor(text []rune, start, end int) (Anchor, error) {
	if start < 0 || end > len(text) || start >= end {
		return Anchor{}, Problemf(ErrInvalid, "passage %d-%d is outside the text of %d characters", start, end, len(text))
	}
	return Anchor{
		Start:  start,
		End:    end,
		Exact:  string(text[start:end]),
		Prefix: string(text[max(0, start-ContextLen):start]),
		Suffix: string(text[end:min(len(text), end+ContextLen)]),
	}, nil
}

// Answer closes a question: a text, and optionally the annotation whose
// passage answers it (in any document).
type Answer struct {
	Text string `json:"text,omitempty"`
	Link string `json:"link,omitempty"`
}

// Annotation is a highlight, note or question. Anchor is nil for a note on the
// whole document.
type Annotation struct {
	ID     string   `json:"id"`
	DocID  string   `json:"doc"`
	Kind   Kind     `json:"kind"`
	Colour Colour   `json:"colour,omitempty"`
	Anchor *Anchor  `json:"anchor,omitempty"`
	Body   string   `json:"body,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	Status Status   `json:"status,omitempty"`
	Answer *Answer  `json:"answer,omitempty"`
	// Orphan is set when the document changed and the passage could not
	// be found again: the anchor keeps the old quote and context until
	// the reader places it again.
	Orphan   bool      `json:"orphan,omitempty"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
}

// Validate checks the rules every stored annotation keeps.
func (a *Annotation) Validate() error {
	switch a.Kind {
	case KindHighlight, KindNote, KindQuestion:
	default:
		return Problemf(ErrInvalid, "%q is not a kind of annotation (highlight, note, question)", a.Kind)
	}
	if a.Colour != "" && !a.Colour.Valid() {
		return Problemf(ErrInvalid, "%q is not a highlight colour (yellow, green, blue, pink, purple, orange)", a.Colour)
	}
	if a.Kind == KindHighlight && a.Anchor == nil {
		return Problemf(ErrInvalid, "a highlight needs a passage")
	}
	switch a.Status {
	case "", StatusOpen, StatusAnswered, StatusDropped:
	default:
		return Problemf(ErrInvalid, "%q is not a question status (open, answered, dropped)", a.Status)
	}
	return nil
}

// Valid says whether c is one of the highlight colours.
func (c Colour) Valid() bool {
	for _, k := range Colours {
		if k == c {
			return true
		}
	}
	return false
}
