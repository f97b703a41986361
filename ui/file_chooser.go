package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// laneBrowse lists the folder the Open dialog shows: the newest wins.
const laneBrowse = "browse"

// fileChooser is the Open dialog. Fyne's file dialog picks one file and
// has no place to type a path; this one has both: a box to type or paste
// a path (Enter opens the file, or imports the folder, it names), and the
// documents and folders of a folder, where a click on a document ticks it
// so that several open at once, and a click on a folder goes into it.
// Folders are read off the UI goroutine.
type fileChooser struct {
	im *importer

	dir     string         // the folder listed
	entries []chooserEntry // its folders, then its documents
	ticked  map[string]bool

	path    *shortcutEntry
	problem *widget.Label // why the path typed cannot be opened
	where   *widget.Label // the folder listed
	list    *keyList
	empty   *widget.Label // says the folder holds nothing to open
	openBtn *widget.Button
	d       *dialog.CustomDialog
	closed  bool
}

// chooserEntry is a row of the Open dialog's list.
type chooserEntry struct {
	name string
	dir  bool
}

// showOpenDialog lets the reader pick files to import and open: several
// at once, or one typed or pasted, or a whole folder.
func (im *importer) showOpenDialog() {
	dir := im.lastDir
	if dir == "" {
		dir, _ = os.UserHomeDir()
	}
	im.chooser = newFileChooser(im)
	im.chooser.show(dir)
}

func newFileChooser(im *importer) *fileChooser {
	fc := &fileChooser{im: im, ticked: map[string]bool{}}
	fc.path = newShortcutEntry(false)
	fc.path.SetPlaceHolder("Type or paste the path of a file or folder, then press Enter")
	fc.path.OnSubmitted = func(string) { fc.openTyped() }
	fc.path.OnChanged = func(s string) {
		fc.problem.Hide()
		if strings.HasSuffix(s, string(filepath.Separator)) {
			fc.browse(expandHome(s))
		}
		fc.refreshButton()
	}
	fc.path.onCancel = fc.cancel
	fc.problem = widget.NewLabel("")
	fc.problem.Importance = widget.DangerImportance
	fc.problem.Wrapping = fyne.TextWrapWord
	fc.problem.Hide()
	fc.where = widget.NewLabel("")
	fc.where.Truncation = fyne.TextTruncateEllipsis
	fc.list = newKeyList(func() int { return len(fc.entries) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil, l)
	}, fc.updateRow)
	fc.list.keys[fyne.KeyEscape] = fc.cancel
	fc.list.keys[fyne.KeyReturn], fc.list.keys[fyne.KeyEnter] = fc.openChosen, fc.openChosen
	fc.empty = widget.NewLabel("No documents or folders here.")
	fc.empty.Importance = widget.LowImportance
	fc.empty.Hide()
	fc.list.OnSelected = func(id widget.ListItemID) {
		fc.list.Unselect(id)
		fc.tap(id)
	}
	fc.openBtn = widget.NewButton("Open", fc.openChosen)
	fc.openBtn.Importance = widget.HighImportance
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { fc.browse(filepath.Dir(fc.dir)) })
	home := widget.NewButtonWithIcon("", theme.HomeIcon(), func() {
		if h, err := os.UserHomeDir(); err == nil {
			fc.browse(h)
		}
	})
	all := widget.NewButton("Tick All", fc.tickAll)
	head := container.NewBorder(nil, nil, container.NewHBox(up, home), all, fc.where)
	top := container.NewVBox(fc.path, fc.problem, head)
	content := container.NewBorder(top, nil, nil, nil, container.NewStack(fc.list, container.NewVBox(fc.empty)))
	fc.d = dialog.NewCustomWithoutButtons("Open", content, im.win)
	folder := widget.NewButton("Import This Folder", fc.importFolder)
	fc.d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", fc.cancel), folder, fc.openBtn})
	return fc
}

// show lists dir and shows the dialog, as large as the window allows,
// with the keys in the path box.
func (fc *fileChooser) show(dir string) {
	size := fyne.NewSize(760, 520)
	if c := fc.im.win.Canvas().Size(); c.Width > 0 {
		size = fyne.NewSize(min(size.Width, c.Width-16), min(size.Height, c.Height-16))
	}
	fc.d.Resize(size)
	fc.refreshButton()
	fc.im.dialogs.showWith(fc.d.Show, fc.cancel)
	fc.im.win.Canvas().Focus(fc.path)
	fc.browse(dir)
}

// browse lists the folder dir off the UI goroutine and shows it; ticked
// files stay ticked, so files from several folders open together.
func (fc *fileChooser) browse(dir string) {
	dir = filepath.Clean(dir)
	start(fc.im.tasks, laneBrowse, "Reading "+filepath.Base(dir)+"…", func() ([]chooserEntry, error) {
		return readChooserDir(dir)
	}, func(entries []chooserEntry, err error) {
		if fc.closed || err != nil {
			return
		}
		fc.dir, fc.entries = dir, entries
		fc.im.lastDir = dir
		fc.where.SetText(dir)
		fc.empty.Hidden = len(entries) > 0
		fc.empty.Refresh()
		fc.list.Refresh()
		fc.list.ScrollToTop()
	})
}

