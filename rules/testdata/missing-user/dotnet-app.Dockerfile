# want: missing-user
# The same base with an application to run: it runs as root.
FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine
COPY app /app
ENTRYPOINT ["/app/server"]
