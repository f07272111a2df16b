package parser

import (
	"fmt"
	"strings"
	"testing"
)

// runOf parses one script line and returns its single run line's service.
func runOf(t *testing.T, line string) *Service {
	t.Helper()
	p, err := ParseRunFile(NewSource("run.sh", []byte(line+"\n")), RunShell)
	if err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	if len(p.Services) != 1 {
		t.Fatalf("%q: %d run lines, want 1", line, len(p.Services))
	}
	return p.Services[0]
}

// describe renders what the rules read of a service.
func describe(s *Service) string {
	var b []string
	if s.Image != nil {
		b = append(b, "image="+s.Image.Value)
	}
	if s.User != nil {
		b = append(b, "user="+s.User.Value)
	}
	if s.Privileged != nil {
		b = append(b, "privileged")
	}
	if s.Init != nil {
		b = append(b, fmt.Sprintf("init=%v", *s.Init))
	}
	for _, c := range s.CapAdd {
		b = append(b, "cap="+c.Value)
	}
	for _, o := range s.SecurityOpt {
		b = append(b, "secopt="+o.Value)
	}
	for _, k := range []string{"network_mode", "pid", "ipc", "uts", "userns_mode", "cgroup"} {
		if it := s.Namespaces[k]; it != nil {
			b = append(b, k+"="+it.Value)
		}
	}
	for _, p := range s.Ports {
		if p.Err != nil {
			b = append(b, "port!="+p.Raw)
		} else {
			b = append(b, "port="+p.Raw)
		}
	}
	for _, m := range s.Volumes {
		if m.Unresolved {
			b = append(b, "vol=?:"+m.Target)
		} else {
			b = append(b, "vol="+m.Type+":"+m.Source+":"+m.Target)
		}
	}
	for _, d := range s.Devices {
		b = append(b, "dev="+d.Value)
	}
	if s.Entrypoint != nil {
		b = append(b, "entrypoint="+strings.Join(s.Entrypoint.Argv, " "))
	}
	if s.Command != nil {
		b = append(b, "cmd="+strings.Join(s.Command.Argv, " "))
	}
	if s.Run.Detach {
		b = append(b, "detach")
	}
	return strings.Join(b, " ")
}

func TestRunLineFlags(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"docker run -it --rm alpine", "image=alpine"},
		{"docker run -itd alpine sh", "image=alpine cmd=sh detach"},
		{"docker run -v /data:/data alpine", "image=alpine vol=bind:/data:/data"},
		{"docker run --volume=/etc:/etc:ro alpine", "image=alpine vol=bind:/etc:/etc"},
		{"docker run -p80:80 -p 127.0.0.1:5432:5432 --publish=99999:1 nginx", "image=nginx port=80:80 port=127.0.0.1:5432:5432 port!=99999:1"},
		{"docker run --privileged alpine", "image=alpine privileged"},
		{"docker run --privileged=false alpine", "image=alpine"},
		{"docker run --privileged --privileged=false alpine", "image=alpine"},
		{"docker run --init=false --init alpine", "image=alpine init=true"},
		{"docker run -u 0 alpine", "image=alpine user=0"},
		{"docker run -u0:0 alpine", "image=alpine user=0:0"},
		{"docker run --user=root alpine", "image=alpine user=root"},
		{"docker run -itu root alpine", "image=alpine user=root"},
		{"docker run --cap-add SYS_ADMIN --cap-add=NET_ADMIN,SYS_PTRACE alpine", "image=alpine cap=SYS_ADMIN cap=NET_ADMIN cap=SYS_PTRACE"},
		{"docker run --security-opt seccomp=unconfined alpine", "image=alpine secopt=seccomp=unconfined"},
		{"docker run --net=host --pid host --ipc=host --uts host --userns=host --cgroupns host alpine", "image=alpine network_mode=host pid=host ipc=host uts=host userns_mode=host cgroup=host"},
		{"docker run --device /dev/sda:/dev/xvda alpine", "image=alpine dev=/dev/sda"},
		{"docker run --mount type=bind,source=/var/run/docker.sock,target=/s,readonly alpine", "image=alpine vol=bind:/var/run/docker.sock:/s"},
		{"docker run --entrypoint /bin/sh alpine -c 'exec x'", "image=alpine entrypoint=/bin/sh cmd=-c exec x"},
		// Value flags keep their value from being the image.
		{"docker run -e A=1 -w /app --name web -l x=y alpine", "image=alpine"},
		{"docker run --env-file .env -h host alpine", "image=alpine"},
		// The command's own flags are not docker's.
		{"docker run alpine --privileged -u 0 -p 1:1", "image=alpine cmd=--privileged -u 0 -p 1:1"},
		{"docker run -- alpine", "image=alpine"},
		// Variables stay unresolved.
		{`docker run -v "$PWD":/src -p "$PORT":80 "$IMAGE"`, "image=$IMAGE vol=?:/src"},
		{`docker run --user "$(id -u)" $IMG`, "image=$IMG user=$(id -u)"},
		{`docker run $DOCKER_OPTS --privileged app`, "image=app privileged"},
		{`docker run $EXTRA_ARGS app --privileged`, "image=app"},
		{`docker run $X $Y -it --privileged app`, "image=app privileged"},
		// Other tools and forms.
		{"docker container run --privileged alpine", "image=alpine privileged"},
		{"docker create --privileged alpine", "image=alpine privileged"},
		{"docker container create -u 0 alpine", "image=alpine user=0"},
		{"podman run --privileged alpine", "image=alpine privileged"},
		{"nerdctl run --privileged alpine", "image=alpine privileged"},
		{"sudo -E docker run --privileged alpine", "image=alpine privileged"},
		{"docker -H tcp://x:2375 --tls run --privileged alpine", "image=alpine privileged"},
		{"docker --context prod run -u 0 alpine", "image=alpine user=0"},
		{"docker compose -f a.yml run --rm -u 0 web sh", "user=0 cmd=sh"},
		{"docker-compose run --cap-add SYS_ADMIN web", "cap=SYS_ADMIN"},
	} {
		if got := describe(runOf(t, c.line)); got != c.want {
			t.Errorf("%s\n got  %s\n want %s", c.line, got, c.want)
		}
	}
}

