# dlint does not know this image's /bin/sh: the message says what it assumes.
FROM ghcr.io/acme/runtime:1.4
# want: shell-form-pid1
CMD ./server --port 8080
