// compose-validate loads a compose file the way Docker Compose does (compose-go: schema,
// interpolation, consistency of references) and prints its services, or with --json the whole
// project as Compose resolved it (defaults filled in, bind mounts as absolute host paths). There is
// no Docker engine on the project's machines, so this is how the tests know docker-compose.yml
// would be accepted, and what each service would run. COMPOSE_PROFILES activates profiles, as it
// does for docker compose.
package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func main() {
	args := os.Args[1:]
	asJSON := len(args) == 2 && args[0] == "--json"
	if asJSON {
		args = args[1:]
	}
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: compose-validate [--json] <docker-compose.yml>")
		os.Exit(2)
	}
	opts, err := cli.NewProjectOptions(args, cli.WithOsEnv, cli.WithDefaultProfiles(), cli.WithConsistency(true))
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	if asJSON {
		out, err := project.MarshalJSON()
		if err != nil {
			fail(err)
		}
		fmt.Println(string(out))
		return
	}
	names := project.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		fmt.Println(name)
	}
}
