// Package desk lets one running Scholia carry out the command lines run
// while it holds the library: the window listens on a private Unix domain
// socket named from the library's path, and a command line that finds it
// sends its arguments and working folder there and prints what comes back.
// Only Unix domain sockets are used (Linux, the BSDs, macOS and Windows 10
// have them), never the network.
package desk

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Request is one command line: its arguments (after the program name),
// the folder it was run in, and the library it names, resolved to an
// absolute path.
type Request struct {
	Args    []string `json:"args"`
	Cwd     string   `json:"cwd"`
	Library string   `json:"library"`
}

// Dir is the private folder the sockets live in: $XDG_RUNTIME_DIR/scholia,
// else scholia-UID in the temporary folder. It is made with mode 0700 and
// must be a folder of this user's that no one else can enter.
func Dir() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("scholia-%d", os.Getuid()))
	if rt := os.Getenv("XDG_RUNTIME_DIR"); rt != "" {
		dir = filepath.Join(rt, "scholia")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	if !info.IsDir() || info.Mode().Perm()&0o077 != 0 || !ownedByMe(info) {
		return "", fmt.Errorf("%s is not a private folder of this user (mode %v)", dir, info.Mode())
	}
	return dir, nil
}

// SocketPath is the socket of the Scholia holding the library at path.
func SocketPath(library string) (string, error) {
	abs, err := filepath.Abs(library)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	dir, err := Dir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, hex.EncodeToString(sum[:12])+".sock"), nil
}

// errUntrusted: the socket file is not one this user's Scholia made.
var errUntrusted = errors.New("the socket is not private to this user")

// trusted says whether the socket file at path is one this user's Scholia
// made: a socket, mode 0600, owned by this user.
func trusted(path string) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	return trustedInfo(path, info)
}

func trustedInfo(path string, info os.FileInfo) error {
	if info.Mode()&os.ModeSocket == 0 || info.Mode().Perm() != 0o600 || !ownedByMe(info) {
		return fmt.Errorf("%s: %w (mode %v)", path, errUntrusted, info.Mode())
	}
	return nil
}
