# escape=`
# A backtick escape on a Linux base: ShellCheck reads the RUN as sh does,
# at the file's own lines.
FROM debian:12
RUN echo start && `
# want: shellcheck
    cd /src; make
# The continuation backtick is not a command substitution to ShellCheck.
RUN set -e; cd /src && `
    make install
USER 10001
CMD ["app"]
