ARG TEMPLATE=${templateOption:imageVariant}
FROM mcr.microsoft.com/devcontainers/base:${TEMPLATE}
