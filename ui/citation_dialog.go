package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// citationForm edits a document's reference with a live preview of the
// citation in the chosen style.
type citationForm struct {
	title, authors, publisher, published, url, accessed, abstract *shortcutEntry
	style                                                         *widget.Select
	preview                                                       *widget.Label
}

func newCitationForm(ref annotate.Reference, style interop.Style) *citationForm {
	f := &citationForm{}
	entry := func(text, hint string) *shortcutEntry {
		e := newShortcutEntry(false)
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { f.update() }
		return e
	}
	f.title = entry(ref.Title, "Title")
	f.authors = entry(strings.Join(ref.Authors, "; "), "First Last; First Last")
	f.publisher = entry(ref.Publisher, "Site or publisher")
	f.published = entry(ref.Published, "2026-03-02, or a year")
	f.url = entry(ref.URL, "https://…")
	f.accessed = entry(ref.Accessed, "2026-11-26")
	f.abstract = newShortcutEntry(true)
	f.abstract.SetText(ref.Abstract)
	f.abstract.SetPlaceHolder("What the source is about")
	f.abstract.SetMinRowsVisible(2)
	f.abstract.OnChanged = func(string) { f.update() }
	var names []string
	for _, s := range interop.Styles {
		names = append(names, s.Name())
	}
	f.style = widget.NewSelect(names, func(string) { f.update() })
	f.preview = widget.NewLabel("")
	f.preview.Wrapping = fyne.TextWrapWord
	f.style.SetSelected(style.Name())
	return f
}

func (f *citationForm) reference() annotate.Reference {
	var authors []string
	for _, a := range strings.Split(f.authors.Text, ";") {
		if a = strings.TrimSpace(a); a != "" {
			authors = append(authors, a)
		}
	}
	return annotate.Reference{
		Title: strings.TrimSpace(f.title.Text), Authors: authors,
		Publisher: strings.TrimSpace(f.publisher.Text), Published: strings.TrimSpace(f.published.Text),
		URL: strings.TrimSpace(f.url.Text), Accessed: strings.TrimSpace(f.accessed.Text),
		Abstract: strings.TrimSpace(f.abstract.Text),
	}
}

func (f *citationForm) chosenStyle() interop.Style {
	return interop.Styles[max(f.style.SelectedIndex(), 0)]
}

func (f *citationForm) update() {
	if f.preview == nil || f.style == nil {
		return
	}
	f.preview.SetText(interop.Cite(f.reference(), f.chosenStyle(), false))
}

func (f *citationForm) content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Authors", f.authors),
		widget.NewFormItem("Site or publisher", f.publisher),
		widget.NewFormItem("Published", f.published),
		widget.NewFormItem("URL", f.url),
		widget.NewFormItem("Accessed", f.accessed),
		widget.NewFormItem("Abstract", f.abstract),
		widget.NewFormItem("Style", f.style),
	)
	caption := widget.NewLabelWithStyle("As it will be cited", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The preview keeps the height of three lines, scrolling a longer
	// citation, so that typing does not grow the dialog and move its
	// fields under the cursor.
	preview := container.NewVScroll(f.preview)
	preview.SetMinSize(fyne.NewSize(0, widget.NewLabel("1\n2\n3").MinSize().Height))
	return container.NewVBox(form, widget.NewSeparator(), caption, preview)
}

// citations edit the open document's citation details and the style to
// cite in, used by Copy with Citation and by exports.
type citations struct {
	changer
	state *windowState // the citation style chosen
	// showMessage tells about a mistake in one plain sentence.
	showMessage func(error)
	// reload reads the library list again: a citation's title renames
	// its document.
	reload func()
}

// show edits the open document's citation details, used by
// Copy with Citation and by exports. It closes once they are saved, and
// stays open, its fields kept, when saving them fails.
func (c *citations) show() {
	doc := c.reader.Document()
	if doc == nil {
		return
	}
	f := newCitationForm(doc.Ref(), c.state.citation)
	var d *dialog.CustomDialog
	var save, reset, cancel *widget.Button
	busy := func(on bool) {
		for _, b := range []*widget.Button{save, reset, cancel} {
			if on {
				b.Disable()
			} else {
				b.Enable()
			}
		}
	}
	saved := func(err error) {
		busy(false)
		if err != nil {
			c.showMessage(err)
			return
		}
		d.Hide()
	}
	save = widget.NewButton("Save", c.guard.wrap(func() {
		busy(true)
		c.save(f.reference(), f.chosenStyle(), saved)
	}))
	save.Importance = widget.HighImportance
	reset = widget.NewButton("Use Imported Details", c.guard.wrap(func() {
		busy(true)
		c.reset(saved)
	}))
	cancel = widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Citation Details", f.content(), c.win)
	d.SetButtons([]fyne.CanvasObject{cancel, reset, save})
	d.Resize(fyne.NewSize(620, 0))
	for _, e := range []*shortcutEntry{f.title, f.authors, f.publisher, f.published, f.url, f.accessed} {
		e.onCancel = func() {
			if !cancel.Disabled() {
				d.Hide()
			}
		}
	}
	c.dialogs.show(d)
}

// save saves the open document's citation details and the style
// to cite in, off the UI goroutine; done (may be nil) is told on the UI
// goroutine whether they were saved.
func (c *citations) save(ref annotate.Reference, style interop.Style, done func(error)) {
	c.setReference(&ref, "Citation details saved", func() { c.state.citation = style }, done)
}

// reset goes back to the details the import found; done as for save.
func (c *citations) reset(done func(error)) {
	c.setReference(nil, "Citation details reset to those found on import", nil, done)
}

// setReference stores the open document's reference (nil: the one found
// on import) as a change task; once it is saved, then (may be nil) runs
// and the status bar says msg.
func (c *citations) setReference(ref *annotate.Reference, msg string, then func(), done func(error)) {
	if done == nil {
		done = func(error) {}
	}
	doc := c.reader.Document()
	if doc == nil {
		done(nil)
		return
	}
	saveChange(c.changes, "Saving the citation details…", func() (*annotate.Document, error) {
		return c.lib.SetReference(doc.ID, ref)
	}, func(saved *annotate.Document, err error) {
		if err != nil {
			c.status.set("")
			done(err)
			return
		}
		doc.Reference = saved.Reference
		if saved.Title != doc.Title {
			doc.Title, doc.ImportedTitle = saved.Title, saved.ImportedTitle
			c.win.SetTitle(doc.Title + " — Scholia")
			c.reload()
		}
		if then != nil {
			then()
		}
		c.status.set(msg)
		done(nil)
	})
}
