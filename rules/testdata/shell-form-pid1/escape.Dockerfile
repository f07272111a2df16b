# escape=`
# Debian's dash never execs, whatever the file's escape rune.
FROM node:22-bookworm-slim
# want: shell-form-pid1
CMD node `
    server.js
