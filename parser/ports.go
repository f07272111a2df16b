package parser

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// PortSpec is a port or port range with its protocol, and for a published
// port the host address and host port range.
type PortSpec struct {
	HostIP         string // "" when no address is given (all interfaces)
	HostStart      int    // 0 when no host port is given
	HostEnd        int
	ContainerStart int
	ContainerEnd   int
	Protocol       string // tcp, udp or sctp
}

// Contains reports whether the container side covers port/proto.
func (p PortSpec) Contains(port int, proto string) bool {
	return p.Protocol == proto && port >= p.ContainerStart && port <= p.ContainerEnd
}

// String renders the container side: "80/tcp", "8000-8010/udp".
func (p PortSpec) String() string {
	s := strconv.Itoa(p.ContainerStart)
	if p.ContainerEnd != p.ContainerStart {
		s += "-" + strconv.Itoa(p.ContainerEnd)
	}
	return s + "/" + p.Protocol
}

var validProtocols = map[string]bool{"tcp": true, "udp": true, "sctp": true}

// PortError is why a port word is invalid. Problem names the faulty part
// without repeating the whole input, so a caller can phrase its own message.
type PortError struct {
	Input   string
	Problem string
}

func (e *PortError) Error() string { return fmt.Sprintf("%q: %s", e.Input, e.Problem) }

func portErr(input, format string, args ...any) error {
	return &PortError{Input: input, Problem: fmt.Sprintf(format, args...)}
}

// withInput names the whole input in an error about one of its parts.
func withInput(err error, input string) error {
	if pe, ok := err.(*PortError); ok && pe.Input != input {
		return &PortError{Input: input, Problem: pe.Problem}
	}
	return err
}

// ParseExposePort parses one EXPOSE word: PORT[-END][/PROTO]. A host
// mapping or address is an error, as EXPOSE only documents a port.
func ParseExposePort(s string) (PortSpec, error) {
	if strings.Contains(s, ":") {
		return PortSpec{}, portErr(s, "maps a host port or address; EXPOSE only takes a container port, publish with `docker run -p` or compose `ports:`")
	}
	ports, proto, err := splitProto(s)
	if err != nil {
		return PortSpec{}, err
	}
	start, end, err := parseRange(ports)
	if err != nil {
		return PortSpec{}, withInput(err, s)
	}
	return PortSpec{ContainerStart: start, ContainerEnd: end, Protocol: proto}, nil
}

// ParsePortMapping parses compose's short port syntax the way Docker does
// (github.com/docker/go-connections/nat.ParsePortSpec):
// [[HOST_IP:][HOST_PORT[-END]]:]CONTAINER_PORT[-END][/PROTO]. An IPv6 host
// address is written in brackets. A host port of 0 or none at all means
// Docker picks a free one; a host range with a single container port is a
// range to pick one from.
func ParsePortMapping(s string) (PortSpec, error) {
	// Docker reads an empty protocol ("8080:80/") as tcp.
	body, proto, err := splitProto(strings.TrimSuffix(s, "/"))
	if err != nil {
		return PortSpec{}, withInput(err, s)
	}
	var ip string
	bracketed := strings.HasPrefix(body, "[")
	if bracketed {
		end := strings.Index(body, "]")
		if end < 0 || end+1 >= len(body) || body[end+1] != ':' {
			return PortSpec{}, portErr(s, "an IPv6 host address must be written [addr]:host:container")
		}
		ip, body = body[1:end], body[end+2:]
	}
	parts := strings.Split(body, ":")
	var hostPart, contPart string
	switch {
	case bracketed && len(parts) != 2:
		return PortSpec{}, portErr(s, "after the host address [%s] write host:container (the host port may be empty: [%s]::80)", ip, ip)
	case len(parts) == 1:
		contPart = parts[0]
	case len(parts) == 2:
		hostPart, contPart = parts[0], parts[1]
	case len(parts) == 3:
		ip, hostPart, contPart = parts[0], parts[1], parts[2]
	default:
		return PortSpec{}, portErr(s, "has too many colons; write an IPv6 host address in brackets: [::1]:8080:80")
	}
	if ip != "" && !validIP(ip) {
		return PortSpec{}, portErr(s, "%q is not an IP address", ip)
	}
	if ip == "" && validIP(hostPart) {
		return PortSpec{}, portErr(s, "gives the address %s but no host port; write %s::%s to let Docker pick the port", hostPart, hostPart, contPart)
	}
	spec := PortSpec{HostIP: ip, Protocol: proto}
	if contPart == "" {
		return PortSpec{}, portErr(s, "names no container port")
	}
	if spec.ContainerStart, spec.ContainerEnd, err = parseRange(contPart); err != nil {
		return PortSpec{}, withInput(err, s)
	}
	if err := spec.setHost(hostPart); err != nil {
		return PortSpec{}, withInput(err, s)
	}
	if err := spec.checkSizes(); err != nil {
		return PortSpec{}, withInput(err, s)
	}
	return spec, nil
}

