# ShellCheck's findings, at the Dockerfile's own lines (the test skips
# without a shellcheck binary on PATH).
FROM debian:12
# want: shellcheck
RUN cd /src; make
RUN --mount=type=cache,target=/root/.cache \
    --mount=type=cache,target=/tmp/x \
    echo 'é' \
# want: shellcheck
    && cd /src; make
# dash, Debian's /bin/sh, has no [[ ]].
# want: shellcheck
RUN [[ -n "$HOME" ]] && echo home
# A heredoc body is checked at its own lines.
RUN <<EOF
echo building
# want: shellcheck
cd /src; make
EOF
USER 10001
CMD ["app"]
