# Shell that ShellCheck has nothing to say about.
FROM debian:12
USER 10001
# A SHELL with -e stops at a failed cd; so does `sh -ec`.
SHELL ["/bin/sh", "-ec"]
RUN cd /src; make
HEALTHCHECK CMD ["sh", "-ec", "cd /tmp; test -f ok"]
ENTRYPOINT ["/bin/sh", "-ec", "cd /app; exec \"$0\" \"$@\""]
# The shell a CMD runs with is the SHELL above it, not a later one.
CMD cd /app; exec ./server
SHELL ["/bin/bash", "-c"]
