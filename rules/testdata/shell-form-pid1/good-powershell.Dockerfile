FROM mcr.microsoft.com/powershell:lts-7.4-ubuntu-22.04
SHELL ["pwsh", "-Command"]
CMD Write-Host "hello"; Start-Sleep 3600
