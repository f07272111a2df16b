package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// PublishedOnAllInterfacesOptions are published-on-all-interfaces'
// settings in .dlint.yaml.
type PublishedOnAllInterfacesOptions struct {
	Ports        []string `yaml:"ports" doc:"More container ports to treat as sensitive, as 8080 (tcp) or 8125/udp"`
	AllowedPorts []string `yaml:"allowed-ports" doc:"Ports of the built-in list that may face the network in this project, as 9200 or 11211/udp"`
}

// Validate checks that every entry is a port, with an optional protocol.
func (o *PublishedOnAllInterfacesOptions) Validate() error {
	for _, list := range []struct {
		key     string
		entries []string
	}{{"ports", o.Ports}, {"allowed-ports", o.AllowedPorts}} {
		for _, e := range list.entries {
			if _, _, err := parsePortEntry(e); err != nil {
				return fmt.Errorf("%s: %w", list.key, err)
			}
		}
	}
	return nil
}

// sensitive returns the ports the rule checks: the built-in list without
// the allowed ports, plus the configured ones.
func (o *PublishedOnAllInterfacesOptions) sensitive() []SensitivePort {
	if len(o.Ports) == 0 && len(o.AllowedPorts) == 0 {
		return SensitivePorts
	}
	allowed := map[string]bool{}
	for _, e := range o.AllowedPorts {
		if port, proto, err := parsePortEntry(e); err == nil {
			allowed[fmt.Sprintf("%d/%s", port, proto)] = true
		}
	}
	var out []SensitivePort
	for _, s := range SensitivePorts {
		protos := s.Protocols
		if protos == nil {
			protos = []string{"tcp"}
		}
		var kept []string
		for _, p := range protos {
			if !allowed[fmt.Sprintf("%d/%s", s.Port, p)] {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 {
			s.Protocols = kept
			out = append(out, s)
		}
	}
	for _, e := range o.Ports {
		if port, proto, err := parsePortEntry(e); err == nil && !allowed[fmt.Sprintf("%d/%s", port, proto)] {
			out = append(out, SensitivePort{Port: port, Service: "a port listed in .dlint.yaml", Protocols: []string{proto}})
		}
	}
	return out
}

// parsePortEntry reads "5432" or "8125/udp".
func parsePortEntry(e string) (int, string, error) {
	num, proto, hasProto := strings.Cut(strings.TrimSpace(e), "/")
	port, err := strconv.Atoi(num)
	if err != nil || port < 1 || port > 65535 {
		return 0, "", fmt.Errorf("%q is not a port from 1 to 65535 (write 5432 or 8125/udp)", e)
	}
	proto = strings.ToLower(proto)
	switch {
	case !hasProto:
		proto = "tcp"
	case proto != "tcp" && proto != "udp" && proto != "sctp":
		return 0, "", fmt.Errorf("%q has an unknown protocol (want tcp, udp or sctp)", e)
	}
	return port, proto, nil
}
