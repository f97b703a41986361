package pdf

import (
	"errors"
	"fmt"

	"scholia/annotate"
)

// Sentinel errors, each unwrapped from the *Problem a reading returns, so
// a window can test errors.Is(err, ErrPassword) and ask for the password.
var (
	// ErrPassword: the PDF needs a user password, or the one given is wrong.
	ErrPassword = errors.New("pdf password needed")
	// ErrScanned: the pages are pictures of text, with no text layer.
	ErrScanned = errors.New("pdf holds only pictures of text")
	// ErrTruncated: the file stops before the PDF's end.
	ErrTruncated = errors.New("pdf cut short")
	// ErrNotPDF: the bytes are not a PDF.
	ErrNotPDF = errors.New("not a pdf")
	// ErrDamaged: PDFium could not read the PDF's structure.
	ErrDamaged = errors.New("pdf damaged")
	// ErrTimeout: reading took longer than the engine allows.
	ErrTimeout = errors.New("pdf took too long")
	// ErrTooManyPages: the PDF has more than MaxPages pages.
	ErrTooManyPages = errors.New("pdf has too many pages")
	// ErrEngine: the PDF reader itself could not start.
	ErrEngine = errors.New("pdf reader failed")
)

// Problem is one plain sentence for the user; it unwraps to one of the
// sentinels above and to the annotate sentinel a caller outside this
// package already tests (ErrUnsupportedFormat, ErrEmpty, ErrTooLarge).
type Problem struct {
	Msg  string
	Kind error
}

func (p *Problem) Error() string { return p.Msg }

// Unwrap returns the sentinel of this package and its annotate counterpart.
func (p *Problem) Unwrap() []error {
	switch p.Kind {
	case ErrScanned:
		return []error{p.Kind, annotate.ErrEmpty}
	case ErrTruncated, ErrNotPDF, ErrDamaged, ErrPassword:
		return []error{p.Kind, annotate.ErrUnsupportedFormat}
	case ErrTimeout, ErrTooManyPages:
		return []error{p.Kind, annotate.ErrTooLarge}
	}
	return []error{p.Kind}
}

func problem(kind error, format string, args ...any) error {
	return &Problem{Msg: fmt.Sprintf(format, args...), Kind: kind}
}
