//go:build !unix

package desk

import "os"

// ownedByMe: where files carry no owner id, the folder's access rules
// keep other users out.
func ownedByMe(os.FileInfo) bool { return true }
