# The `sh -c` strings of exec forms, and shell-form CMD and ENTRYPOINT, are
# checked at their own lines and columns in the file.
FROM debian:12
# want: shellcheck
RUN ["sh", "-c", "cd /x; make"]
# JSON escapes before the finding do not move it.
# want: shellcheck
RUN ["/bin/bash", "-c", "echo \"\u0041\"; for f in $(ls /y); do echo \"$f\"; done"]
USER 10001
ENTRYPOINT ["/bin/sh", "-c", \
# want: shellcheck
    "cd /app; exec \"$0\" \"$@\""]
# want: shellcheck
CMD cd /app; exec ./server
