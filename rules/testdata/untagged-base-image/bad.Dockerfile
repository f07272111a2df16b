ARG IMG=node
# want: untagged-base-image
FROM python
# want: untagged-base-image
FROM --platform=linux/amd64 ghcr.io/acme/tool AS tool
# want: untagged-base-image
FROM ${IMG}