// ParseLongPort checks and converts compose's long port syntax (target,
// published, host_ip, protocol), where published may be empty, a port or a
// range.
func ParseLongPort(target int, published, hostIP, protocol string) (PortSpec, error) {
	spec := PortSpec{HostIP: strings.TrimSuffix(strings.TrimPrefix(hostIP, "["), "]"), Protocol: strings.ToLower(protocol)}
	if spec.Protocol == "" {
		spec.Protocol = "tcp"
	}
	if !validProtocols[spec.Protocol] {
		return PortSpec{}, portErr(protocol, "unknown protocol %q (use tcp, udp or sctp)", protocol)
	}
	if spec.HostIP != "" && !validIP(spec.HostIP) {
		return PortSpec{}, portErr(hostIP, "host_ip %q is not an IP address", hostIP)
	}
	if target < 1 || target > 65535 {
		return PortSpec{}, portErr(strconv.Itoa(target), "target port %d is outside 1-65535", target)
	}
	spec.ContainerStart, spec.ContainerEnd = target, target
	if err := spec.setHost(published); err != nil {
		return PortSpec{}, withInput(err, published)
	}
	return spec, nil
}

// setHost fills the host port range; "" and "0" leave the choice to Docker.
func (p *PortSpec) setHost(s string) error {
	if s == "" || strings.Trim(s, "0") == "" {
		return nil
	}
	var err error
	p.HostStart, p.HostEnd, err = parseRange(s)
	return err
}

// checkSizes rejects a host range that cannot map one to one onto the
// container range. A host range with one container port is fine: Docker
// picks one free host port from it.
func (p PortSpec) checkSizes() error {
	if p.HostStart == 0 {
		return nil
	}
	hostN, contN := p.HostEnd-p.HostStart, p.ContainerEnd-p.ContainerStart
	if hostN != contN && contN != 0 {
		return portErr(p.String(), "maps a host range of %d ports to a container range of %d; make both ranges the same size", hostN+1, contN+1)
	}
	return nil
}

// HostPorts reports the host ports the mapping binds: all of the host range
// (fixed), one port picked from it (pickOne), or none when Docker picks any
// free port.
func (p PortSpec) HostPorts() (start, end int, pickOne bool) {
	if p.HostStart == 0 {
		return 0, 0, false
	}
	return p.HostStart, p.HostEnd, p.ContainerStart == p.ContainerEnd && p.HostEnd != p.HostStart
}

func splitProto(s string) (string, string, error) {
	body, proto, found := strings.Cut(s, "/")
	if !found {
		return body, "tcp", nil
	}
	if proto == "" {
		return body, "tcp", nil // Docker reads "80/" as 80/tcp
	}
	// Docker accepts the protocol in any case (443/TCP).
	if !validProtocols[strings.ToLower(proto)] {
		return "", "", portErr(s, "unknown protocol %q (use tcp, udp or sctp)", proto)
	}
	return body, strings.ToLower(proto), nil
}

func parseRange(s string) (int, int, error) {
	a, b, isRange := strings.Cut(s, "-")
	if isRange && a == "" {
		return 0, 0, portErr(s, "port range %q lacks its start", s)
	}
	if isRange && b == "" {
		return 0, 0, portErr(s, "port range %q lacks its end", s)
	}
	start, err := parsePort(a)
	if err != nil {
		return 0, 0, err
	}
	if !isRange {
		return start, start, nil
	}
	end, err := parsePort(b)
	if err != nil {
		return 0, 0, err
	}
	if end < start {
		return 0, 0, portErr(s, "port range %q ends before it starts", s)
	}
	return start, end, nil
}

func parsePort(s string) (int, error) {
	if s == "" {
		return 0, portErr(s, "missing port number")
	}
	if strings.Trim(s, "0123456789") != "" {
		return 0, portErr(s, "%q is not a port number", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 65535 {
		return 0, portErr(s, "port %s is outside 1-65535", s)
	}
	return n, nil
}

func validIP(s string) bool {
	host, _, _ := strings.Cut(s, "%") // an IPv6 zone
	return net.ParseIP(host) != nil
}
