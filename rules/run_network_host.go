package rules

// RunNetworkHost reports build steps that share the build host's network.
var RunNetworkHost = &Rule{
	ID:       "run-network-host",
	Severity: Warning,
	Tags:     []string{TagSecurity, TagNetwork, TagDockerfile, TagCompose},
	Summary:  "A build step uses the build host's network: RUN --network=host, or compose build `network: host`",
	Doc: `## Why
A RUN step normally gets a network of its own. With ` + "`RUN --network=host`" + ` (or
compose ` + "`build: {network: host}`" + `, which applies to every RUN of the build) the
step shares the build host's network: it reaches services bound to the host's
localhost (a Docker API on 127.0.0.1:2375, a metadata endpoint, a database left
open for development) and any network the CI runner is on. It needs the
` + "`network.host`" + ` entitlement, which compose's ` + "`entitlements: [network.host]`" + ` grants.
A build that needs a local registry or proxy can reach it through
` + "`--add-host`" + ` / ` + "`extra_hosts:`" + ` instead.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
RUN --network=host npm ci
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
RUN --mount=type=cache,target=/root/.npm npm ci
` + "```" + `

## Silence
` + "`# dlint ignore=run-network-host`" + ` on the line above the RUN or the compose key, or
` + "`run-network-host: off`" + ` in .dlint.yaml.`,
	Check: checkRunNetworkHost,
}

func checkRunNetworkHost(pass *Pass) {
	if df := pass.Dockerfile; df != nil {
		for _, in := range runInstructions(df) {
			if in.Run == nil || in.Run.Network != "host" {
				continue
			}
			pass.Report(in.FlagRange("--network"), "`RUN --network=host` runs this build step on the build host's network, where it reaches whatever listens on the host's localhost and the CI's networks; drop the flag, and reach a local registry or proxy through `--add-host` instead")
		}
	}
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		b := s.Build
		if b == nil {
			continue
		}
		if b.Network != nil && b.Network.Value == "host" {
			hits = append(hits, serviceHit{Range: b.Network.Range, Service: s.Name, Key: "network"})
		}
		for _, e := range b.Entitlements {
			if e.Value == "network.host" {
				hits = append(hits, serviceHit{Range: e.Range, Service: s.Name, Key: "network.host"})
			}
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		if h.Key == "network.host" {
			return "the `network.host` entitlement of the build of " + services + " lets any `RUN --network=host` step of the Dockerfile use the build host's network; remove it unless a step needs it"
		}
		return "`network: host` runs every RUN step of the build of " + services + " on the build host's network, where it reaches whatever listens on the host's localhost; remove it, and reach a local registry or proxy through `extra_hosts:` instead"
	})
}
