package interop

import (
	"encoding/json"
	"time"

	"scholia/annotate"
)

// jsonReader walks a JSON file of annotations with the decoder's tokens:
// the collection, its pages and their lists of items (or Hypothesis rows)
// are read token by token, each annotation decoded whole on its own, so
// a file of a million annotations is read in the memory of one.
type jsonReader struct {
	name string
	in   *input
	dec  *json.Decoder
	now  time.Time
	each func(Incoming) error
	w3c  *w3cWalker
}

func (j *jsonReader) file() error {
	j.w3c = &w3cWalker{name: j.name, now: j.now, emit: j.each}
	tok, err := j.token()
	if err != nil {
		return err
	}
	if tok == json.Delim('[') {
		err = j.list(0, nil)
	} else {
		err = j.object(0)
	}
	if err != nil {
		return err
	}
	if j.dec.More() {
		return annotate.Problemf(annotate.ErrInvalid, "%s has more after its JSON value ends; is it two files joined?", j.name)
	}
	return nil
}

// token reads the next token, which may be no larger than MaxItemSize.
func (j *jsonReader) token() (json.Token, error) {
	j.in.left = MaxItemSize
	t, err := j.dec.Token()
	if err != nil {
		return nil, jsonProblem(j.name, j.in, err)
	}
	return t, nil
}

// value decodes the next value whole, which may be no larger than
// MaxItemSize.
func (j *jsonReader) value() (any, error) {
	j.in.left = MaxItemSize
	var v any
	if err := j.dec.Decode(&v); err != nil {
		return nil, jsonProblem(j.name, j.in, err)
	}
	return v, nil
}

// list reads the items of a list whose '[' was read, one at a time, and
// its ']'. hypothesis says whether they are Hypothesis rows; nil lets the
// first item say.
func (j *jsonReader) list(depth int, hypothesis *bool) error {
	for i := 0; j.dec.More(); i++ {
		v, err := j.value()
		if err != nil {
			return err
		}
		if hypothesis == nil {
			h := isHypothesis(v)
			hypothesis = &h
		}
		if *hypothesis {
			err = j.row(i, v)
		} else {
			err = j.w3c.walk(v, depth+1)
		}
		if err != nil {
			return err
		}
	}
	_, err := j.token()
	return err
}

func (j *jsonReader) row(i int, v any) error {
	in, err := hypothesisRow(j.name, i, v, j.now)
	if err != nil {
		return err
	}
	return j.each(in)
}

// object reads an object whose '{' was read, and its '}'. The members
// that hold annotations (a collection's first page, a page's items and
// next page, Hypothesis rows) are read as they come; the others are
// decoded, and when nothing was read as it came the object is one
// annotation (or one Hypothesis row).
func (j *jsonReader) object(depth int) error {
	if depth > 8 {
		return shapeError(j.name, "collections nest too deeply")
	}
	rest := map[string]any{}
	streamed, rowsRead := false, false
	for j.dec.More() {
		t, err := j.token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		switch key {
		case "first", "next", "items", "rows":
			t, err := j.token()
			if err != nil {
				return err
			}
			switch t {
			case json.Delim('{'):
				streamed, err = true, j.object(depth+1)
			case json.Delim('['):
				rows := key == "rows"
				streamed, rowsRead, err = true, rowsRead || rows, j.list(depth+1, &rows)
			default:
				rest[key] = t
			}
			if err != nil {
				return err
			}
		default:
			v, err := j.value()
			if err != nil {
				return err
			}
			rest[key] = v
		}
	}
	if _, err := j.token(); err != nil {
		return err
	}
	if streamed {
		page := hasType(rest, "AnnotationPage") || hasType(rest, "AnnotationCollection")
		if !rowsRead && (hasType(rest, "Annotation") || !page) {
			return notAnnotation(j.name)
		}
		return nil
	}
	if rows, ok := rest["rows"]; ok {
		for i, r := range list(rows) {
			if err := j.row(i, r); err != nil {
				return err
			}
		}
		return nil
	}
	if isHypothesis(rest) {
		return j.row(0, rest)
	}
	return j.w3c.walk(rest, depth)
}
