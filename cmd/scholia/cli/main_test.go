package cli_test

import (
	"os"
	"syscall"
	"testing"

	"scholia/cmd/scholia/cli"
)

// dieEnv makes the check child die at once of the signal it names:
// KILL as the out-of-memory killer does, SEGV as a fault in bbolt does.
const dieEnv = "SCHOLIA_CHECK_CHILD_DIES"

func die(sig string) {
	s := syscall.SIGKILL
	if sig == "SEGV" {
		s = syscall.SIGSEGV
	}
	_ = syscall.Kill(os.Getpid(), s)
	select {}
}

// TestMain lets this test binary stand in for the processes the tests
// start: scholia itself when the library check runs it as a child, and
// the savers the crash and disk-full tests kill or starve.
func TestMain(m *testing.M) {
	switch {
	case os.Getenv(cli.ChildEnv) != "":
		if sig := os.Getenv(dieEnv); sig != "" {
			die(sig)
		}
		inv, err := cli.Parse(os.Args[1:])
		if err != nil {
			os.Exit(cli.ExitUsage)
		}
		os.Exit(cli.Run(inv, os.Stdout, os.Stderr))
	case os.Getenv(saverEnv) != "":
		saveForever(os.Getenv(saverEnv))
	case os.Getenv(starvedEnv) != "":
		saveUntilFull(os.Getenv(starvedEnv))
	case os.Getenv(starvedImportEnv) != "":
		importStarved(os.Getenv(starvedImportEnv))
	}
	os.Exit(m.Run())
}
