# escape=`
# A Windows image: RUN goes to PowerShell, which dlint does not read as a
# POSIX shell, so nothing here is a package command.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Write-Output 'apk add curl'; `
    choco install -y git
