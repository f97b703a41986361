//go:build unix

package desk

import (
	"os"
	"syscall"
)

// ownedByMe says whether this user owns the file.
func ownedByMe(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
