package parser

import (
	"strings"
	"testing"
)

func TestParsePortMapping(t *testing.T) {
	tests := []struct {
		in   string
		want PortSpec
	}{
		{"80", PortSpec{ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"8080:80", PortSpec{HostStart: 8080, HostEnd: 8080, ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"127.0.0.1:8443:443/udp", PortSpec{HostIP: "127.0.0.1", HostStart: 8443, HostEnd: 8443, ContainerStart: 443, ContainerEnd: 443, Protocol: "udp"}},
		{"127.0.0.1::80", PortSpec{HostIP: "127.0.0.1", ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{":80", PortSpec{ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"0:80", PortSpec{ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"[::1]:5432:5432", PortSpec{HostIP: "::1", HostStart: 5432, HostEnd: 5432, ContainerStart: 5432, ContainerEnd: 5432, Protocol: "tcp"}},
		{"[::]::53/udp", PortSpec{HostIP: "::", ContainerStart: 53, ContainerEnd: 53, Protocol: "udp"}},
		{"[fe80::1%eth0]:80:80", PortSpec{HostIP: "fe80::1%eth0", HostStart: 80, HostEnd: 80, ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"8000-8010:8000-8010", PortSpec{HostStart: 8000, HostEnd: 8010, ContainerStart: 8000, ContainerEnd: 8010, Protocol: "tcp"}},
		{"8000-8001:80", PortSpec{HostStart: 8000, HostEnd: 8001, ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"9000-9002", PortSpec{ContainerStart: 9000, ContainerEnd: 9002, Protocol: "tcp"}},
		{"5000:5000/SCTP", PortSpec{HostStart: 5000, HostEnd: 5000, ContainerStart: 5000, ContainerEnd: 5000, Protocol: "sctp"}},

		{"8080:80/", PortSpec{HostStart: 8080, HostEnd: 8080, ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
		{"065535:080", PortSpec{HostStart: 65535, HostEnd: 65535, ContainerStart: 80, ContainerEnd: 80, Protocol: "tcp"}},
	}
	for _, tt := range tests {
		got, err := ParsePortMapping(tt.in)
		if err != nil {
			t.Errorf("ParsePortMapping(%q): unexpected error %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParsePortMapping(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParsePortMappingErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"", "names no container port"},
		{"8080:", "names no container port"},
		{"80:80:80", "not an IP address"},
		{"localhost:80:80", "not an IP address"},
		{"0.0.0.0:80", "no host port; write 0.0.0.0::80"},
		{"::1:8080:80", "too many colons"},
		{"[::1]:80", "write host:container"},
		{"[::1:80:80", "must be written [addr]:host:container"},
		{"[::1]8080:80", "must be written [addr]:host:container"},
		{"70000:80", "outside 1-65535"},
		{"8080:0", "outside 1-65535"},
		{"8080:65536", "outside 1-65535"},
		{"-1:80", "lacks its start"},
		{"+80:80", "not a port number"},
		{"80:80/tpc", `unknown protocol "tpc"`},
		{"8000-8010:8000-8005", "host range of 11 ports to a container range of 6"},
		{"8000:8000-8010", "host range of 1 ports to a container range of 11"},
		{"8010-8000:80", "ends before it starts"},
		{"0-10:80", "outside 1-65535"},
		{"abc", "not a port number"},
		{"${PORT}:80", "not a port number"},
	}
	for _, tt := range tests {
		_, err := ParsePortMapping(tt.in)
		if err == nil {
			t.Errorf("ParsePortMapping(%q): expected an error containing %q", tt.in, tt.wantErr)
			continue
		}
		if !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParsePortMapping(%q) error = %q, want it to contain %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestParseLongPort(t *testing.T) {
	got, err := ParseLongPort(5432, "", "", "")
	if err != nil || got != (PortSpec{ContainerStart: 5432, ContainerEnd: 5432, Protocol: "tcp"}) {
		t.Errorf("ParseLongPort(5432) = %+v, %v", got, err)
	}
	got, err = ParseLongPort(80, "8000-8005", "[::1]", "UDP")
	if err != nil || got != (PortSpec{HostIP: "::1", HostStart: 8000, HostEnd: 8005, ContainerStart: 80, ContainerEnd: 80, Protocol: "udp"}) {
		t.Errorf("ParseLongPort(80, 8000-8005) = %+v, %v", got, err)
	}
	for _, bad := range []struct {
		target              int
		published, ip, prot string
	}{
		{0, "80", "", "tcp"},
		{80, "99999", "", "tcp"},
		{80, "80", "nope", "tcp"},
		{80, "80", "", "icmp"},
	} {
		if _, err := ParseLongPort(bad.target, bad.published, bad.ip, bad.prot); err == nil {
			t.Errorf("ParseLongPort(%+v): expected an error", bad)
		}
	}
}

func TestHostPorts(t *testing.T) {
	tests := []struct {
		in         string
		start, end int
		pickOne    bool
	}{
		{"80", 0, 0, false},
		{"8080:80", 8080, 8080, false},
		{"8000-8010:8000-8010", 8000, 8010, false},
		{"8000-8010:80", 8000, 8010, true},
	}
	for _, tt := range tests {
		spec, err := ParsePortMapping(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		start, end, pick := spec.HostPorts()
		if start != tt.start || end != tt.end || pick != tt.pickOne {
			t.Errorf("%q.HostPorts() = %d, %d, %v; want %d, %d, %v", tt.in, start, end, pick, tt.start, tt.end, tt.pickOne)
		}
	}
}

func TestParseExposePort(t *testing.T) {
	for _, ok := range []string{"80", "80/udp", "7002-7003/udp", "443/TCP"} {
		if _, err := ParseExposePort(ok); err != nil {
			t.Errorf("ParseExposePort(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"80:80", "0", "65536", "80/icmp", "http", ""} {
		if _, err := ParseExposePort(bad); err == nil {
			t.Errorf("ParseExposePort(%q): expected an error", bad)
		}
	}
}
