package library

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"scholia/annotate/ingest"
)

// Skipped is a file or folder a folder import leaves out, and why, in a
// few words: "image: not a document", "empty", "too big (20.1 MB; Scholia
// imports files up to 16 MB)".
type Skipped struct {
	Path string
	Why  string
}

// FolderScan is what a folder holds for an import: the files to import,
// in path order, and those left out with their reasons.
type FolderScan struct {
	Files   []string
	Skipped []Skipped
}

// kinds name what files Scholia does not read are, by their ending.
var kinds = map[string]string{}

func init() {
	for kind, exts := range map[string]string{
		"image: not a document":                                       ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .heic .heif .ico .raw .cr2 .nef",
		"audio: not a document":                                       ".mp3 .wav .flac .ogg .oga .m4a .aac .opus .wma .aiff",
		"video: not a document":                                       ".mp4 .mkv .avi .mov .webm .m4v .wmv .mpg .mpeg",
		"archive: unpack it first":                                    ".zip .tar .gz .tgz .bz2 .xz .7z .rar .zst",
		"office file: save it as PDF or HTML to import it":            ".doc .docx .odt .rtf .ppt .pptx .odp .xls .xlsx .ods .pages .key .numbers",
		"annotations, not a document: use File › Import Annotations…": ".json .jsonld",
		"program or library: not a document":                          ".exe .dll .so .dylib .bin .o .a .class .jar .pyc",
	} {
		for _, ext := range strings.Fields(exts) {
			kinds[ext] = kind
		}
	}
}

// whyNot says why a file with this name is not imported by its ending
// alone, "" when the ending is one Scholia reads.
func whyNot(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if importable[ext] {
		if ext == ".txt" && strings.Contains(strings.ToLower(name), "clippings") {
			return "Kindle clippings, not a document: use File › Import Annotations…"
		}
		return ""
	}
	if kind, ok := kinds[ext]; ok {
		return kind
	}
	if ext == "" {
		return "no file ending: not a kind of document Scholia reads"
	}
	return ext[1:] + ": not a kind of document Scholia reads"
}

// ScanFolder walks dir (recursively) for a folder import: it lists the
// plain-text, Markdown, HTML, EPUB and PDF files to import and names every
// other file with the reason it is left out: not a document, empty, too
// big, hidden, a folder that cannot be read. Only dir itself failing to be
// read is an error.
func ScanFolder(dir string) (FolderScan, error) {
	var s FolderScan
	skip := func(p, why string) { s.Skipped = append(s.Skipped, Skipped{Path: p, Why: why}) }
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			skip(p, "cannot be read: "+unwrapPathError(err).Error())
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				skip(p, "hidden folder")
				return filepath.SkipDir
			}
			skip(p, "hidden file")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if why := whyNot(name); why != "" {
			skip(p, why)
			return nil
		}
		fi, err := d.Info()
		switch {
		case err != nil:
			skip(p, "cannot be read: "+unwrapPathError(err).Error())
		case fi.Size() == 0:
			skip(p, "empty")
		case fi.Size() > ingest.MaxFileSize:
			skip(p, fmt.Sprintf("too big (%.1f MB; Scholia imports files up to %d MB)", float64(fi.Size())/(1<<20), ingest.MaxFileSize>>20))
		default:
			s.Files = append(s.Files, p)
		}
		return nil
	})
	sort.Strings(s.Files)
	sort.Slice(s.Skipped, func(i, j int) bool { return s.Skipped[i].Path < s.Skipped[j].Path })
	return s, err
}

// unwrapPathError drops the path an *fs.PathError repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