// readChooserDir lists a folder's folders and the documents Scholia
// reads, each by name, hidden ones left out.
func readChooserDir(dir string) ([]chooserEntry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var dirs, docs []chooserEntry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := de.IsDir()
		if de.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			dirs = append(dirs, chooserEntry{name: name, dir: true})
		case slices.Contains(importExtensions, strings.ToLower(filepath.Ext(name))):
			docs = append(docs, chooserEntry{name: name})
		}
	}
	byName := func(a, b chooserEntry) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) }
	slices.SortFunc(dirs, byName)
	slices.SortFunc(docs, byName)
	return append(dirs, docs...), nil
}

func (fc *fileChooser) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(fc.entries) {
		return
	}
	e := fc.entries[id]
	row := o.(*fyne.Container)
	label, icon := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon)
	switch {
	case e.dir:
		icon.SetResource(theme.FolderIcon())
		label.SetText(e.name + string(filepath.Separator))
	case fc.ticked[filepath.Join(fc.dir, e.name)]:
		icon.SetResource(theme.CheckButtonCheckedIcon())
		label.SetText(e.name)
	default:
		icon.SetResource(theme.CheckButtonIcon())
		label.SetText(e.name)
	}
}

// tap goes into a folder, or ticks or unticks a document.
func (fc *fileChooser) tap(id widget.ListItemID) {
	if id < 0 || id >= len(fc.entries) {
		return
	}
	e := fc.entries[id]
	p := filepath.Join(fc.dir, e.name)
	if e.dir {
		fc.browse(p)
		return
	}
	if fc.ticked[p] {
		delete(fc.ticked, p)
	} else {
		fc.ticked[p] = true
	}
	fc.list.RefreshItem(id)
	fc.refreshButton()
}

// tickAll ticks every document listed, or unticks them when all are.
func (fc *fileChooser) tickAll() {
	var docs []string
	for _, e := range fc.entries {
		if !e.dir {
			docs = append(docs, filepath.Join(fc.dir, e.name))
		}
	}
	all := len(docs) > 0
	for _, p := range docs {
		all = all && fc.ticked[p]
	}
	for _, p := range docs {
		if all {
			delete(fc.ticked, p)
		} else {
			fc.ticked[p] = true
		}
	}
	fc.list.Refresh()
	fc.refreshButton()
}

// chosen are the ticked files, in path order.
func (fc *fileChooser) chosen() []string {
	var out []string
	for p := range fc.ticked {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// refreshButton names how many files Open opens.
func (fc *fileChooser) refreshButton() {
	n := len(fc.ticked)
	switch {
	case n > 1:
		fc.openBtn.SetText(fmt.Sprintf("Open %d Files", n))
	default:
		fc.openBtn.SetText("Open")
	}
	if n == 0 && strings.TrimSpace(fc.path.Text) == "" {
		fc.openBtn.Disable()
	} else {
		fc.openBtn.Enable()
	}
}

// openChosen imports the ticked files, or else the path typed.
func (fc *fileChooser) openChosen() {
	paths := fc.chosen()
	if len(paths) == 0 {
		fc.openTyped()
		return
	}
	fc.close()
	fc.im.files(paths)
}

// openTyped opens the path typed or pasted: a file is imported and
// opened, a folder imported with everything in it, a file of annotations
// imported as annotations; a path that is not there says so in the
// dialog, which stays. Nothing typed opens the ticked files.
func (fc *fileChooser) openTyped() {
	typed := strings.TrimSpace(fc.path.Text)
	if typed == "" {
		if len(fc.ticked) > 0 {
			fc.openChosen()
		}
		return
	}
	p := fc.typedPath(typed)
	start(fc.im.tasks, laneBrowse, "", func() (os.FileInfo, error) {
		return os.Stat(p)
	}, func(fi os.FileInfo, err error) {
		if fc.closed {
			return
		}
		switch {
		case errors.Is(err, os.ErrNotExist):
			fc.say(fmt.Sprintf("There is no file or folder %s.", p))
		case err != nil:
			fc.say(capitalise(err.Error()) + ".")
		case fi.IsDir():
			fc.close()
			fc.im.folder(p)
		case IsAnnotationFile(p):
			fc.close()
			fc.im.annotations(p)
		default:
			fc.close()
			fc.im.files(append(fc.chosen(), p))
		}
	})
}

// typedPath is the path typed (quotes and a leading ~ read as a shell
// does), from the folder listed when it is relative.
func (fc *fileChooser) typedPath(typed string) string {
	p := expandHome(strings.Trim(typed, `"'`))
	if !filepath.IsAbs(p) && fc.dir != "" {
		p = filepath.Join(fc.dir, p)
	}
	return p
}

// importFolder imports the folder the path box names, when it names one,
// else the folder listed: what the reader typed last is what they mean.
func (fc *fileChooser) importFolder() {
	dir := fc.dir
	if typed := strings.TrimSpace(fc.path.Text); typed != "" {
		dir = fc.typedPath(typed)
	}
	start(fc.im.tasks, laneBrowse, "", func() (bool, error) {
		fi, err := os.Stat(dir)
		return err == nil && fi.IsDir(), nil
	}, func(isDir bool, _ error) {
		if fc.closed {
			return
		}
		if !isDir {
			dir = fc.dir
		}
		fc.close()
		fc.im.folder(dir)
	})
}

// say shows why the path typed cannot be opened.
func (fc *fileChooser) say(problem string) {
	fc.problem.SetText(problem)
	fc.problem.Show()
}

func (fc *fileChooser) cancel() { fc.close() }

func (fc *fileChooser) close() {
	if fc.closed {
		return
	}
	fc.closed = true
	fc.d.Hide()
}

// expandHome reads a leading ~ as the home folder, as a shell does.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~"+string(filepath.Separator)) {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, p[1:])
		}
	}
	return p
}
