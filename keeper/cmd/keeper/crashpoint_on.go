//go:build crashpoints

package main

import (
	"os"

	"github.com/laketravis/laketravis/keeper/crashpoint"
)

// armCrashpoint arms the crash point named by crashpoint.EnvVar and returns it. Only a keeper built with
// the crashpoints tag (the crash tests' build) has this; a production build ignores the variable.
func armCrashpoint() string {
	crashpoint.Arm(os.Getenv(crashpoint.EnvVar))
	return crashpoint.Armed()
}
