# What ShellCheck has nothing to say about, and what dlint does not give it.
FROM debian:12
ARG PKGS="curl ca-certificates"
# SC2086 is off by default: splitting $PKGS is the point.
RUN apt-get update && apt-get install -y --no-install-recommends $PKGS && rm -rf /var/lib/apt/lists/*
# Flags over continuation lines are not a command.
RUN --mount=type=cache,target=/root/.cache \
    --network=none \
    cd /src && make
# bash has [[ ]].
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [[ -n "$HOME" ]] && echo home
# An exec form without a shell is not shell; with -e the shell stops at a
# failed cd, so ShellCheck is told.
RUN ["make", "-C", "/x; cd"]
RUN ["sh", "-ec", "cd /x; make"]
# A heredoc that is not shell is not checked.
RUN <<EOF
#!/usr/bin/env python3
print("cd /x; make")
EOF
# ShellCheck's own directive works in a heredoc body.
RUN <<EOF
# shellcheck disable=SC2164
cd /src; make
EOF
# With set -e, ShellCheck does not ask for cd || exit.
RUN set -e; cd /src; make
USER 10001
CMD ["app"]
