package cli_test

import (
	"os"
	"testing"

	"scholia/cmd/scholia/cli"
)

// TestMain lets this test binary stand in for scholia when the library
// check runs it as a child process.
func TestMain(m *testing.M) {
	if os.Getenv(cli.ChildEnv) != "" {
		inv, err := cli.Parse(os.Args[1:])
		if err != nil {
			os.Exit(cli.ExitUsage)
		}
		os.Exit(cli.Run(inv, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
