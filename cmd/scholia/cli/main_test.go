package cli_test

import (
	"os"
	"testing"

	"scholia/cmd/scholia/cli"
)

// TestMain lets this test binary stand in for the processes the tests
// start: scholia itself when the library check runs it as a child, and
// the savers the crash and disk-full tests kill or starve.
func TestMain(m *testing.M) {
	switch {
	case os.Getenv(cli.ChildEnv) != "":
		inv, err := cli.Parse(os.Args[1:])
		if err != nil {
			os.Exit(cli.ExitUsage)
		}
		os.Exit(cli.Run(inv, os.Stdout, os.Stderr))
	case os.Getenv(saverEnv) != "":
		saveForever(os.Getenv(saverEnv))
	case os.Getenv(starvedEnv) != "":
		saveUntilFull(os.Getenv(starvedEnv))
	}
	os.Exit(m.Run())
}