func TestNotRunLines(t *testing.T) {
	for _, line := range []string{
		"docker ps --privileged", "echo docker run --privileged x", "docker build -t app .",
		"docker compose up -d", "docker container ls", "podman pull alpine", "dockerd --privileged",
		"docker image run", "# docker run --privileged x",
	} {
		p, err := ParseRunFile(NewSource("run.sh", []byte(line+"\n")), RunShell)
		if err != nil || len(p.Services) != 0 {
			t.Errorf("%q: %d run lines (%v), want none", line, len(p.Services), err)
		}
	}
}

func TestRunLineNames(t *testing.T) {
	s := runOf(t, "docker compose run web")
	if !s.Run.ComposeRun() || s.Image != nil || s.Run.Image.Value != "web" {
		t.Errorf("compose run: image %v, service word %v", s.Image, s.Run.Image)
	}
	if got := s.Subject(); got != "`docker compose run` at run.sh:1" {
		t.Errorf("subject %q", got)
	}
	if got := s.Setting("network_mode", "host"); got != "--network host" {
		t.Errorf("setting %q", got)
	}
	if got := (&Service{Name: "web"}).Setting("network_mode", "host"); got != "network_mode: host" {
		t.Errorf("compose setting %q", got)
	}
}

// at returns the start of the range of the first item that has want.
func pos(r Range) string { return fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Col) }

