// Command dlint lints Dockerfiles, Docker Compose files and the entrypoint
// scripts they start.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
