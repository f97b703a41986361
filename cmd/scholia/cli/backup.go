package cli

import (
	"flag"
	"fmt"
	"time"

	"scholia/annotate/library"
)

// runBackup writes a backup: into the backups folder beside the library,
// or to FILE.
func runBackup(e *env, args []string) error {
	args, err := parseFlags(flag.NewFlagSet("backup", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	dest, err := optionalFile(args, "backup")
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	info, wrote, err := lib.Backup(dest)
	if err != nil {
		return err
	}
	if !wrote {
		fmt.Fprintf(e.stdout, "unchanged since its backup %s: %s\n", info.Path, counts(info.Counts))
		return nil
	}
	fmt.Fprintf(e.stdout, "backed up to %s: %s\n", info.Path, counts(info.Counts))
	return nil
}

// runBackups lists the library's backups, newest first.
func runBackups(e *env, args []string) error {
	fs := flag.NewFlagSet("backups", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return errUsage{"backups takes no arguments; see scholia backups --help"}
	}
	path, err := e.inv.LibraryPath()
	if err != nil {
		return err
	}
	list, err := library.Backups(path)
	if err != nil {
		return err
	}
	if *asJSON {
		type row struct {
			Path string `json:"path"`
			library.BackupInfo
		}
		rows := make([]row, len(list))
		for i, b := range list {
			rows[i] = row{b.Path, b}
		}
		return writeJSON(e.stdout, rows)
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stdout, "%s has no backups yet; they are made when it is opened after a change, and every 10 minutes while it changes\n", path)
		return nil
	}
	for _, b := range list {
		fmt.Fprintf(e.stdout, "%s\t%d documents\t%d annotations\t%d in the trash\t%s\t%s\n",
			b.Time.Local().Format("2006-01-02 15:04:05"), b.Documents, b.Annotations, b.Trash, size(b.Size), b.Path)
	}
	return nil
}

// runRestore puts a backup (the newest unless one is named) in place of
// the library, keeping the library as .before-restore.
func runRestore(e *env, args []string) error {
	args, err := parseFlags(flag.NewFlagSet("restore", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	from, err := optionalFile(args, "restore")
	if err != nil {
		return err
	}
	path, err := e.inv.LibraryPath()
	if err != nil {
		return err
	}
	info, kept, err := library.RestoreBackup(path, from, ChildCheck, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s from %s: %s\n", path, info.Path, counts(info.Counts))
	if kept != "" {
		fmt.Fprintf(e.stdout, "the library as it was is kept as %s\n", kept)
	}
	return nil
}

// runCompact rewrites the library without its free space.
func runCompact(e *env, args []string) error {
	args, err := parseFlags(flag.NewFlagSet("compact", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return errUsage{"compact takes no arguments; see scholia compact --help"}
	}
	path, err := e.inv.LibraryPath()
	if err != nil {
		return err
	}
	res, err := library.Compact(path, ChildCheck)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "compacted %s: %s -> %s\n", path, size(res.Before), size(res.After))
	return nil
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