func TestRunLinePositions(t *testing.T) {
	for _, c := range []struct {
		name string
		kind RunFileKind
		text string
		want string // the privileged flag's position
	}{
		{"deploy.sh", RunShell, "#!/bin/sh\nset -e\ndocker run -d \\\n  --privileged app\n", "4:3"},
		{"deploy.sh", RunShell, "#!/bin/bash\nsh -c 'docker run --privileged app'\n", "2:19"},
		{"deploy.sh", RunShell, "#!/bin/sh\necho é; docker run --privileged app\n", "2:20"},
		{"Makefile", RunMakefile, "IMG := app\nrun: build\n\t@docker run $(OPTS_X) \\\n\t  --privileged $(IMG) $@\n", "4:4"},
		{"Makefile", RunMakefile, "run:\n\t-docker run --rm $$(id -u) --privileged app\n", "2:29"},
		{"ci.yml", RunWorkflow, "jobs:\n  a:\n    steps:\n      - run: |\n          echo ${{ matrix.x }}\n          docker run --rm \\\n            --privileged ${{ matrix.img }}\n", "7:13"},
		{"ci.yml", RunWorkflow, "jobs:\n  a:\n    steps:\n      - run: docker run --privileged app\n", "4:25"},
		{"ci.yml", RunWorkflow, "jobs:\n  a:\n    steps:\n      - run: \"docker run --privileged app\"\n", "4:26"},
		{"ci.yml", RunWorkflow, "jobs:\n  a:\n    services:\n      db:\n        image: postgres\n        options: >-\n          --health-cmd pg_isready\n          --privileged\n", "8:11"},
		{"ci.yml", RunWorkflow, "jobs:\n  a:\n    container:\n      image: x\n      options: --cpus 1 --privileged\n", "5:25"},
		{".gitlab-ci.yml", RunGitLabCI, "test:\n  script:\n    - echo hi\n    - docker run --privileged app\n", "4:18"},
		{".gitlab-ci.yml", RunGitLabCI, "test:\n  before_script:\n    - |\n      docker run \\\n        --privileged app\n", "5:9"},
		{"README.md", RunMarkdown, "# x\n\n```console\n$ docker run --privileged app\nout\n```\n", "4:14"},
		{"README.md", RunMarkdown, "- item\n\n   ```bash\n   docker run -d \\\n     --privileged app\n   ```\n", "5:6"},
	} {
		p, err := ParseRunFile(NewSource(c.name, []byte(c.text)), c.kind)
		if err != nil {
			t.Errorf("%s %q: %v", c.name, c.text, err)
			continue
		}
		got := ""
		for _, s := range p.Services {
			if s.Privileged != nil {
				got = pos(s.Privileged.Range)
			}
		}
		if got != c.want {
			t.Errorf("%s %q: --privileged at %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

func TestRunFileSnippetsNotShell(t *testing.T) {
	// Markdown code blocks that are not shell, console output, and
	// other languages are not read.
	md := "```console\n$ echo hi\ndocker run --privileged out\n```\n```yaml\nrun: docker run --privileged x\n```\n```\ndocker run --privileged x\n```\n```sh\nif then docker run\n```\n"
	p, err := ParseRunFile(NewSource("README.md", []byte(md)), RunMarkdown)
	if err != nil || len(p.Services) != 0 {
		t.Errorf("markdown: %d run lines, %v", len(p.Services), err)
	}
	// A script that is not shell is an error at its line when it holds a run line.
	_, err = ParseRunFile(NewSource("run.sh", []byte("#!/bin/sh\necho ok\ndocker run 'app\n")), RunShell)
	if pe, ok := err.(*ParseError); !ok || pe.Line != 3 {
		t.Errorf("broken script: %v, want a parse error on line 3", err)
	}
	// Bash the shell parser does not take (a dotted key of an associative
	// array) is not known to be broken: no error.
	_, err = ParseRunFile(NewSource("entrypoint.sh", []byte("#!/bin/bash\necho \"docker run command:\"\ndeclare -A C\nC=(\n [a.b]=\"x\"\n)\n")), RunShell)
	if err != nil {
		t.Errorf("bash the parser does not take: %v, want no error", err)
	}
	_, err = ParseRunFile(NewSource("run.sh", []byte("#!/bin/sh\nif then\n")), RunShell)
	if err != nil {
		t.Errorf("broken script without a run line: %v, want no error", err)
	}
	// A non-shell shebang is not read.
	p, _ = ParseRunFile(NewSource("run.sh", []byte("#!/usr/bin/env python3\nos.system('docker run --privileged x')\n")), RunShell)
	if len(p.Services) != 0 {
		t.Errorf("python script read as shell")
	}
	// A Makefile's variable lines and rule lines are not recipes.
	p, _ = ParseRunFile(NewSource("Makefile", []byte("RUN = docker run --privileged x\nall: ; docker run --privileged x\n")), RunMakefile)
	if len(p.Services) != 0 {
		t.Errorf("Makefile variable read as a recipe: %d", len(p.Services))
	}
}

// A published port's range is its value, where an edit of the mapping goes.
func TestRunPortRange(t *testing.T) {
	for _, tc := range []struct {
		line       string
		start, end int // columns of the port's range
	}{
		{"docker run -p 5432:5432 x", 15, 24},
		{"docker run -p5432:5432 x", 14, 23},
		{"docker run -p=5432:5432 x", 15, 24},
		{"docker run --publish=5432:5432 x", 22, 31},
		{"docker run --publish 5432:5432 x", 22, 31},
		{`docker run -p "5432:5432" x`, 15, 26},        // the quotes are the word's
		{`docker run --publish="5432:5432" x`, 12, 33}, // quoted inside: the whole word
	} {
		s := runOf(t, tc.line)
		if len(s.Ports) != 1 {
			t.Fatalf("%q: %d ports", tc.line, len(s.Ports))
		}
		r := s.Ports[0].Range
		if r.Start.Line != 1 || r.Start.Col != tc.start || r.End.Col != tc.end {
			t.Errorf("%q: range %v, want columns %d-%d", tc.line, r, tc.start, tc.end)
		}
	}
}

// `-e NAME=value` sets the service's environment; `-e NAME` takes the
// shell's value.
func TestRunLineEnvironment(t *testing.T) {
	svc := runOf(t, `docker run -d -e A=1 --env=B="$X" -e C --env D=two app`)
	var got []string
	for _, ev := range svc.Environment {
		got = append(got, fmt.Sprintf("%s=%s/%v/%v", ev.Name, ev.Value, ev.Literal, ev.Unset))
	}
	if want := "A=1/true/false B=$X/false/false C=/false/true D=two/true/false"; strings.Join(got, " ") != want {
		t.Errorf("environment %q, want %q", strings.Join(got, " "), want)
	}
}
