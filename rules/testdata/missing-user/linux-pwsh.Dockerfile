# want: missing-user
# PowerShell on Linux: SHELL pwsh does not make this a Windows image, and
# the container runs as root, not ContainerAdministrator.
FROM mcr.microsoft.com/powershell:ubuntu-22.04
SHELL ["pwsh", "-Command"]
RUN Write-Host "building"
CMD ["pwsh", "-File", "/app/run.ps1"]
