# .NET Monitor's images build on aspnet's distroless tags, USER app.
FROM mcr.microsoft.com/dotnet/monitor/base:8.1.3-azurelinux-distroless-amd64
COPY extensions /app
