# A trap with a handler keeps every shell alive.
FROM alpine:3.21
# want: shell-form-pid1
CMD trap 'echo bye' TERM; server
