# busybox ash has these, which a ShellCheck without its busybox dialect
# (before 0.10) reports for POSIX sh.
FROM alpine:3.21
RUN set -o pipefail && v=abc && echo "${v:0:1}" "${v//b/x}" && [[ -n "$v" ]] && echo -e "a\tb"
