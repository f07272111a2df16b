FROM alpine:3.20
USER 1000:1000
# A bare backslash is not a JSON escape.
# want: shell-form-pid1
CMD ["/bin/app", "--dir", "C:\data"]
