# An ARG is gone when the container runs: CMD's shell does not have it.
FROM alpine:3.21
ARG greeting=hello
RUN echo "$greeting"
# want: shellcheck
CMD echo "$greeting"
# A here-document's body: the variables are declared after its #! line,
# and what ShellCheck says still lands on the body's own lines.
RUN <<EOF
#!/bin/sh
echo "$greeting"
# want: shellcheck
cd /tmp; ls
EOF
